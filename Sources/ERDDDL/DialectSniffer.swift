import ERDInspect

/// Tells the SQL dialect of DDL text from markers only one dialect writes, scored over the
/// first 256 KB: backquotes and `ENGINE=` are MySQL, `GO` lines and `[dbo]` SQL Server,
/// pg_dump's header and `::` casts PostgreSQL, `AUTOINCREMENT` and `PRAGMA` SQLite. With no
/// marker at all the text is read as PostgreSQL, whose parser reports errors most precisely.
enum DialectSniffer {
  struct Guess {
    var dialect: Dialect
    /// The markers that decided, for `--verbose`.
    var reason: String
  }

  private struct Marker {
    var text: String
    var dialect: Dialect
    var weight: Int
    /// Each occurrence counts, up to this many.
    var cap = 1
    /// Only at the start of a line (after spaces).
    var lineStart = false
  }

  private static let markers: [Marker] = [
    // MySQL and MariaDB
    Marker(text: "`", dialect: .mysql, weight: 1, cap: 20),
    Marker(text: "engine=", dialect: .mysql, weight: 10), Marker(text: "engine =", dialect: .mysql, weight: 10),
    Marker(text: "auto_increment", dialect: .mysql, weight: 10), Marker(text: "/*!", dialect: .mysql, weight: 10),
    Marker(text: "delimiter", dialect: .mysql, weight: 10, lineStart: true),
    Marker(text: " unsigned", dialect: .mysql, weight: 3), Marker(text: "charset=", dialect: .mysql, weight: 5),
    Marker(text: "lock tables", dialect: .mysql, weight: 5), Marker(text: "mysql", dialect: .mysql, weight: 4),
    Marker(text: "mariadb", dialect: .mysql, weight: 4), Marker(text: "#", dialect: .mysql, weight: 2, lineStart: true),
    // SQL Server
    Marker(text: "[dbo]", dialect: .mssql, weight: 10),
    Marker(text: "go", dialect: .mssql, weight: 10, lineStart: true),
    Marker(text: "identity(", dialect: .mssql, weight: 8), Marker(text: "identity (", dialect: .mssql, weight: 8),
    Marker(text: "(max)", dialect: .mssql, weight: 8), Marker(text: "set ansi_nulls", dialect: .mssql, weight: 10),
    Marker(text: "set quoted_identifier", dialect: .mssql, weight: 10),
    Marker(text: "nonclustered", dialect: .mssql, weight: 8),
    Marker(text: "datetimeoffset", dialect: .mssql, weight: 5), Marker(text: "getdate()", dialect: .mssql, weight: 5),
    Marker(text: "sp_addextendedproperty", dialect: .mssql, weight: 10),
    Marker(text: "sql server", dialect: .mssql, weight: 4),
    Marker(text: "nvarchar", dialect: .mssql, weight: 1, cap: 3),
    // PostgreSQL
    Marker(text: "postgresql database dump", dialect: .postgresql, weight: 20),
    Marker(text: "::", dialect: .postgresql, weight: 3, cap: 3),
    Marker(text: "$$", dialect: .postgresql, weight: 5), Marker(text: " serial", dialect: .postgresql, weight: 5),
    Marker(text: " bigserial", dialect: .postgresql, weight: 5),
    Marker(text: "create extension", dialect: .postgresql, weight: 10),
    Marker(text: "owner to", dialect: .postgresql, weight: 10),
    Marker(text: "search_path", dialect: .postgresql, weight: 10),
    Marker(text: "\\c", dialect: .postgresql, weight: 10, lineStart: true),
    Marker(text: "\\connect", dialect: .postgresql, weight: 10, lineStart: true),
    Marker(text: "from stdin", dialect: .postgresql, weight: 10),
    Marker(text: "as identity", dialect: .postgresql, weight: 8),
    Marker(text: "with time zone", dialect: .postgresql, weight: 5),
    Marker(text: "alter table only", dialect: .postgresql, weight: 10),
    Marker(text: "as enum", dialect: .postgresql, weight: 5),
    Marker(text: "deferrable initially deferred", dialect: .postgresql, weight: 2),
    Marker(text: "jsonb", dialect: .postgresql, weight: 3),
    Marker(text: "using btree", dialect: .postgresql, weight: 5),
    Marker(text: "postgres", dialect: .postgresql, weight: 4),
    // SQLite
    Marker(text: "autoincrement", dialect: .sqlite, weight: 10),
    Marker(text: "without rowid", dialect: .sqlite, weight: 10),
    Marker(text: "pragma ", dialect: .sqlite, weight: 10), Marker(text: "sqlite", dialect: .sqlite, weight: 8, cap: 2),
  ]

