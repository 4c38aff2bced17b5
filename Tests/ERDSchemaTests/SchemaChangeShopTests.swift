import ERDInspect
import ERDSQLite
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Issue 13's scenario on the shop sample, read by the real SQLite: a copy with one table dropped,
/// one column added, one column's type changed and one foreign key added is exactly those four.
@Suite struct SchemaChangeShopTests {
  static func shopSQL() throws -> String { try ShopChange.oldSQL() }

  static func inspect(_ sql: String) throws -> Catalog {
    try SQLiteInspector.script(sql, label: "shop.sql").inspect(InspectOptions())
  }

  static func changedShop() throws -> String { try ShopChange.newSQL() }

  @Test func exactlyTheFourChanges() throws {
    let old = try Self.inspect(try Self.shopSQL())
    let new = try Self.inspect(try Self.changedShop())
    let change = SchemaChange(from: old, to: new)
    #expect(
      change.lines == [
        "~ column customer.email: type TEXT → varchar(200)",
        "− table customer_profile",
        "+ column order.note",
        "+ foreign key shipment_item(order_id) → order(id)",
      ])
    #expect(change.summary.description == "−1 table, +1 column, 1 column changed, +1 foreign key")
    let kinds = change.json["changes"]?.arrayValue?.compactMap { $0["kind"]?.stringValue }
    #expect(kinds == ["column.changed", "table.removed", "column.added", "foreignKey.added"])
    #expect(change.json["summary"]?["total"] == .int(4))

    let tables = change.objects(.table)
    let main = { QualifiedName(schema: "main", name: $0) }
    #expect(tables.removed == [main("customer_profile")])
    #expect(tables.changed == [main("customer"), main("order"), main("shipment_item")])
    #expect(tables.added.isEmpty)
  }

  @Test func theShopAgainstItselfIsNoChange() throws {
    let shop = try Self.inspect(try Self.shopSQL())
    let change = SchemaChange(from: shop, to: try Self.inspect(try Self.shopSQL()))
    #expect(change.isEmpty, "\(change.lines)")
    #expect(change.summary.description == "no change")
    // Through the JSON form and back, as `erdviz diff old.json new.json` reads committed catalogs.
    let reread = try Catalog(jsonText: JSONWriter().bytes(shop.json))
    #expect(SchemaChange(from: shop, to: reread).isEmpty)
  }
}
