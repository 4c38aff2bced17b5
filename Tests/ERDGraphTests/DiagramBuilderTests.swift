import ERDGraph
import ERDInspect
import ERDSQLite
import ERDSchema
import ERDTestSupport
import Testing

@Suite struct DiagramBuilderTests {
  static let cardinality: Catalog = {
    // Built once: the fixture is small and every test here reads it.
    (try? SQLiteInspector.file(try SQLiteFixture.fromFixture("cardinality.sql").path).inspect(InspectOptions()))
      ?? Catalog()
  }()

  @Test(arguments: [
    ("required_many", Cardinality.zeroOrMany, Cardinality.exactlyOne),
    ("optional_many", .zeroOrMany, .zeroOrOne),
    ("required_one", .zeroOrOne, .exactlyOne),
    ("optional_one", .zeroOrOne, .zeroOrOne),
    ("extension", .zeroOrOne, .exactlyOne),
    ("indexed_one", .zeroOrOne, .exactlyOne),
    ("partial_many", .zeroOrMany, .exactlyOne),
    ("pair_required", .zeroOrMany, .exactlyOne),
    ("pair_optional", .zeroOrMany, .zeroOrOne),
    ("pair_one", .zeroOrOne, .exactlyOne),
    ("pair_wider", .zeroOrMany, .exactlyOne),
    ("node", .zeroOrMany, .zeroOrOne),
  ])
  func cardinalityFollowsTheRule(child: String, childEnd: Cardinality, parentEnd: Cardinality) throws {
    let diagram = DiagramBuilder.build(Self.cardinality)
    let edge = try #require(diagram.edges.first { $0.from.name == child })
    #expect(edge.fromCardinality == childEnd)
    #expect(edge.toCardinality == parentEnd)
  }

  @Test func compositeKeysAreOneEdge() throws {
    let diagram = DiagramBuilder.build(Self.cardinality)
    let edges = diagram.edges.filter { $0.from.name == "pair_required" }
    #expect(edges.count == 1)
    #expect(edges.first?.fromColumns == ["a", "b"])
    #expect(edges.first?.toColumns == ["a", "b"])
    #expect(diagram.edges.count == 12)
  }

  @Test func identifyingWhenTheKeyIsPartOfThePrimaryKey() {
    let diagram = DiagramBuilder.build(Self.cardinality)
    #expect(diagram.edges.first { $0.from.name == "extension" }?.identifying == true)
    #expect(diagram.edges.first { $0.from.name == "required_many" }?.identifying == false)
  }

  @Test(arguments: [
    (["pair*"], [String](), ["pair", "pair_one", "pair_optional", "pair_required", "pair_wider"]),
    (["main.pair"], [], ["pair"]),
    ([], ["*_*"], ["extension", "node", "pair", "parent"]),
    (["p?ir"], [], ["pair"]),
    (["[np]*"], ["pa*"], ["node"]),
  ])
  func filtersByGlob(include: [String], exclude: [String], expected: [String]) {
    let options = DiagramOptions(filter: NameFilter(include: include, exclude: exclude))
    let diagram = DiagramBuilder.build(Self.cardinality, options: options)
    #expect(diagram.entities.map(\.name.name) == expected)
    let names = Set(expected)
    #expect(diagram.edges.allSatisfy { names.contains($0.from.name) && names.contains($0.to.name) })
  }

  @Test func detailLevels() throws {
    let keys = DiagramBuilder.build(Self.cardinality, options: DiagramOptions(detail: .keys))
    let partial = try #require(keys.entity(QualifiedName(schema: "main", name: "partial_many")))
    #expect(partial.columns.map(\.name) == ["id", "parent_id"])
    #expect(partial.hiddenColumnCount == 1)
    let none = DiagramBuilder.build(Self.cardinality, options: DiagramOptions(detail: .none))
    #expect(none.entities.allSatisfy { $0.columns.isEmpty })
    #expect(none.edges.count == 12)
  }

  @Test func keysAreSafeUniqueAndStable() {
    let catalog = Catalog(schemas: [
      Schema(name: "s", tables: [Table(name: "a-b"), Table(name: "a_b"), Table(name: "客户"), Table(name: "")])
    ])
    let keys = DiagramBuilder.build(catalog.normalized()).entities.map(\.key)
    #expect(keys == ["_", "a_b", "a_b_2", "x5ba2x6237"])
  }

  @Test func severalSchemasAreGroupedAndQualified() {
    let catalog = Catalog(schemas: [
      Schema(name: "crm", tables: [Table(name: "customer", primaryKey: PrimaryKey(columns: ["id"]))]),
      Schema(
        name: "billing",
        tables: [
          Table(
            name: "invoice",
            foreignKeys: [
              ForeignKey(
                columns: ["customer_id"], referencedTable: QualifiedName(schema: "crm", name: "customer"),
                referencedColumns: ["id"])
            ])
        ]),
    ])
    let diagram = DiagramBuilder.build(catalog.normalized())
    #expect(diagram.groups.map(\.key) == ["billing", "crm"])
    #expect(diagram.entities.map(\.label) == ["billing.invoice", "crm.customer"])
    #expect(diagram.entities.map(\.group) == ["billing", "crm"])
    #expect(diagram.edges.count == 1)
  }
}