  static func sniff(_ bytes: [UInt8]) -> Guess {
    let prefix = bytes.prefix(256 * 1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    var scores: [Dialect: Int] = [:]
    var found: [Dialect: [String]] = [:]
    // `[name]` quotes a name in SQL Server (and SQLite, which accepts it for compatibility).
    let brackets = bracketedNames(in: prefix)
    if brackets > 0 {
      scores[.mssql, default: 0] += brackets
      found[.mssql, default: []].append("[name]")
    }
    for marker in markers {
      let hits = count(Array(marker.text.utf8), in: prefix, lineStart: marker.lineStart, cap: marker.cap)
      guard hits > 0 else { continue }
      scores[marker.dialect, default: 0] += hits * marker.weight
      found[marker.dialect, default: []].append(
        marker.lineStart ? "\(marker.text.trimmingSpaces()) at a line start" : marker.text.trimmingSpaces())
    }
    guard let best = scores.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }), best.value > 0
    else {
      return Guess(dialect: .postgresql, reason: "no marker of any dialect; PostgreSQL's parser reads plain SQL")
    }
    let markers = (found[best.key] ?? []).map { "'\($0)'" }.joined(separator: ", ")
    let others = scores.filter { $0.key != best.key }.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    return Guess(
      dialect: best.key, reason: "score \(best.value) from \(markers)" + (others.isEmpty ? "" : "; others: \(others)"))
  }

  /// Occurrences of `needle` (lower-case) in `haystack` (lower-cased), at most `cap`; with
  /// `lineStart`, only after a newline and spaces, and followed by a space, newline or end.
  private static func count(_ needle: [UInt8], in haystack: [UInt8], lineStart: Bool, cap: Int) -> Int {
    guard let first = needle.first, needle.count <= haystack.count else { return 0 }
    var hits = 0
    var i = 0
    let last = haystack.count - needle.count
    while i <= last, hits < cap {
      if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle),
        !lineStart || (atLineStart(haystack, i) && endsWord(haystack, i + needle.count))
      {
        hits += 1
        i += needle.count
      } else {
        i += 1
      }
    }
    return hits
  }

  /// `[` after a space, `(`, `,` or `.` and before a letter: a bracketed name, not a subscript
  /// (`int[]`, `ARRAY[1]`) or an Atlas attribute (`polls_choice[type=table]`). At most 10.
  private static func bracketedNames(in text: [UInt8]) -> Int {
    var hits = 0
    for i in text.indices.dropFirst().dropLast() where text[i] == UInt8(ascii: "[") && hits < 10 {
      let before = text[i - 1]
      let after = text[i + 1]
      if [0x20, 0x09, 0x0A, UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: ".")].contains(before),
        (after >= 0x61 && after <= 0x7A) || after == UInt8(ascii: "_")
      {
        hits += 1
      }
    }
    return hits
  }

  private static func atLineStart(_ text: [UInt8], _ i: Int) -> Bool {
    var j = i - 1
    while j >= 0, text[j] == 0x20 || text[j] == 0x09 { j -= 1 }
    return j < 0 || text[j] == 0x0A
  }

  private static func endsWord(_ text: [UInt8], _ i: Int) -> Bool {
    i >= text.count || [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";")].contains(text[i])
      || (text[i] >= 0x30 && text[i] <= 0x39)
  }
}
