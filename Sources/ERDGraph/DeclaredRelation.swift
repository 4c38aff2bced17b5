import ERDSchema

/// A relation the user declares beside the schema (`relations:` in `erdviz.yml`; tbls calls them
/// virtual relations): drawn like an inferred one, marked as declared.
///
/// Tables are named as a user writes them, `orders` or `billing.orders`; `resolve(in:)` finds
/// them in a catalog and checks every column.
public struct DeclaredRelation: Hashable, Sendable {
  /// The referencing table (or view).
  public var table: String
  public var columns: [String]
  /// The referenced table.
  public var parentTable: String
  /// Empty: the parent's primary key.
  public var parentColumns: [String]
  /// Shown with the relation (a tooltip, a Mermaid label).
  public var label: String?

  public init(table: String, columns: [String], parentTable: String, parentColumns: [String] = [], label: String? = nil)
  {
    self.table = table
    self.columns = columns
    self.parentTable = parentTable
    self.parentColumns = parentColumns
    self.label = label
  }

  /// The relation with its tables found and its columns checked against the catalog.
  public func resolve(in catalog: Catalog) -> Result<ResolvedRelation, DeclaredRelationError> {
    guard !columns.isEmpty else { return .failure(.noColumns) }
    let child: QualifiedName
    let parent: QualifiedName
    switch (Self.find(table, in: catalog), Self.find(parentTable, in: catalog)) {
    case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
    case (.success(let c), .success(let p)): (child, parent) = (c, p)
    }
    let childColumns = Set(Self.columns(of: child, in: catalog))
    if let missing = columns.first(where: { !childColumns.contains($0) }) {
      return .failure(.columnMissing(table: child, column: missing))
    }
    var keys = parentColumns
    if keys.isEmpty {
      guard let pk = catalog.table(parent)?.primaryKey?.columns, !pk.isEmpty else {
        return .failure(.noParentKey(parent))
      }
      keys = pk
    }
    let parentNames = Set(Self.columns(of: parent, in: catalog))
    if let missing = keys.first(where: { !parentNames.contains($0) }) {
      return .failure(.columnMissing(table: parent, column: missing))
    }
    guard keys.count == columns.count else { return .failure(.columnCountMismatch(columns.count, keys.count)) }
    return .success(
      ResolvedRelation(table: child, columns: columns, parentTable: parent, parentColumns: keys, label: label))
  }

  /// Every relation that does not resolve, by its index in `relations`.
  public static func problems(_ relations: [DeclaredRelation], in catalog: Catalog) -> [DeclaredRelationProblem] {
    relations.enumerated().compactMap { index, relation in
      guard case .failure(let error) = relation.resolve(in: catalog) else { return nil }
      return DeclaredRelationProblem(index: index, relation: relation, error: error)
    }
  }

  /// `schema.name` exactly, else the one table or view of that name in any schema.
  static func find(_ written: String, in catalog: Catalog) -> Result<QualifiedName, DeclaredRelationError> {
    let names = catalog.allTables.map(\.name) + catalog.allViews.map(\.name)
    if let exact = names.first(where: { $0.description == written }) { return .success(exact) }
    let bare = names.filter { $0.name == written }
    switch bare.count {
    case 0: return .failure(.tableMissing(written))
    case 1: return .success(bare[0])
    default: return .failure(.ambiguousTable(written, bare.sorted()))
    }
  }

  private static func columns(of name: QualifiedName, in catalog: Catalog) -> [String] {
    catalog.table(name)?.columns.map(\.name) ?? catalog.view(name)?.columns.map(\.name) ?? []
  }
}

/// A declared relation whose tables and columns exist.
public struct ResolvedRelation: Hashable, Sendable {
  public var table: QualifiedName
  public var columns: [String]
  public var parentTable: QualifiedName
  public var parentColumns: [String]
  public var label: String?
}

/// A declared relation that does not fit the schema, by its place in the list (the config maps
/// the index to its line).
public struct DeclaredRelationProblem: Hashable, Sendable, CustomStringConvertible {
  public var index: Int
  public var relation: DeclaredRelation
  public var error: DeclaredRelationError

  public var description: String {
    let columns = relation.columns.joined(separator: ", ")
    return "relation \(index + 1) (\(relation.table)(\(columns)) → \(relation.parentTable)): \(error)"
  }
}

/// Why a declared relation does not fit the schema.
public enum DeclaredRelationError: Error, Hashable, Sendable, CustomStringConvertible {
  case noColumns
  case tableMissing(String)
  case ambiguousTable(String, [QualifiedName])
  case columnMissing(table: QualifiedName, column: String)
  /// No parent columns were given and the parent has no primary key to stand for them.
  case noParentKey(QualifiedName)
  case columnCountMismatch(Int, Int)

  public var description: String {
    switch self {
    case .noColumns: return "no columns given"
    case .tableMissing(let name): return "no table or view named \(name)"
    case .ambiguousTable(let name, let found):
      return "\(name) names several tables (\(found.map(\.description).joined(separator: ", "))): qualify it"
    case .columnMissing(let table, let column): return "\(table) has no column \(column)"
    case .noParentKey(let table): return "\(table) has no primary key: give the parent columns"
    case .columnCountMismatch(let mine, let theirs): return "\(mine) columns reference \(theirs) parent columns"
    }
  }
}
