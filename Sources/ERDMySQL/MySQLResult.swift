import CMariaDB

/// The rows of one result, every value as text or nil for NULL, its columns found by name
/// (every catalog query names its columns with `AS`), so decoding never counts positions.
struct MySQLResult {
  private(set) var rows: [MySQLRow] = []

  init(_ result: UnsafeMutablePointer<MYSQL_RES>?) {
    guard let result else { return }
    let count = Int(mysql_num_fields(result))
    var columns: [String: Int] = [:]
    if let fields = mysql_fetch_fields(result) {
      for i in 0..<count {
        columns[text(fields[i].name, Int(fields[i].name_length))] = i
      }
    }
    rows.reserveCapacity(Int(mysql_num_rows(result)))
    while let row = mysql_fetch_row(result), let lengths = mysql_fetch_lengths(result) {
      var values: [String?] = []
      values.reserveCapacity(count)
      for i in 0..<count {
        values.append(row[i].map { text($0, Int(lengths[i])) })
      }
      rows.append(MySQLRow(columns: columns, values: values))
    }
  }

  /// `count` bytes as UTF-8 text (values may hold NUL bytes, so never up to the first one).
  private func text(_ bytes: UnsafePointer<CChar>, _ count: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// The rows a decoder accepts; one it cannot read (a NULL where a name must be) is left out.
  func decode<Row: MySQLDecodable>(_ type: Row.Type) -> [Row] { rows.compactMap(Row.init) }
}

/// One row of a result.
struct MySQLRow {
  let columns: [String: Int]
  let values: [String?]

  /// The value of the column named `name` in the query's `AS`, nil for NULL.
  subscript(_ name: String) -> String? { columns[name].flatMap { values[$0] } }

  /// The value, with an empty text read as none (comments the catalog reports as '').
  func nonEmpty(_ name: String) -> String? { self[name].flatMap { $0.isEmpty ? nil : $0 } }

  func int(_ name: String) -> Int? { self[name].flatMap { Int($0) } }
}

/// A row struct decoded from one catalog query's result.
protocol MySQLDecodable {
  init?(_ row: MySQLRow)
}
