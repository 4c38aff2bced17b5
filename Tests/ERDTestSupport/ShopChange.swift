import Foundation

/// Issue 13's scenario on the shop sample: a copy with one table dropped, one column added, one
/// column's type changed and one foreign key added.
public enum ShopChange {
  /// `samples/shop.sql` as it is.
  public static func oldSQL() throws -> String {
    try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
  }

  /// The copy with the four changes.
  public static func newSQL() throws -> String {
    var sql = try oldSQL()
    sql = try edit(sql, "  email TEXT NOT NULL UNIQUE,", "  email varchar(200) NOT NULL UNIQUE,")
    sql = try edit(
      sql, "  order_id INTEGER NOT NULL,\n  line_no INTEGER NOT NULL,\n  quantity",
      "  order_id INTEGER NOT NULL REFERENCES \"order\" (id),\n  line_no INTEGER NOT NULL,\n  quantity")
    return sql + "\nDROP TABLE customer_profile;\nALTER TABLE \"order\" ADD COLUMN note TEXT;\n"
  }

  /// The four change lines, in the change list's order.
  public static let lines = [
    "~ column customer.email: type TEXT → varchar(200)",
    "− table customer_profile",
    "+ column order.note",
    "+ foreign key shipment_item(order_id) → order(id)",
  ]

  public static let summary = "−1 table, +1 column, 1 column changed, +1 foreign key"

  public struct EditFailure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Replaces `old` with `new` in `sql`, failing when `old` is not there exactly once.
  public static func edit(_ sql: String, _ old: String, _ new: String) throws -> String {
    let parts = sql.components(separatedBy: old)
    guard parts.count == 2 else { throw EditFailure(description: "the text no longer contains \(old) exactly once") }
    return parts.joined(separator: new)
  }

  /// Both versions written to `old.sql` and `new.sql` in a new folder.
  public static func files() throws -> (folder: URL, old: URL, new: URL) {
    let folder = try Paths.temporaryDirectory()
    let old = folder.appendingPathComponent("old.sql")
    let new = folder.appendingPathComponent("new.sql")
    try Data(try oldSQL().utf8).write(to: old)
    try Data(try newSQL().utf8).write(to: new)
    return (folder, old, new)
  }
}
