import ERDSchema

/// Reads references a schema does not declare from its column names, as Rails and Django name
/// them; pure, and opt-in (`--infer-relations`).
///
/// A column `X_id` (also `XId`, `X_uuid`) points at the table named `X`, its plural (`Inflector`),
/// or `prefix_X`/`prefix_Xs` for a prefix of the column's own table (`customer_id` in `shop_carts`
/// → `shop_customers`), when that table's primary key is one column of a compatible type
/// (`TypeFamily`). Tables of the column's own schema win over those of other schemas.
///
/// Nothing is guessed: a column with two candidate tables, a Rails polymorphic pair
/// (`commentable_type` + `commentable_id`) and a name whose table has no fitting key become
/// notes, not relations. A column any declared foreign key covers is left alone.
///
/// `parent_id` (the tree convention of Rails' `acts_as_tree`, Django's MPTT and many schemas)
/// points at the column's own table when no `parent` or `parents` table exists.
public enum RelationInference {
  public static func infer(_ catalog: Catalog) -> Inference {
    let index = TableIndex(catalog)
    var result = Inference()
    for (name, table) in index.tables {
      for column in table.columns where !column.hidden {
        examine(column, of: table, named: name, index, into: &result)
      }
    }
    return result
  }

  private static func examine(
    _ column: Column, of table: Table, named name: QualifiedName, _ index: TableIndex, into result: inout Inference
  ) {
    let words = Inflector.words(column.name)
    guard words.count >= 2, let last = words.last, last == "id" || last == "uuid" else { return }
    guard !table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) else { return }
    let stem = Array(words.dropLast())
    if last == "id", let type = table.columns.first(where: { Inflector.words($0.name) == stem + ["type"] }) {
      result.notes.append(InferenceNote(table: name, column: column.name, kind: .polymorphic(typeColumn: type.name)))
      return
    }
    var candidates = index.candidates(stem, near: name)
    if candidates.isEmpty, stem == ["parent"] { candidates = [(name, table, .parentOfSameTable)] }
    // A table's own key column names the table itself: `users.user_id` references nothing.
    candidates.removeAll { $0.name == name && table.primaryKey?.columns.contains(column.name) == true }
    let (fitting, misfits) = sort(candidates, for: column, of: name)
    if fitting.count == 1 {
      result.relations += fitting
    } else if fitting.count > 1 {
      let tables = fitting.map(\.referencedTable)
      result.notes.append(InferenceNote(table: name, column: column.name, kind: .ambiguous(tables)))
    } else {
      result.notes += misfits
    }
  }

  /// The candidates whose key the column can reference, as relations, and notes on the others.
  private static func sort(
    _ candidates: [(name: QualifiedName, table: Table, rule: InferenceRule)], for column: Column,
    of name: QualifiedName
  ) -> (fitting: [InferredRelation], misfits: [InferenceNote]) {
    var fitting: [InferredRelation] = []
    var misfits: [InferenceNote] = []
    for candidate in candidates {
      switch key(of: candidate.table, fits: column) {
      case .success(let key):
        fitting.append(
          InferredRelation(
            table: name, column: column.name, referencedTable: candidate.name, referencedColumn: key,
            rule: candidate.rule))
      case .failure(let reason):
        misfits.append(
          InferenceNote(table: name, column: column.name, kind: .unfittingKey(candidate.name, reason: reason.text)))
      }
    }
    return (fitting, misfits)
  }

  private struct Misfit: Error {
    var text: String
  }

  /// The referenced table's single key column when the column's type fits it.
  private static func key(of target: Table, fits column: Column) -> Result<String, Misfit> {
    guard let pk = target.primaryKey?.columns, !pk.isEmpty else { return .failure(Misfit(text: "has no primary key")) }
    guard pk.count == 1, let key = target.column(named: pk[0]) else {
      return .failure(Misfit(text: "has a primary key of \(pk.count) columns"))
    }
    let (mine, theirs) = (column.baseType ?? column.type, key.baseType ?? key.type)
    guard TypeFamily.compatible(mine, theirs) else {
      return .failure(Misfit(text: "has the key \(key.name) of type \(theirs), the column is \(mine)"))
    }
    return .success(key.name)
  }
}

/// The tables of a catalog by the words of their names, partitions left out.
private struct TableIndex {
  var tables: [(name: QualifiedName, table: Table)]
  var byWords: [String: [QualifiedName]] = [:]
  var byName: [QualifiedName: Table] = [:]

