import ERDGraph
import ERDSchema
import ERDTestSupport
import Testing

/// Inference against ground truth: the Rails-style fixture, where every intended relation is
/// known, and the shop sample, whose foreign keys are all declared.
@Suite struct RelationInferenceTests {
  /// Every relation `rails_like.sql` means, as `table.column -> table.column`.
  static let intended: Set<String> = [
    "users.account_id -> accounts.id", "accounts.company_id -> companies.id",
    "companies.address_id -> addresses.id", "people.user_id -> users.id", "addresses.person_id -> people.id",
    "categories.parent_id -> categories.id", "products.category_id -> categories.id", "orders.user_id -> users.id",
    "orders.status_id -> statuses.id", "orders.address_id -> addresses.id", "order_items.order_id -> orders.id",
    "order_items.product_id -> products.id", "order_items.box_id -> boxes.id", "mice.person_id -> people.id",
    "experiments.mouse_id -> mice.id", "experiments.analysis_id -> analyses.id", "comments.user_id -> users.id",
    "shop_customers.user_id -> users.id", "shop_carts.customer_id -> shop_customers.id",
    "payments.user_id -> users.id", "documents.account_id -> accounts.id",
    "document_versions.document_uuid -> documents.id", "audits.document_id -> documents.id",
    "legacy_reports.userId -> users.id",
  ]

  @Test func recoversExactlyTheIntendedRelations() throws {
    let inference = RelationInference.infer(try Fixtures.rails())
    let found = inference.relations.map {
      "\($0.table.name).\($0.column) -> \($0.referencedTable.name).\($0.referencedColumn)"
    }
    #expect(found.count == Set(found).count, "a relation inferred twice")
    #expect(Set(found).subtracting(Self.intended).isEmpty, "false edges: \(Set(found).subtracting(Self.intended))")
    #expect(Self.intended.subtracting(found).isEmpty, "missed: \(Self.intended.subtracting(found))")
  }

  @Test(arguments: [
    ("users.account_id", "named after the table, in the singular"),
    ("categories.parent_id", "parent_id with no parent table: the table itself"),
    ("shop_carts.customer_id", "named after the table without its prefix shop_"),
  ])
  func saysWhichRuleMadeIt(column: String, rule: String) throws {
    let inference = RelationInference.infer(try Fixtures.rails())
    let relation = try #require(inference.relations.first { "\($0.table.name).\($0.column)" == column })
    #expect(relation.rule.description == rule)
  }

  @Test func reportsWhatItWillNotGuess() throws {
    let notes = RelationInference.infer(try Fixtures.rails()).notes
    #expect(notes.count == 3, "\(notes)")
    #expect(
      notes.contains(
        InferenceNote(
          table: Fixtures.name("comments"), column: "commentable_id", kind: .polymorphic(typeColumn: "commentable_type")
        )))
    #expect(
      notes.contains(
        InferenceNote(
          table: Fixtures.name("payments"), column: "invoice_id",
          kind: .ambiguous([Fixtures.name("invoice"), Fixtures.name("invoices")]))))
    let uuid = try #require(notes.first { $0.column == "user_uuid" })
    #expect(uuid.description.contains("bigint"), "\(uuid)")
  }

  @Test func notReferencesStayAlone() throws {
    let inference = RelationInference.infer(try Fixtures.rails())
    for column in ["stripe_id", "external_id", "commentable_id", "invoice_id", "user_uuid", "id"] {
      #expect(!inference.relations.contains { $0.column == column }, "\(column) inferred")
    }
  }

  /// The shop sample declares all its foreign keys: inference adds nothing they cover.
  @Test func addsNothingADeclaredForeignKeyCovers() throws {
    let catalog = try Fixtures.shop()
    let inference = RelationInference.infer(catalog)
    for relation in inference.relations {
      let table = try #require(catalog.table(relation.table))
      #expect(!table.foreignKeys.contains { $0.columns.contains(relation.column) }, "\(relation)")
    }
    let diagram = DiagramBuilder.build(catalog, options: DiagramOptions(inferRelations: true))
    let declared = diagram.edges.filter { $0.kind == .foreignKey }.map { "\($0.from).\($0.fromColumns)" }
    let inferred = diagram.edges.filter { $0.kind == .inferred }.map { "\($0.from).\($0.fromColumns)" }
    #expect(Set(declared).isDisjoint(with: inferred))
    #expect(inferred.isEmpty, "\(inferred)")
  }

  @Test func ownKeyColumnsReferenceNothing() {
    let table = Table(
      name: "payment",
      columns: [
        Column(name: "payment_id", ordinal: 1, type: "integer"), Column(name: "paid_on", ordinal: 2, type: "date"),
      ],
      primaryKey: PrimaryKey(columns: ["paid_on", "payment_id"]))
    let user = Table(
      name: "User", columns: [Column(name: "UserID", ordinal: 1, type: "int")],
      primaryKey: PrimaryKey(columns: ["UserID"]))
    let catalog = Catalog(schemas: [Schema(name: "dbo", tables: [table, user])])
    #expect(RelationInference.infer(catalog).relations.isEmpty)
  }

  /// Tables of the column's own schema win; elsewhere a single match is enough.
  @Test func nearestSchemaFirst() {
    let key = [Column(name: "id", ordinal: 1, type: "bigint", nullable: false)]
    func users(_ schema: String) -> Schema {
      Schema(name: schema, tables: [Table(name: "users", columns: key, primaryKey: PrimaryKey(columns: ["id"]))])
    }
    let order = Table(
      name: "orders", columns: key + [Column(name: "user_id", ordinal: 2, type: "bigint")],
      primaryKey: PrimaryKey(columns: ["id"]))
    var shop = users("shop")
    shop.tables.append(order)
    let near = RelationInference.infer(Catalog(schemas: [users("auth"), shop]))
    #expect(near.relations.map(\.referencedTable) == [QualifiedName(schema: "shop", name: "users")])
    let far = RelationInference.infer(Catalog(schemas: [users("auth"), Schema(name: "shop", tables: [order])]))
    #expect(far.relations.map(\.referencedTable) == [QualifiedName(schema: "auth", name: "users")])
  }

  @Test func offByDefault() throws {
    let diagram = DiagramBuilder.build(try Fixtures.rails())
    #expect(diagram.edges.isEmpty)
    let inferred = DiagramBuilder.build(try Fixtures.rails(), options: DiagramOptions(inferRelations: true))
    #expect(inferred.edges.count == Self.intended.count)
    #expect(inferred.edges.allSatisfy { $0.kind == .inferred && $0.note != nil })
  }

  /// The same cardinality rule as a declared foreign key's, and the keys level keeps both ends.
  @Test func inferredEdgesFollowTheCardinalityRule() throws {
    let catalog = try Fixtures.rails()
    let diagram = DiagramBuilder.build(catalog, options: DiagramOptions(detail: .keys, inferRelations: true))
    let people = try #require(diagram.edges.first { $0.from.name == "people" })
    #expect(people.fromCardinality == .zeroOrOne)  // a unique index on user_id
    #expect(people.toCardinality == .zeroOrOne)  // user_id is nullable
    let orders = try #require(diagram.edges.first { $0.from.name == "orders" && $0.fromColumns == ["status_id"] })
    #expect(orders.fromCardinality == .zeroOrMany)
    #expect(orders.toCardinality == .exactlyOne)
    #expect(diagram.entity(Fixtures.name("orders"))?.column(named: "status_id") != nil)
  }
}
