import ERDGraph
import ERDSchema

/// Who may do what, in Markdown: a table's owner, grants by role, row-level security and
/// policies; the schemas' routines; and with `--as-role` each table's access level.
extension MarkdownRenderer {
  func accessFacts(_ definition: EntityDefinition, entity: Entity, _ context: Context) -> [String] {
    let code = MarkdownText.code
    var facts: [String] = []
    if let access = entity.access, let role = context.drawing.diagram.asRole {
      facts.append("**As \(code(role)):** \(Self.accessWords(access))")
    }
    let (owner, privileges) = definition.access
    if let owner { facts.append("**Owner:** \(code(owner))") }
    for grant in privileges {
      var text = "**Granted to \(code(grant.role)):** " + grant.privileges.joined(separator: ", ")
      if !grant.columns.isEmpty { text += " on " + code("(" + grant.columns.joined(separator: ", ") + ")") }
      facts.append(text + (grant.grantable ? ", with grant option" : ""))
    }
    guard case .table(let table) = definition else { return facts }
    if let security = table.rowLevelSecurity {
      facts.append(
        "**Row-level security:** "
          + (security == .forced ? "enabled and forced (the owner too)" : "enabled (not for the owner)")
          + (table.policies.isEmpty ? ", no policy: no row for anyone it applies to" : ""))
    }
    facts += table.policies.map(Self.policyFact)
    return facts
  }

  static func policyFact(_ p: Policy) -> String {
    let code = MarkdownText.code
    var text = "**Policy \(code(p.name)):** \(p.permissive ? "permissive" : "restrictive"), for \(p.command), to "
    text += p.roles.map(code).joined(separator: ", ")
    if let using = p.using { text += "; using \(code(using))" }
    if let check = p.check { text += "; with check \(code(check))" }
    if let comment = p.comment, !comment.isEmpty { text += " — " + MarkdownText.text(MarkdownText.oneLine(comment)) }
    return text
  }

  static func accessWords(_ level: AccessLevel) -> String {
    switch level {
    case .none: return "no access"
    case .read: return "read (SELECT only)"
    case .readWrite: return "read-write"
    case .owner: return "owner"
    }
  }

  /// `## Access of role app`: each drawn table's level, with what the levels mean.
  func accessSummary(_ context: Context) -> String {
    let diagram = context.drawing.diagram
    guard let role = diagram.asRole else { return "" }
    var out = "\n## Access of role \(MarkdownText.code(role))\n\n"
    out += "What \(MarkdownText.code(role)) may do, through its own grants, PUBLIC's and those of the roles it "
    out += "inherits from: *none*, *read* (SELECT only), *read-write* (INSERT, UPDATE, DELETE or TRUNCATE), "
    out += "*owner*.\n\n| Table | Access |\n| --- | --- |\n"
    for entity in diagram.entities {
      out += "| \(MarkdownText.cell(link(entity.name, context))) | \(entity.access?.rawValue ?? "") |\n"
    }
    return out
  }

  /// `## Routines`: functions and procedures, schema by schema.
  func routines(_ context: Context) -> String {
    let catalog = context.drawing.catalog
    let qualified = catalog.schemas.count > 1
    var lines: [String] = []
    for schema in catalog.schemas {
      for r in schema.routines {
        let name = (qualified ? schema.name + "." : "") + r.signature
        var text = "- \(MarkdownText.code(name)): \(r.kind.rawValue)"
        if let returns = r.returnType { text += " returning \(MarkdownText.code(returns))" }
        if let language = r.language { text += ", \(MarkdownText.text(language))" }
        if r.securityDefiner { text += ", security definer" }
        if let owner = r.owner { text += ", owner \(MarkdownText.code(owner))" }
        if let comment = r.comment, !comment.isEmpty {
          text += " — " + MarkdownText.text(MarkdownText.oneLine(comment))
        }
        lines.append(text)
      }
    }
    return lines.isEmpty ? "" : "\n## Routines\n\n" + lines.joined(separator: "\n") + "\n"
  }
}

extension EntityDefinition {
  /// The owner and grants of the table or view.
  var access: (owner: String?, privileges: [Privilege]) {
    switch self {
    case .table(let t): return (t.owner, t.privileges)
    case .view(let v): return (v.owner, v.privileges)
    }
  }
}