  init(_ catalog: Catalog) {
    tables = catalog.allTables.filter { $0.table.partitionOf == nil }
    for (name, table) in tables {
      byWords[Self.key(Inflector.words(name.name)), default: []].append(name)
      byName[name] = table
    }
  }

  static func key(_ words: [String]) -> String { words.joined(separator: "_") }

  /// The tables a name stem may mean, each once with the first rule that found it; tables of
  /// the schema of `child` only, when there are any there.
  func candidates(
    _ stem: [String], near child: QualifiedName
  ) -> [(name: QualifiedName, table: Table, rule: InferenceRule)] {
    let plural = Inflector.plural(words: stem)
    var forms: [(words: [String], rule: InferenceRule)] = [(stem, .tableName), (plural, .pluralTableName)]
    let childWords = Inflector.words(child.name)
    for n in stride(from: 1, to: childWords.count, by: 1) {
      let prefix = Array(childWords.prefix(n))
      let rule = InferenceRule.prefixedTableName(prefix: Self.key(prefix))
      forms += [(prefix + stem, rule), (prefix + plural, rule)]
    }
    var seen: Set<QualifiedName> = []
    var found: [(name: QualifiedName, table: Table, rule: InferenceRule)] = []
    for form in forms {
      for name in byWords[Self.key(form.words)] ?? [] where seen.insert(name).inserted {
        if let table = byName[name] { found.append((name, table, form.rule)) }
      }
    }
    let local = found.filter { $0.name.schema == child.schema }
    return local.isEmpty ? found : local
  }
}

/// What inference found: the relations it draws and the notes on what it would not guess.
public struct Inference: Hashable, Sendable {
  public var relations: [InferredRelation]
  public var notes: [InferenceNote]

  public init(relations: [InferredRelation] = [], notes: [InferenceNote] = []) {
    self.relations = relations
    self.notes = notes
  }
}

/// A reference read from a column's name: `table.column` → `referencedTable.referencedColumn`.
public struct InferredRelation: Hashable, Sendable, CustomStringConvertible {
  public var table: QualifiedName
  public var column: String
  public var referencedTable: QualifiedName
  /// The referenced table's primary key, a single column.
  public var referencedColumn: String
  public var rule: InferenceRule

  public init(
    table: QualifiedName, column: String, referencedTable: QualifiedName, referencedColumn: String, rule: InferenceRule
  ) {
    self.table = table
    self.column = column
    self.referencedTable = referencedTable
    self.referencedColumn = referencedColumn
    self.rule = rule
  }

  public var description: String {
    "\(table).\(column) → \(referencedTable).\(referencedColumn) (\(rule))"
  }
}

/// Which naming convention made an inferred relation.
public enum InferenceRule: Hashable, Sendable, CustomStringConvertible {
  /// `user_id` → `user`.
  case tableName
  /// `user_id` → `users`, `person_id` → `people`.
  case pluralTableName
  /// `customer_id` in `shop_carts` → `shop_customers`.
  case prefixedTableName(prefix: String)
  /// `parent_id` with no `parent` or `parents` table → the column's own table.
  case parentOfSameTable

  public var description: String {
    switch self {
    case .tableName: return "named after the table"
    case .pluralTableName: return "named after the table, in the singular"
    case .prefixedTableName(let prefix): return "named after the table without its prefix \(prefix)_"
    case .parentOfSameTable: return "parent_id with no parent table: the table itself"
    }
  }
}

/// A column inference looked at and would not draw, with the reason.
public struct InferenceNote: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// A Rails polymorphic pair: the id column's table is named by the rows of `typeColumn`.
    case polymorphic(typeColumn: String)
    /// Two or more tables fit the name; none is chosen.
    case ambiguous([QualifiedName])
    /// The table the name points at has no key the column can reference.
    case unfittingKey(QualifiedName, reason: String)
  }

  public var table: QualifiedName
  public var column: String
  public var kind: Kind

  public init(table: QualifiedName, column: String, kind: Kind) {
    self.table = table
    self.column = column
    self.kind = kind
  }

  public var description: String {
    switch kind {
    case .polymorphic(let typeColumn):
      return "\(table).\(typeColumn) + \(column) is a polymorphic pair: its target table is data, not drawn"
    case .ambiguous(let tables):
      let names = tables.map(\.description).joined(separator: ", ")
      return "\(table).\(column) may reference any of \(names): not drawn (declare the one you mean)"
    case .unfittingKey(let target, let reason):
      return "\(table).\(column) is named after \(target), but \(target) \(reason): not drawn"
    }
  }
}
