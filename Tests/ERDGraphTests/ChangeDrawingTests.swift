import ERDGraph
import ERDSchema
import Testing

/// The drawing of a schema change: what is drawn, and how each thing is marked.
@Suite struct ChangeDrawingTests {
  static func column(_ name: String, _ ordinal: Int, _ type: String = "integer") -> Column {
    Column(name: name, ordinal: ordinal, type: type, nullable: name != "id")
  }

  static func table(_ name: String, _ columns: [Column], references: [(String, String)] = []) -> Table {
    Table(
      name: name, columns: columns, primaryKey: PrimaryKey(columns: ["id"]),
      foreignKeys: references.map { column, target in
        ForeignKey(
          columns: [column], referencedTable: QualifiedName(schema: "main", name: target), referencedColumns: ["id"])
      })
  }

  /// A chain a ← b ← c ← d ← e, and f alone.
  static let old = Catalog(
    engine: "sqlite",
    schemas: [
      Schema(
        name: "main",
        tables: [
          table("a", [column("id", 1)]),
          table("b", [column("id", 1), column("a_id", 2), column("legacy", 3, "text")], references: [("a_id", "a")]),
          table("c", [column("id", 1), column("b_id", 2)], references: [("b_id", "b")]),
          table("d", [column("id", 1), column("c_id", 2)], references: [("c_id", "c")]),
          table("e", [column("id", 1), column("d_id", 2)], references: [("d_id", "d")]),
          table("f", [column("id", 1)]),
        ])
    ])

  /// b loses `legacy` and its key to a; c's `b_id` becomes bigint; f is dropped.
  static var new: Catalog {
    var new = old
    new.schemas[0].tables[1].columns.removeLast()
    new.schemas[0].tables[1].foreignKeys = []
    new.schemas[0].tables[2].columns[1].type = "bigint"
    new.schemas[0].tables.removeLast()
    return new
  }

  static func drawing(_ context: ChangeContext) -> Drawing {
    Drawing(change: SchemaChange(from: old, to: new), from: old, to: new, context: context)
  }

  @Test func contextIsTheNeighbourhoodOfWhatChanged() {
    let names = { (c: ChangeContext) in Self.drawing(c).diagram.entities.map(\.name.name) }
    #expect(names(.hops(0)) == ["b", "c", "f"])
    #expect(names(.hops(1)) == ["a", "b", "c", "d", "f"])
    #expect(names(.all) == ["a", "b", "c", "d", "e", "f"])
  }

  @Test func everyEntityColumnAndKeyIsMarked() throws {
    let drawing = Self.drawing(.hops(1))
    let marks = Dictionary(uniqueKeysWithValues: drawing.diagram.entities.map { ($0.name.name, $0.change?.mark) })
    #expect(marks == ["a": .context, "b": .changed, "c": .changed, "d": .context, "f": .removed])
    let b = try #require(drawing.diagram.entity(QualifiedName(schema: "main", name: "b")))
    #expect(b.columns.map(\.name) == ["id", "a_id", "legacy"])
    #expect(b.columns.map(\.change?.mark) == [nil, nil, .removed])
    let c = try #require(drawing.diagram.entity(QualifiedName(schema: "main", name: "c")))
    #expect(c.columns[1].change == ColumnChange(mark: .changed, details: ["type integer → bigint"]))
    #expect(c.change?.lines == ["~ column c.b_id: type integer → bigint"])
    let removedKey = drawing.diagram.edges.first { $0.from.name == "b" && $0.to.name == "a" }
    #expect(removedKey?.change == .removed)
    #expect(drawing.diagram.edges.first { $0.from.name == "d" }?.change == nil)
    #expect(drawing.diagram.changes?.summary == "−1 table, −1 column, 1 column changed, −1 foreign key")
    // The page and the Markdown describe the tables as they are now, the removed ones as they were.
    #expect(drawing.catalog.table(QualifiedName(schema: "main", name: "b"))?.columns.count == 2)
    #expect(drawing.catalog.table(QualifiedName(schema: "main", name: "f")) != nil)
  }

  /// A removed table joins the new catalog's only schema, whatever the old one was called.
  @Test func removedTablesAreDrawnInTheNewSchema() throws {
    var new = Self.new
    new.engine = "postgresql"
    new.schemas[0].name = "public"
    for i in new.schemas[0].tables.indices {
      for k in new.schemas[0].tables[i].foreignKeys.indices {
        new.schemas[0].tables[i].foreignKeys[k].referencedTable.schema = "public"
      }
    }
    let change = SchemaChange(from: Self.old, to: new)
    let drawing = Drawing(change: change, from: Self.old, to: new, context: .hops(1))
    #expect(Set(drawing.diagram.entities.map(\.name.schema)) == ["public"])
    #expect(drawing.diagram.entity(QualifiedName(schema: "public", name: "f"))?.change?.mark == .removed)
    #expect(drawing.diagram.edges.first { $0.from.name == "b" }?.to == QualifiedName(schema: "public", name: "a"))
  }

  @Test func noChangeDrawsNothingUnlessEverythingIsAsked() {
    let change = SchemaChange(from: Self.old, to: Self.old)
    let none = Drawing(change: change, from: Self.old, to: Self.old, context: .hops(2))
    #expect(none.diagram.entities.isEmpty && none.diagram.heading == "Schema change")
    let all = Drawing(change: change, from: Self.old, to: Self.old, context: .all)
    #expect(all.diagram.entities.count == 6 && all.diagram.entities.allSatisfy { $0.change?.mark == .context })
  }

  @Test func aRenameIsAChangeWithItsOldName() throws {
    var renamed = Self.old
    renamed.schemas[0].tables[1].columns[2].name = "notes"
    let change = SchemaChange(from: Self.old, to: renamed, options: .init(renames: true))
    let drawing = Drawing(change: change, from: Self.old, to: renamed, context: .hops(0))
    let b = try #require(drawing.diagram.entity(QualifiedName(schema: "main", name: "b")))
    #expect(b.columns.last?.change == ColumnChange(mark: .changed, details: ["renamed from legacy"]))
  }
}
