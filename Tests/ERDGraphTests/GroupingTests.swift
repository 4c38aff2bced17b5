import ERDGraph
import ERDSchema
import Testing

/// Groups by app, prefix and schema, and the pages of a split drawing, on hand-made catalogs.
@Suite struct GroupingTests {
  static func fk(_ table: String) -> ForeignKey {
    ForeignKey(
      columns: [table + "_id"], referencedTable: QualifiedName(schema: "main", name: table), referencedColumns: ["id"])
  }

  static func catalog(_ tables: [Table]) -> Catalog {
    Catalog(schemas: [Schema(name: "main", tables: tables)]).normalized()
  }

  static func groups(_ diagram: Diagram) -> [String: [String]] {
    let labels = Dictionary(uniqueKeysWithValues: diagram.groups.map { ($0.key, $0.label) })
    var out: [String: [String]] = [:]
    for e in diagram.entities { out[e.group.flatMap { labels[$0] } ?? "-", default: []].append(e.name.name) }
    return out
  }

  /// Django apps from provider positions; a through table without one joins the table its name
  /// extends, or else the app its foreign keys point at.
  @Test func appsFromPositionsAndThroughTables() {
    let catalog = Self.catalog([
      Table(name: "auth_user", source: SourceLocation(file: "django/contrib/auth/models.py", line: 517)),
      Table(name: "auth_group", source: SourceLocation(file: "django/contrib/auth/models.py", line: 102)),
      Table(name: "auth_user_groups", foreignKeys: [Self.fk("auth_user"), Self.fk("auth_group")]),
      Table(name: "shop_item", source: SourceLocation(file: "shop/models/item.py", line: 3)),
      Table(name: "link_table", foreignKeys: [Self.fk("shop_item")]),
      Table(name: "django_session", source: SourceLocation(file: "django/contrib/sessions/models.py", line: 8)),
    ])
    let diagram = DiagramBuilder.build(catalog)
    #expect(diagram.groups.map(\.label) == ["auth", "sessions", "shop"])
    #expect(
      Self.groups(diagram) == [
        "auth": ["auth_group", "auth_user", "auth_user_groups"], "sessions": ["django_session"],
        "shop": ["link_table", "shop_item"],
      ])
  }

  /// Prefixes, merged so that no group holds one table alone: a lone table joins the group it
  /// has references with; lone tables with none go together into `other`.
  @Test func prefixesMergeLoneTables() {
    let catalog = Self.catalog([
      Table(name: "billing_invoice"), Table(name: "billing_line", foreignKeys: [Self.fk("billing_invoice")]),
      Table(name: "crm_contact"), Table(name: "crm_lead", foreignKeys: [Self.fk("crm_contact")]),
      Table(name: "payment", foreignKeys: [Self.fk("billing_invoice")]),
      Table(name: "audit_log"), Table(name: "settings"),
    ])
    var options = DiagramOptions()
    options.groupBy = .prefix
    let diagram = DiagramBuilder.build(catalog, options: options)
    #expect(
      Self.groups(diagram) == [
        "billing": ["billing_invoice", "billing_line", "payment"], "crm": ["crm_contact", "crm_lead"],
        "other": ["audit_log", "settings"],
      ])
    options.groupBy = GroupBy.none
    #expect(DiagramBuilder.build(catalog, options: options).groups.isEmpty)
  }

  /// A split page draws its group in full and, as stubs, the tables of other groups at either
  /// end of their foreign keys; no page holds more than the limit.
  @Test func splitPagesHaveStubsBothWaysAndALimit() throws {
    var tables = [Table(name: "crm_contact", foreignKeys: [Self.fk("billing_t0")])]
    for i in 0..<130 {
      tables.append(Table(name: "billing_t\(i)", foreignKeys: i > 0 ? [Self.fk("billing_t\(i / 2)")] : []))
    }
    tables.append(Table(name: "crm_lead", foreignKeys: [Self.fk("crm_contact")]))
    var options = DiagramOptions()
    options.split = .group
    let drawing = Drawing(Self.catalog(tables), options: options, splitPages: true)
    let split = try #require(drawing.split)
    #expect(split.pages.map(\.title) == ["billing 1 of 3", "billing 2 of 3", "billing 3 of 3", "crm"])
    #expect(split.pages.allSatisfy { $0.diagram.entities.count <= SplitPages.pageLimit })
    #expect(split.pages.map { $0.diagram.entities.count }.reduce(0, +) == 132)
    let crm = try #require(split.pages.last)
    #expect(crm.diagram.stubs.map(\.name.name) == ["billing_t0"])
    let first = try #require(split.pages.first)
    #expect(first.diagram.stubs.contains { $0.name.name == "crm_contact" }, "the referrer from another page")
    #expect(first.diagram.edges.contains { $0.from.name == "crm_contact" && $0.to.name == "billing_t0" })
    #expect(split.links.contains { $0.from == crm.key && $0.to == first.key && $0.count == 1 })
  }

  /// Past `SplitPages.overviewLinksUpTo` links the overview draws each page's strongest links
  /// only, and every page keeps at least one; the note says how many of how many.
  @Test func aDenseOverviewDrawsEachPagesStrongestLinks() throws {
    let groups = 20
    var tables: [Table] = []
    for g in 0..<groups {
      let others = (0..<groups).filter { $0 != g }.map { Self.fk("g\($0)_b") }
      tables += [Table(name: "g\(g)_a", foreignKeys: others), Table(name: "g\(g)_b")]
    }
    tables.append(Table(name: "g0_c", foreignKeys: [Self.fk("g7_b")]))  // g0 → g7: two foreign keys
    var options = DiagramOptions()
    options.split = .group
    let split = try #require(Drawing(Self.catalog(tables), options: options, splitPages: true).split)
    #expect(split.links.count == groups * (groups - 1))
    let drawn = split.overviewLinks
    #expect(drawn.count < split.links.count && drawn.count <= groups * SplitPages.strongestLinksPerPage)
    #expect(drawn.contains { $0.from == "g0" && $0.to == "g7" && $0.count == 2 })
    for page in split.pages { #expect(drawn.contains { $0.from == page.key || $0.to == page.key }, "\(page.key)") }
    #expect(split.overviewNote?.contains("(\(drawn.count) of \(split.links.count))") == true)
  }
}

@Suite struct DrawingRuleTests {
  /// The default detail lines keep unique indexes and checks, not plain indexes or triggers.
  @Test func detailLinesLeavePlainIndexesOut() throws {
    let table = Table(
      name: "t", columns: [Column(name: "a", ordinal: 1, type: "int", nullable: true)],
      indexes: [
        Index(name: "t_a_idx", keys: [.column("a")]), Index(name: "t_a_key", keys: [.column("a")], unique: true),
      ],
      checks: [CheckConstraint(name: "positive", expression: "a > 0")])
    let catalog = GroupingTests.catalog([table])
    func lines(_ level: DetailLines) -> [String] {
      var options = DiagramOptions()
      options.details = level
      return DiagramBuilder.build(catalog, options: options).entities.first?.details ?? []
    }
    #expect(lines(.keys) == ["unique index t_a_key (a)", "check positive: a > 0"])
    #expect(lines(.all).count == 3)
    #expect(lines(.none).isEmpty)
  }
}
