import ERDSchema
import Testing

@Suite struct CatalogTransformTests {
  /// pagila's shape: FKs declared on each partition, none on the parent.
  @Test func foldsPartitionsAndLiftsTheirForeignKeysOnce() throws {
    func fk(_ name: String) -> ForeignKey {
      ForeignKey(
        name: name, columns: ["customer_id"], referencedTable: QualifiedName(schema: "public", name: "customer"),
        referencedColumns: ["customer_id"])
    }
    var tables = [
      Table(name: "customer", primaryKey: PrimaryKey(columns: ["customer_id"])),
      Table(name: "payment", kind: .partitioned, partitionKey: "RANGE (payment_date)"),
      Table(
        name: "receipt",
        foreignKeys: [
          ForeignKey(
            columns: ["payment_id"], referencedTable: QualifiedName(schema: "public", name: "payment_p1"),
            referencedColumns: ["payment_id"])
        ]),
    ]
    for i in 1...3 {
      tables.append(
        Table(
          name: "payment_p\(i)", foreignKeys: [fk("payment_p\(i)_customer_fkey")],
          partitionOf: QualifiedName(schema: "public", name: "payment"), partitionBound: "FOR VALUES IN (\(i))"))
    }
    let folded = Catalog(schemas: [Schema(name: "public", tables: tables)]).foldingPartitions()
    let names = folded.schemas[0].tables.map(\.name)
    #expect(names == ["customer", "payment", "receipt"])
    let payment = try #require(folded.schemas[0].table(named: "payment"))
    #expect(payment.partitions.map(\.name) == ["payment_p1", "payment_p2", "payment_p3"])
    #expect(payment.foreignKeys.count == 1)
    #expect(payment.foreignKeys.first?.name == nil)
    #expect(folded.schemas[0].table(named: "receipt")?.foreignKeys.first?.referencedTable.name == "payment")
  }

  @Test func normalizedSortsEverythingButEnumLabels() {
    let catalog = Catalog(schemas: [
      Schema(
        name: "b",
        tables: [
          Table(
            name: "z",
            columns: [Column(name: "second", ordinal: 2, type: ""), Column(name: "first", ordinal: 1, type: "")]),
          Table(name: "a"),
        ], enums: [EnumType(name: "mood", values: ["sad", "ok", "happy"])]),
      Schema(name: "a"),
    ]).normalized()
    #expect(catalog.schemas.map(\.name) == ["a", "b"])
    #expect(catalog.schemas[1].tables.map(\.name) == ["a", "z"])
    #expect(catalog.schemas[1].tables[1].columns.map(\.name) == ["first", "second"])
    #expect(catalog.schemas[1].enums[0].values == ["sad", "ok", "happy"])
  }

  @Test(arguments: [
    ("set null", ReferentialAction.setNull), ("NO ACTION", .noAction), ("cascade", .cascade),
    ("SET_DEFAULT", .setDefault),
  ])
  func readsReferentialActions(text: String, action: ReferentialAction) {
    #expect(ReferentialAction(sql: text) == action)
  }
}
