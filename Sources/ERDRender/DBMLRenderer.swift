import ERDGraph
import ERDSchema

/// DBML (`-o schema.dbml`), the language of dbdiagram.io and dbdocs: tables with their columns
/// and settings, `Ref:` lines with cardinality, indexes, enums, notes, and a `TableGroup` per
/// schema when there are several.
///
/// DBML describes a schema rather than a drawing, so every column is written whatever `--columns`
/// says; `--include`, `--exclude` and `--no-views` still choose the tables. Views have no DBML form
/// and are written as tables whose note says so.
public struct DBMLRenderer: DiagramRenderer {
  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    var writer = Writer(drawing: drawing)
    writer.project()
    writer.enums()
    for entity in drawing.diagram.entities {
      if let definition = drawing.definition(of: entity.name) {
        writer.table(entity.name, definition, kind: entity.kind)
      }
    }
    for stub in drawing.diagram.stubs { writer.stub(stub) }
    writer.references()
    writer.groups()
    return Rendered(text: writer.out, warnings: writer.warnings)
  }

  private struct Writer {
    let drawing: Drawing
    let qualified: Bool
    let present: Set<QualifiedName>
    var out = ""
    var warnings: [String] = []
    private var unrepresentable: [String] = []

    init(drawing: Drawing) {
      self.drawing = drawing
      qualified = drawing.diagram.spansSchemas
      present = Set((drawing.diagram.entities + drawing.diagram.stubs).map(\.name))
    }

    /// `schema.table` when the diagram spans schemas, else the table alone.
    func tableName(_ name: QualifiedName) -> String {
      qualified ? "\(DBMLText.name(name.schema)).\(DBMLText.name(name.name))" : DBMLText.name(name.name)
    }

    mutating func checked(_ s: String) -> String {
      if !DBMLText.canRepresent(s), !unrepresentable.contains(s) {
        unrepresentable.append(s)
        warnings.append(
          "dbml: the name \(s.debugDescription) holds what DBML cannot write as it is (a \" or a line break, or spaces at its ends); "
            + "written as \(DBMLText.representable(s).debugDescription)")
      }
      return DBMLText.name(s)
    }

    mutating func project() {
      let engines = ["sqlite": "SQLite", "postgresql": "PostgreSQL", "mysql": "MySQL", "mssql": "SQL Server"]
      out += "Project \(DBMLText.name(drawing.diagram.heading)) {\n"
      if let engine = drawing.catalog.engine {
        out += "  database_type: \(DBMLText.string(engines[engine] ?? engine))\n"
      }
      out += "  Note: \(DBMLText.string("Drawn by erdviz: " + drawing.diagram.summary))\n"
      out += "}\n"
    }

    /// Every enumerated type: columns of any drawn table may use it, whatever the detail level.
    mutating func enums() {
      for (qualifiedName, e) in drawing.catalog.allEnums {
        let name = qualified ? "\(checked(qualifiedName.schema)).\(checked(e.name))" : checked(e.name)
        out += "\nEnum \(name) {\n"
        for value in e.values { out += "  \(checked(value))\n" }
        out += "}\n"
      }
    }

    mutating func table(_ name: QualifiedName, _ definition: EntityDefinition, kind: EntityKind) {
      _ = checked(name.name)
      if qualified { _ = checked(name.schema) }
      out += "\nTable \(tableName(name))"
      if kind.isView { out += " [headercolor: #8a96a3]" }
      out += " {\n"
      let table: Table? = if case .table(let t) = definition { t } else { nil }
      let pk = table?.primaryKey?.columns ?? []
      for column in definition.columns {
        out += "  \(checked(column.name)) \(DBMLText.type(column.type))"
        let settings = columnSettings(column, table: table, singlePrimaryKey: pk.count == 1 && pk[0] == column.name)
        out += settings.isEmpty ? "\n" : " [\(settings.joined(separator: ", "))]\n"
      }
      if let table { indexes(table) }
      var notes: [String] = []
      if case .view(let view) = definition {
        notes.append(kind == .materializedView ? "Materialized view." : "View.")
        if let sql = view.definition { notes.append(sql) }
      }
      if let comment = definition.comment, !comment.isEmpty { notes.insert(comment, at: 0) }
      if !notes.isEmpty { out += "  Note: \(DBMLText.string(notes.joined(separator: "\n")))\n" }
      out += "}\n"
    }

    /// A table that is referenced but not drawn: the columns the references name, and a note.
    mutating func stub(_ stub: Entity) {
      var columns: [String] = []
      for edge in drawing.diagram.edges where edge.to == stub.name {
        for name in edge.toColumns where !columns.contains(name) { columns.append(name) }
      }
      let table = drawing.catalog.table(stub.name)
      out += "\nTable \(tableName(stub.name)) [headercolor: #d0d5db] {\n"
      for name in columns {
        let type = table?.column(named: name)?.type ?? ""
        out += "  \(checked(name)) \(DBMLText.type(type.isEmpty ? "unknown" : type))\n"
      }
      out += "  Note: \(DBMLText.string("Not drawn: only referenced by the tables drawn here."))\n"
      out += "}\n"
    }

    func columnSettings(_ column: Column, table: Table?, singlePrimaryKey: Bool) -> [String] {
      var settings: [String] = []
      if singlePrimaryKey { settings.append("pk") }
      if column.identity != nil { settings.append("increment") }
      if !column.nullable { settings.append("not null") }
      if !singlePrimaryKey, table?.uniqueConstraints.contains(where: { $0.columns == [column.name] }) == true {
        settings.append("unique")
      }
      if column.generated == nil, let value = column.defaultValue {
        settings.append("default: \(DBMLText.defaultValue(value))")
      }
      var notes: [String] = []
      if let comment = column.comment, !comment.isEmpty { notes.append(comment) }
      if let generated = column.generated {
        notes.append("Generated as (\(generated.expression))\(generated.stored ? " stored" : "")")
      }
      if let base = column.baseType, base != column.type { notes.append("Type \(column.type) over \(base)") }
      if !notes.isEmpty { settings.append("note: \(DBMLText.string(notes.joined(separator: "\n")))") }
      return settings
    }

    /// A composite primary key, multi-column unique constraints, and the indexes.
    mutating func indexes(_ table: Table) {
      var lines: [String] = []
      func columns(_ names: [String]) -> String {
        names.count == 1 ? DBMLText.name(names[0]) : "(" + names.map(DBMLText.name).joined(separator: ", ") + ")"
      }
      if let pk = table.primaryKey, pk.columns.count > 1 {
        lines.append("\(columns(pk.columns)) [pk" + (pk.name.map { ", name: \(DBMLText.string($0))" } ?? "") + "]")
      }
      for u in table.uniqueConstraints where u.columns.count > 1 {
        lines.append("\(columns(u.columns)) [unique" + (u.name.map { ", name: \(DBMLText.string($0))" } ?? "") + "]")
      }
      for index in table.indexes {
        var keys: [String] = []
        for key in index.keys {
          switch key {
          case .column(let name): keys.append(DBMLText.name(name))
          case .expression(let text):
            guard let expression = DBMLText.expression(text) else { break }
            keys.append(expression)
          }
        }
        guard keys.count == index.keys.count, !keys.isEmpty else {
          warnings.append("dbml: index \(index.name.debugDescription) has a key DBML cannot hold; left out")
          continue
        }
        var settings: [String] = []
        if index.unique { settings.append("unique") }
        settings.append("name: \(DBMLText.string(index.name))")
        var notes: [String] = []
        if let method = index.method { notes.append("using \(method)") }
        if let predicate = index.predicate { notes.append("where \(predicate)") }
        if !notes.isEmpty { settings.append("note: \(DBMLText.string(notes.joined(separator: "; ")))") }
        let subject = keys.count == 1 ? keys[0] : "(" + keys.joined(separator: ", ") + ")"
        lines.append("\(subject) [\(settings.joined(separator: ", "))]")
      }
      guard !lines.isEmpty else { return }
      out += "\n  indexes {\n" + lines.map { "    \($0)\n" }.joined() + "  }\n"
    }

    /// One `Ref:` per foreign key between drawn tables: `>` many-to-one, `-` one-to-one. An
    /// inferred or declared reference is a `Ref:` after a `//` comment that says so: DBML has no
    /// note for a `Ref` (pydbml refuses `note:` and `color:` in its settings).
    mutating func references() {
      var lines: [String] = []
      for edge in drawing.diagram.edges
      where (edge.kind == .foreignKey || edge.kind.isUndeclaredReference) && present.contains(edge.to) {
        guard !edge.fromColumns.isEmpty, edge.fromColumns.count == edge.toColumns.count else { continue }
        var settings: [String] = []
        if edge.onDelete != .noAction { settings.append("delete: \(edge.onDelete.rawValue.lowercased())") }
        if edge.onUpdate != .noAction { settings.append("update: \(edge.onUpdate.rawValue.lowercased())") }
        var line = "Ref"
        if let constraint = edge.name, DBMLText.canRepresent(constraint) { line += " \(DBMLText.name(constraint))" }
        let relation = edge.fromCardinality == .zeroOrOne ? "-" : ">"
        line += ": \(columnPath(edge.from, edge.fromColumns)) \(relation) \(columnPath(edge.to, edge.toColumns))"
        if !settings.isEmpty { line += " [\(settings.joined(separator: ", "))]" }
        if edge.kind.isUndeclaredReference {
          let text = edge.undeclaredText(from: tableName(edge.from), to: tableName(edge.to))
          lines.append("// " + text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        lines.append(line)
      }
      if !lines.isEmpty { out += "\n" + lines.joined(separator: "\n") + "\n" }
    }

    /// `table.column`, or `table.(a, b)` for a composite key.
    func columnPath(_ table: QualifiedName, _ columns: [String]) -> String {
      let names = columns.map(DBMLText.name)
      return tableName(table) + "." + (names.count == 1 ? names[0] : "(" + names.joined(separator: ", ") + ")")
    }

    /// A `TableGroup` per cluster of the diagram.
    /// A `TableGroup` per cluster. pydbml reads a member whose name holds `.`, `{` or `}` as
    /// another table (or as the group's end), so such a table is left out of its group, with a warning.
    mutating func groups() {
      guard qualified else { return }
      let members = Dictionary(grouping: drawing.diagram.entities, by: { $0.group ?? "" })
      for group in drawing.diagram.groups {
        let listable = (members[group.key] ?? []).filter { entity in
          let fits = DBMLText.canListInGroup(entity.name.schema) && DBMLText.canListInGroup(entity.name.name)
          if !fits {
            warnings.append(
              "dbml: \(entity.name.description.debugDescription) left out of TableGroup \(group.label.debugDescription): its name holds . { or }, which DBML parsers misread there"
            )
          }
          return fits
        }
        guard !listable.isEmpty else { continue }
        out += "\nTableGroup \(DBMLText.name(group.label)) {\n"
        for entity in listable { out += "  \(tableName(entity.name))\n" }
        out += "}\n"
      }
    }
  }
}
