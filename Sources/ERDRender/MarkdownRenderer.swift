import ERDGraph
import ERDSchema

/// A Markdown page that GitHub renders (`-o SCHEMA.md`): the Mermaid diagram in a ```` ```mermaid ````
/// fence, then a section per table and view with its columns, keys, indexes, checks, triggers
/// and comments, and links between them.
///
/// Each section opens with an explicit `<a id="t-…">` anchor made from the entity's key (ASCII,
/// unique), so links hold whatever the names are; GitHub keeps such ids (as `user-content-…`,
/// which its `#…` links resolve). Names, types and SQL are code spans; comments are escaped text.
public struct MarkdownRenderer: DiagramRenderer {
  public init() {}

  public func render(_ drawing: Drawing) throws(RenderError) -> Rendered {
    let diagram = drawing.diagram
    let mermaid = try MermaidRenderer().render(drawing)
    var out = "# \(MarkdownText.text(diagram.heading))\n\n"
    out += "\(MarkdownText.text(diagram.summary))\n\n"
    out += MarkdownText.fenced(String(decoding: mermaid.bytes, as: UTF8.self), language: "mermaid") + "\n"
    let anchors = Self.anchors(diagram)
    let context = Context(drawing, hrefs: anchors.mapValues { "#" + $0 })
    let sections = Self.sections(diagram)
    if !diagram.entities.isEmpty {
      out += "## Tables\n\n"
      out +=
        sections.map { heading, entities in
          let links = entities.map { link($0.name, context) }.joined(separator: " · ")
          return heading.map { "**\(MarkdownText.text($0)):** " + links } ?? links
        }.joined(separator: "\\\n") + "\n"
    }
    out += accessSummary(context)
    for (heading, entities) in sections {
      if let heading { out += "\n## \(MarkdownText.text(heading))\n" }
      for entity in entities {
        guard let definition = drawing.definition(of: entity.name) else { continue }
        out += "\n<a id=\"\(anchors[entity.name] ?? "")\"></a>\n\n"
        out += section(entity, definition, context, level: 3)
      }
    }
    out += types(context)
    out += routines(context)
    return Rendered(text: out, warnings: mermaid.warnings)
  }

  /// What every section needs: where each drawn entity's section is, and the diagram's edges
  /// by the entity they end at.
  struct Context {
    var drawing: Drawing
    /// The link target of each drawn entity's section: `#t-order` in one page, `order.md` in a site.
    var hrefs: [QualifiedName: String]
    var labels: [QualifiedName: String] = [:]
    /// Foreign keys from drawn tables, by the table they reference: the child and its columns.
    var incoming: [QualifiedName: [(QualifiedName, [String])]] = [:]
    /// The drawn views reading each relation.
    var readers: [QualifiedName: [QualifiedName]] = [:]
    /// The relations each drawn view reads.
    var reads: [QualifiedName: [QualifiedName]] = [:]
    /// Inferred and declared references, by the entity at either end.
    var undeclared: [QualifiedName: [Edge]] = [:]
    /// Tables referenced but not drawn.
    var stubs: Set<QualifiedName>

    init(_ drawing: Drawing, hrefs: [QualifiedName: String]) {
      self.drawing = drawing
      self.hrefs = hrefs
      stubs = Set(drawing.diagram.stubs.map(\.name))
      for entity in drawing.diagram.entities { labels[entity.name] = entity.label }
      for edge in drawing.diagram.edges {
        switch edge.kind {
        case .foreignKey: incoming[edge.to, default: []].append((edge.from, edge.fromColumns))
        case .viewDependency:
          readers[edge.to, default: []].append(edge.from)
          reads[edge.from, default: []].append(edge.to)
        case .inheritance: break
        case .inferred, .declared:
          undeclared[edge.from, default: []].append(edge)
          if edge.to != edge.from { undeclared[edge.to, default: []].append(edge) }
        }
      }
    }
  }

