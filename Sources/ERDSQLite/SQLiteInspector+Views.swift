import CSQLite
import ERDInspect
import ERDSchema
import Foundation

/// One table or view that SQLite's authorizer saw a view's query read, and the innermost view
/// whose expansion read it (nil when SQLite does not say).
struct ViewRead: Hashable {
  var relation: String
  var readBy: String?
}

extension SQLiteCatalogReader {
  func view(_ object: Object, statements: Statements) -> View {
    var view = View(name: object.name, definition: Self.query(ofView: object.sql))
    do {
      view.columns = try statements.columns.rows([object.name], of: object.name).map { row in
        Column(name: row.string(1), ordinal: row.int(0) + 1, type: row.string(2), nullable: row.int(3) == 0)
      }
    } catch {
      log.warning("sqlite: cannot read the columns of view \(object.name): \(error.description)")
    }
    return view
  }

  /// The `SELECT …` after `CREATE VIEW name [(columns)] AS`.
  static func query(ofView sql: String) -> String? {
    let lexer = SQLLexer(sql, options: .sqlite)
    var depth = 0
    for token in lexer.tokens() where token.kind != .comment {
      if token.isSymbol("(") { depth += 1 }
      if token.isSymbol(")") { depth -= 1 }
      if depth == 0 && token.isWord("AS") {
        var text = lexer.text(token.end..<sql.utf8.count).trimmingSpaces()
        if text.hasSuffix(";") { text.removeLast() }
        return text
      }
    }
    return nil
  }

  /// Asks SQLite itself what a view reads: preparing `SELECT * FROM view` under an authorizer
  /// reports every table and view the expanded query touches. No statement is run.
  func reads(ofView name: String) -> [ViewRead] {
    final class Collector {
      var reads: Set<ViewRead> = []
    }
    let collector = Collector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    sqlite3_set_authorizer(
      connection.handle,
      { context, action, table, _, _, innermost in
        if action == SQLITE_READ, let context, let table {
          let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
          collector.reads.insert(
            ViewRead(relation: String(cString: table), readBy: innermost.map { String(cString: $0) }))
        }
        return SQLITE_OK
      }, context)
    defer { sqlite3_set_authorizer(connection.handle, nil, nil) }
    let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    guard (try? connection.prepare("SELECT * FROM \(quoted)", what: "reading view \(quoted)")) != nil else {
      log.warning("sqlite: cannot resolve what view \(name) reads: \(connection.lastError)")
      return []
    }
    return withExtendedLifetime(collector) { Array(collector.reads) }
  }

  /// Direct dependencies from the authorizer's reports: what the view's own query reads, plus
  /// relations reported without an innermost view unless another dependency already explains them.
  func resolveDependencies(of views: inout [View], reads: [String: [ViewRead]]) {
    let viewNames = Set(views.map(\.name))
    var direct: [String: Set<String>] = [:]
    var unattributed: [String: Set<String>] = [:]
    for (view, list) in reads {
      for read in list where read.relation != view && !read.relation.hasPrefix("sqlite_") {
        if read.readBy == view {
          direct[view, default: []].insert(read.relation)
        } else if read.readBy == nil {
          unattributed[view, default: []].insert(read.relation)
        }
      }
    }
    func closure(_ start: Set<String>) -> Set<String> {
      var seen: Set<String> = []
      var stack = Array(start)
      while let next = stack.popLast() {
        for dep in direct[next] ?? [] where seen.insert(dep).inserted { stack.append(dep) }
      }
      return seen
    }
    for i in views.indices {
      let name = views[i].name
      let own = direct[name] ?? []
      let explained = closure(own.filter(viewNames.contains))
      let extra = (unattributed[name] ?? []).subtracting(explained).subtracting(own)
      views[i].dependencies = own.union(extra).sorted().map { QualifiedName(schema: "main", name: $0) }
    }
  }
}
