import ERDSchema

/// `erdviz lint`'s output: findings as text (one line each, like a compiler's), JSON or Markdown.
public enum FindingsReport {
  public enum Format: String, CaseIterable, Sendable {
    case text, json, markdown
  }

  /// What was checked, for the summary line: how many tables, by which rules.
  public struct Scope: Sendable {
    public var tables: Int
    public var rules: [String]
    public var engine: String?
    /// Whether tables are named with their schema (the catalog has several).
    public var qualified: Bool

    public init(tables: Int, rules: [String], engine: String? = nil, qualified: Bool = true) {
      self.tables = tables
      self.rules = rules
      self.engine = engine
      self.qualified = qualified
    }
  }

  public static func render(_ findings: [Finding], scope: Scope, as format: Format) -> String {
    switch format {
    case .text: return findings.map { line($0, scope) + "\n" }.joined() + summary(findings, scope) + "\n"
    case .json: return JSONWriter().string(json(findings, scope))
    case .markdown: return markdown(findings, scope)
    }
  }

  /// `invoice(customer_id): warning: <message> [fk-without-index]`, the table bare in one schema.
  static func line(_ finding: Finding, _ scope: Scope) -> String {
    let table = scope.qualified ? finding.table.description : finding.table.name
    let place = finding.columns.isEmpty ? table : "\(table)(\(finding.columns.joined(separator: ", ")))"
    return "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
  }

  /// `3 warnings, 1 error in 15 tables (7 rules)`, or `no findings in 15 tables (7 rules)`.
  static func summary(_ findings: [Finding], _ scope: Scope) -> String {
    let counts = Finding.Severity.allCases.reversed().compactMap { severity -> String? in
      let n = findings.filter { $0.severity == severity }.count
      return n == 0 ? nil : "\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"
    }
    let tables = "\(scope.tables) table\(scope.tables == 1 ? "" : "s")"
    let rules = "\(scope.rules.count) rule\(scope.rules.count == 1 ? "" : "s")"
    return (counts.isEmpty ? "no findings" : counts.joined(separator: ", ")) + " in \(tables) (\(rules))"
  }

  static func json(_ findings: [Finding], _ scope: Scope) -> JSONValue {
    var o = JSONObjectBuilder()
    o.set("version", .int(1))
    o.set("engine", scope.engine)
    o.set("tables", .int(scope.tables))
    o.set("rules", .array(scope.rules.map(JSONValue.string)))
    o.set("findings", .array(findings.map(json)))
    o.set("summary", summary(findings, scope))
    return o.value
  }

  static func json(_ finding: Finding) -> JSONValue {
    var o = JSONObjectBuilder()
    o.set("rule", finding.rule)
    o.set("severity", finding.severity.rawValue)
    o.set("schema", finding.table.schema)
    o.set("table", finding.table.name)
    o.set("columns", .array(finding.columns.map(JSONValue.string)))
    o.set("message", finding.message)
    return o.value
  }

  static func markdown(_ findings: [Finding], _ scope: Scope) -> String {
    var out = "# Lint findings\n\n\(MarkdownText.text(summary(findings, scope))).\n"
    guard !findings.isEmpty else { return out }
    out += "\n| Severity | Rule | Table | Columns | Finding |\n| --- | --- | --- | --- | --- |\n"
    for f in findings {
      let cells = [
        f.severity.rawValue, MarkdownText.code(f.rule),
        MarkdownText.code(scope.qualified ? f.table.description : f.table.name),
        f.columns.isEmpty ? "" : MarkdownText.code(f.columns.joined(separator: ", ")), MarkdownText.text(f.message),
      ]
      out += "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// One Markdown list item per finding on a table, for its section of the docs page.
  static func facts(_ findings: [Finding]) -> [String] {
    findings.map { f in
      let columns = f.columns.isEmpty ? "" : " " + MarkdownText.code("(" + f.columns.joined(separator: ", ") + ")")
      return "**Lint \(f.severity.rawValue):** \(MarkdownText.code(f.rule))\(columns) \(MarkdownText.text(f.message))"
    }
  }
}