  /// The entities by group, in the diagram's group order, then those in no group (under "Other
  /// tables"); one section without a heading when the diagram has no groups.
  static func sections(_ diagram: Diagram) -> [(heading: String?, entities: [Entity])] {
    guard !diagram.groups.isEmpty else { return [(nil, diagram.entities)] }
    let members = Dictionary(grouping: diagram.entities, by: { $0.group ?? "" })
    var out = diagram.groups.compactMap { group -> (String?, [Entity])? in
      members[group.key].map { (group.label, $0) }
    }
    if let rest = members[""] { out.append(("Other tables", rest)) }
    return out
  }

  /// `t-<key>`, lower-cased (anchors should not differ by case alone), numbered when that clashes.
  static func anchors(_ diagram: Diagram) -> [QualifiedName: String] {
    var used: Set<String> = []
    var out: [QualifiedName: String] = [:]
    for entity in diagram.entities {
      let base = "t-" + entity.key.lowercased()
      var candidate = base
      var n = 2
      while !used.insert(candidate).inserted {
        candidate = "\(base)-\(n)"
        n += 1
      }
      out[entity.name] = candidate
    }
    return out
  }

  /// A link to a drawn table or view, or its name as code when it is not drawn.
  func link(_ name: QualifiedName, _ context: Context) -> String {
    guard let href = context.hrefs[name] else {
      return MarkdownText.code(name.description) + (context.stubs.contains(name) ? " (not drawn)" : "")
    }
    let label = context.labels[name] ?? name.name
    return "[\(MarkdownText.text(label))](\(href))"
  }

  /// A table's or view's section: heading, comment, columns, facts, and a view's SQL.
  func section(_ entity: Entity, _ definition: EntityDefinition, _ context: Context, level: Int) -> String {
    var out = String(repeating: "#", count: level) + " \(MarkdownText.text(entity.label))\n\n"
    if entity.kind != .table { out += "*\(Self.kindName(entity.kind))*\n\n" }
    if let comment = definition.comment, !comment.isEmpty { out += MarkdownText.paragraph(comment) + "\n\n" }
    out += columns(definition, context)
    var facts: [String] = []
    switch definition {
    case .table(let table): facts = tableFacts(table, named: entity.name, context)
    case .view(let view): facts = viewFacts(view, named: entity.name, context)
    }
    facts += accessFacts(definition, entity: entity, context)
    facts += undeclaredFacts(entity.name, context)
    facts += FindingsReport.facts((context.drawing.findings ?? []).filter { $0.table == entity.name })
    if !facts.isEmpty { out += "\n" + facts.map { "- \($0)\n" }.joined() }
    if case .view(let view) = definition, let sql = view.definition, !sql.isEmpty {
      out += "\n" + MarkdownText.fenced(sql, language: "sql")
    }
    return out
  }

