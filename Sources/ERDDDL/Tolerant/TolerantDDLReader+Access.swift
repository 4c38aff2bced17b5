import ERDInspect
import ERDSchema

/// MySQL's and SQL Server's `GRANT` and `REVOKE` of table privileges, and the names, parameters
/// and results of their procedures and functions: what those dialects carry of who may do what.
extension TolerantDDLReader {
  /// `GRANT privileges [(columns)] ON [TABLE|OBJECT::]name TO grantee, … [WITH GRANT OPTION]`,
  /// `REVOKE … FROM …`; `ON db.*` (MySQL) means every table of the database. Grants on `*.*`,
  /// routines and anything else are ignored.
  mutating func grant(_ t: inout TokenStream, revoke: Bool) {
    t.advance()
    report.ignore(revoke ? "REVOKE" : "GRANT")
    let grantOption = revoke && t.accept(sequence: "GRANT", "OPTION", "FOR")
    var specs: [(name: String?, columns: [String]?)] = []
    while !t.atEnd, !t.isWord("ON") {
      var words: [String] = []
      while let token = t.current, token.kind == .word, !t.isWord("ON") {
        words.append(token.text.uppercased())
        t.advance()
      }
      let columns = t.group()?.columnNames
      let name = words.joined(separator: " ")
      specs.append((name == "ALL" || name == "ALL PRIVILEGES" ? nil : name, columns))
      guard t.accept(symbol: ",") else { break }
    }
    guard t.accept("ON"), let targets = grantTargets(&t), t.accept(revoke ? "FROM" : "TO") else { return }
    let roles = grantees(&t)
    let withOption = !revoke && t.accept(sequence: "WITH", "GRANT", "OPTION")
    for (name, columns) in specs where name.map(Privilege.allOnTables.contains) ?? true {
      let spec = GrantSpec(
        privileges: name.map { [$0] }, columns: columns, roles: roles, grantOption: revoke ? grantOption : withOption)
      for target in targets { _ = builder.applyGrant(spec, revoke: revoke, to: target) }
    }
  }

  /// The tables a grant is on: one, or (MySQL `db.*`) all of a database's; nil for `*.*` and for
  /// objects that are not tables.
  private mutating func grantTargets(_ t: inout TokenStream) -> [QualifiedName]? {
    if t.isWord("FUNCTION", "PROCEDURE") || t.isSymbol("*") { return nil }
    t.accept("TABLE")
    // `OBJECT::name`; `SCHEMA::`, `DATABASE::` and the like are not on a table. (`::` may lex as
    // one symbol or two.)
    let scoped = t.peek(1)?.isSymbol("::") == true ? 2 : t.peek(1)?.isSymbol(":") == true ? 3 : 0
    if scoped > 0 {
      guard t.isWord("OBJECT") else { return nil }
      t.advance(scoped)
    }
    let parts = t.qualifiedName()
    if t.accept(symbol: "*") { return parts.last.map(builder.relations(in:)) }
    return qualified(parts).flatMap(builder.resolve).map { [$0] }
  }

  /// `'app'@'%'` is `app`, `'app'@'localhost'` is `app@localhost`, `[app]` is `app`.
  private mutating func grantees(_ t: inout TokenStream) -> [String] {
    var out: [String] = []
    while !t.atEnd, !t.isWord("WITH") {
      var parts: [String] = []
      while let token = t.current, !token.isSymbol(","), !t.isWord("WITH") {
        let text = token.identifier ?? token.text
        if text != "@" { parts.append(text.hasPrefix("@") ? String(text.dropFirst()).unquotedSQL : text) }
        t.advance()
      }
      if let user = parts.first {
        out.append(
          user.uppercased() == "PUBLIC"
            ? Privilege.everyone : ([user] + parts.dropFirst().filter { $0 != "%" }).joined(separator: "@"))
      }
      guard t.accept(symbol: ",") else { break }
    }
    return out
  }

  /// `CREATE PROCEDURE|FUNCTION name(parameters) [RETURNS type]` (MySQL) or
  /// `name @p int, … [RETURNS type] AS …` (SQL Server): kept with their text as written.
  mutating func createRoutine(_ t: inout TokenStream, kind: String) {
    report.ignore("CREATE \(kind)")
    guard let name = qualified(t.qualifiedName()) else { return }
    let isFunction = kind == "FUNCTION"
    var arguments = t.group().map(text) ?? ""
    if arguments.isEmpty, dialect == .mssql {
      let start = t.rest
      while !t.atEnd, !t.isWord("AS", "WITH", "RETURNS") { t.advance() }
      arguments = text(start.prefix(start.count - t.rest.count))
    }
    var returns: String?
    if t.accept("RETURNS") {
      let start = t.rest
      let stops = [
        "AS", "WITH", "BEGIN", "DETERMINISTIC", "NOT", "READS", "MODIFIES", "CONTAINS", "NO", "LANGUAGE", "SQL",
        "COMMENT", "RETURN",
      ]
      while let token = t.current, !stops.contains(where: token.isWord) { t.advance() }
      returns = text(start.prefix(start.count - t.rest.count))
    }
    let routine = Routine(
      name: name.name, kind: isFunction ? .function : .procedure, arguments: arguments, returnType: returns,
      language: dialect == .mssql ? "T-SQL" : "SQL")
    builder.addSchema(name.schema)
    builder.access.routines[name.schema, default: [:]][name.name] = routine
  }
}

extension String {
  /// `'%'` → `%`: a quoted MySQL host without its quotes.
  var unquotedSQL: String {
    guard count >= 2, let first, first == "'" || first == "\"" || first == "`", last == first else { return self }
    return String(dropFirst().dropLast())
  }
}
