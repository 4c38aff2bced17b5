import ERDSchema
import Testing

/// The size check issue 13 names: a generated 2,000-table catalog against a copy with 5 % of its
/// tables changed. It prints times (never asserts them: speed belongs to a benchmark, run side by
/// side with the readers) and checks that the work grows with the size, the algorithm being linear.
@Suite struct SchemaChangeSizeTests {
  @Test func twoThousandTablesWithFivePercentChanged() {
    let clock = ContinuousClock()
    var lines: [String] = []
    for size in [2_000, 4_000] {
      let old = GeneratedCatalog.make(tables: size)
      let new = GeneratedCatalog.changed(old)
      var change: SchemaChange?
      let compare = clock.measure { change = SchemaChange(from: old, to: new, options: .init(renames: true)) }
      let write = clock.measure { _ = JSONWriter().bytes(old.json).count + JSONWriter().bytes(new.json).count }
      // One table in 20 changes, one way in four: one change each, except the renames. All generated
      // tables have the same columns, so no rename is unambiguous: each is a removal, an addition,
      // and the next table's foreign key moving to the new name (a removal and an addition).
      let renames = size / 80
      #expect(change?.changes.count == size / 20 - renames + 4 * renames, "\(size) tables")
      lines.append("\(size) tables, \(size / 20) changed: compare \(compare), both catalogs' JSON written \(write)")
    }
    print("schema change size check (debug build unless built with -c release):\n  " + lines.joined(separator: "\n  "))
  }
}