  private func columns(_ definition: EntityDefinition, _ context: Context) -> String {
    let columns = definition.columns
    guard !columns.isEmpty else { return "" }
    var primary: Set<String> = []
    var foreign: [String: QualifiedName] = [:]
    var unique: Set<String> = []
    if case .table(let table) = definition {
      primary = Set(table.primaryKey?.columns ?? [])
      for fk in table.foreignKeys { for c in fk.columns where foreign[c] == nil { foreign[c] = fk.referencedTable } }
      for c in table.columns where !primary.contains(c.name) && table.isUnique([c.name]) { unique.insert(c.name) }
    }
    var out = "| Column | Type | Null | Default | Key | Comment |\n| --- | --- | --- | --- | --- | --- |\n"
    for column in columns {
      var keys: [String] = []
      if primary.contains(column.name) { keys.append("PK") }
      if let target = foreign[column.name] { keys.append("FK → " + link(target, context)) }
      if unique.contains(column.name) { keys.append("UK") }
      var type = column.type
      if let base = column.baseType, base != type { type += " (\(base))" }
      let cells = [
        MarkdownText.code(column.name),
        type.isEmpty ? "" : MarkdownText.code(type),
        column.nullable ? "null" : "not null",
        Self.defaultText(column),
        keys.joined(separator: ", "),
        column.comment.map(MarkdownText.text) ?? "",
      ]
      out += "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  private static func defaultText(_ column: Column) -> String {
    if let generated = column.generated {
      return MarkdownText.code(generated.expression) + (generated.stored ? " (generated, stored)" : " (generated)")
    }
    var parts: [String] = []
    if let value = column.defaultValue { parts.append(MarkdownText.code(value)) }
    switch column.identity {
    case .always, .byDefault: parts.append("identity")
    case .serial: parts.append("serial")
    case .autoIncrement: parts.append("auto increment")
    case nil: break
    }
    return parts.joined(separator: " ")
  }

  private func tableFacts(_ table: Table, named name: QualifiedName, _ context: Context) -> [String] {
    var facts: [String] = []
    let code = MarkdownText.code
    func list(_ columns: [String]) -> String { code("(" + columns.joined(separator: ", ") + ")") }
    if let pk = table.primaryKey, pk.columns.count > 1 || pk.name != nil {
      facts.append("**Primary key:** \(list(pk.columns))" + (pk.name.map { " \(code($0))" } ?? ""))
    }
    for fk in table.foreignKeys {
      var text = "**References:** \(list(fk.columns)) → \(link(fk.referencedTable, context))"
      if !fk.referencedColumns.isEmpty { text += " \(list(fk.referencedColumns))" }
      var notes: [String] = []
      if fk.onDelete != .noAction { notes.append("on delete \(fk.onDelete.rawValue.lowercased())") }
      if fk.onUpdate != .noAction { notes.append("on update \(fk.onUpdate.rawValue.lowercased())") }
      if fk.deferrable { notes.append(fk.initiallyDeferred ? "deferrable, initially deferred" : "deferrable") }
      if let name = fk.name { notes.append(code(name)) }
      facts.append(text + (notes.isEmpty ? "" : ", " + notes.joined(separator: ", ")))
    }
    let children = (context.incoming[name] ?? []).map { "\(link($0.0, context)) \(list($0.1))" }
    if !children.isEmpty { facts.append("**Referenced by:** " + children.joined(separator: ", ")) }
    for u in table.uniqueConstraints {
      facts.append("**Unique:** \(list(u.columns))" + (u.name.map { " \(code($0))" } ?? ""))
    }
    facts += indexFacts(table.indexes)
    for check in table.checks {
      facts.append("**Check:** \(code(check.expression))" + (check.name.map { " \(code($0))" } ?? ""))
    }
    for exclusion in table.exclusions { facts.append("**Exclusion:** \(code(exclusion.definition))") }
    for trigger in table.triggers {
      let when = ([trigger.timing].compactMap { $0 } + [trigger.events.joined(separator: " or ")])
        .filter { !$0.isEmpty }.joined(separator: " ").lowercased()
      var text = "**Trigger:** \(code(trigger.name))" + (when.isEmpty ? "" : " \(MarkdownText.text(when))")
      if let routine = trigger.routine { text += ", executes \(code(routine.description + "()"))" }
      facts.append(text)
    }
    if let key = table.partitionKey { facts.append("**Partitioned by:** \(code(key))") }
    if !table.partitions.isEmpty {
      facts.append("**Partitions:** " + table.partitions.map { code($0.name) }.joined(separator: ", "))
    }
    if !table.inherits.isEmpty {
      facts.append("**Inherits:** " + table.inherits.map { link($0, context) }.joined(separator: ", "))
    }
    facts += readerFacts(name, context)
    if let source = table.source {
      facts.append("**Defined in:** " + code(source.file + (source.line.map { ":\($0)" } ?? "")))
    }
    return facts
  }

  private func indexFacts(_ indexes: [Index]) -> [String] {
    indexes.map { index in
      let keys = index.keys.map { key -> String in
        switch key {
        case .column(let name): return name
        case .expression(let expression): return expression
        }
      }
      var text = "**Index:** \(MarkdownText.code(index.name))"
      if index.unique { text += " unique" }
      text += " " + MarkdownText.code("(" + keys.joined(separator: ", ") + ")")
      if let method = index.method { text += " using " + MarkdownText.code(method) }
      if let predicate = index.predicate { text += " where " + MarkdownText.code(predicate) }
      return text
    }
  }

  private func viewFacts(_ view: View, named name: QualifiedName, _ context: Context) -> [String] {
    var facts: [String] = []
    if let reads = context.reads[name], !reads.isEmpty {
      facts.append("**Reads:** " + reads.map { link($0, context) }.joined(separator: ", "))
    }
    facts += readerFacts(name, context)
    facts += indexFacts(view.indexes)
    if let source = view.source {
      facts.append("**Defined in:** " + MarkdownText.code(source.file + (source.line.map { ":\($0)" } ?? "")))
    }
    return facts
  }

  /// `**References (inferred):**` and `**Referenced by (declared):**` lines, apart from the
  /// foreign keys the schema declares.
  private func undeclaredFacts(_ name: QualifiedName, _ context: Context) -> [String] {
    (context.undeclared[name] ?? []).flatMap { edge -> [String] in
      func list(_ columns: [String]) -> String { MarkdownText.code("(" + columns.joined(separator: ", ") + ")") }
      let why = edge.note.map { ", " + MarkdownText.text($0) } ?? ""
      var facts: [String] = []
      if edge.from == name {
        let target = link(edge.to, context) + " " + list(edge.toColumns)
        facts.append("**References (\(edge.kind.rawValue)):** \(list(edge.fromColumns)) → \(target)\(why)")
      }
      if edge.to == name {
        facts.append(
          "**Referenced by (\(edge.kind.rawValue)):** \(link(edge.from, context)) \(list(edge.fromColumns))\(why)")
      }
      return facts
    }
  }

  private func readerFacts(_ name: QualifiedName, _ context: Context) -> [String] {
    let views = context.readers[name] ?? []
    return views.isEmpty ? [] : ["**Read by:** " + views.map { link($0, context) }.joined(separator: ", ")]
  }

  /// Enums and domains, which columns name as their types, schema by schema.
  func types(_ context: Context) -> String {
    let catalog = context.drawing.catalog
    let enums = Dictionary(grouping: catalog.allEnums, by: \.name.schema)
    let domains = Dictionary(grouping: catalog.allDomains, by: \.name.schema)
    let tableSchemas = context.drawing.diagram.entities.filter { !$0.kind.isView }.map(\.name.schema)
    let qualified = Set(Array(enums.keys) + Array(domains.keys) + tableSchemas).count > 1
    func name(_ n: QualifiedName) -> String { MarkdownText.code(qualified ? n.description : n.name) }
    var lines: [String] = []
    for schema in Set(enums.keys).union(domains.keys).sorted() {
      for (n, e) in enums[schema] ?? [] {
        lines.append("- \(name(n)): enum of " + e.values.map(MarkdownText.code).joined(separator: ", "))
      }
      for (n, d) in domains[schema] ?? [] {
        var text = "- \(name(n)): domain over \(MarkdownText.code(d.baseType))"
        if !d.nullable { text += ", not null" }
        if let value = d.defaultValue { text += ", default \(MarkdownText.code(value))" }
        for check in d.checks { text += ", check \(MarkdownText.code(check.expression))" }
        lines.append(text)
      }
    }
    return lines.isEmpty ? "" : "\n## Types\n\n" + lines.joined(separator: "\n") + "\n"
  }

  static func kindName(_ kind: EntityKind) -> String {
    switch kind {
    case .table: return "Table"
    case .partitioned: return "Partitioned table"
    case .foreign: return "Foreign table"
    case .virtual: return "Virtual table"
    case .view: return "View"
    case .materializedView: return "Materialized view"
    }
  }
}
