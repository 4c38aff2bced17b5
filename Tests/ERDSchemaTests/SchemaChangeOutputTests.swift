import ERDSchema
import ERDTestSupport
import Testing

/// The three forms a change is shown in: the summary, the lines, the JSON; and the marked objects.
@Suite struct SchemaChangeOutputTests {
  /// One change of each sort of element and action, for the JSON golden file.
  static let mixed: SchemaChange = {
    let new =
      changeBase
      .editing {
        $0.tables.append(Table(name: "newcomer"))
        $0.tables.removeAll { $0.name == "legacy" }
      }
      .editing(table: "customer") { t in
        t.columns[1].type = "varchar(200)"
        t.columns[2].nullable = false
        t.columns.append(Column(name: "born", ordinal: 4, type: "date"))
        t.indexes = []
        t.checks.append(CheckConstraint(expression: "born > '1900-01-01'"))
      }
      .editing(table: "order") { t in
        t.foreignKeys[0].onDelete = .cascade
        t.uniqueConstraints = [UniqueConstraint(columns: ["customer_id", "id"])]
        t.primaryKey = nil
      }
      .editing {
        $0.enums[0].values.append("happy")
        $0.domains = []
      }
    return SchemaChange(from: changeBase, to: new)
  }()

  @Test func jsonFormMatchesItsGoldenFile() {
    let text = JSONWriter().string(Self.mixed.json)
    if let diff = Golden.compare(text, to: "schema-change.json", in: Golden.directory()) { Issue.record("\(diff)") }
  }

  @Test func jsonKindsFollowTheList() throws {
    let changes = try #require(Self.mixed.json["changes"]?.arrayValue)
    #expect(changes.count == Self.mixed.changes.count)
    let kinds = changes.compactMap { $0["kind"]?.stringValue }
    #expect(kinds == Self.mixed.changes.map { "\($0.elementKind).\($0.actionKind)" })
    let nullability = try #require(changes.first { $0["attribute"] == .string("nullable") })
    #expect(nullability["old"] == .bool(true))
    #expect(nullability["new"] == .bool(false))
  }

  @Test func linesAndSummaryOfTheMixedChange() {
    #expect(
      Self.mixed.lines == [
        "~ column customer.email: type varchar(100) → varchar(200)",
        "~ column customer.note: null → not null",
        "+ column customer.born",
        "− index customer_note on customer(note)",
        "+ check on customer: born > '1900-01-01'",
        "− table legacy",
        "+ table newcomer",
        "− primary key order(id)",
        "~ foreign key order(customer_id) → customer(id): on delete no action → cascade",
        "+ unique order(customer_id, id)",
        "~ enum mood: values (sad, ok) → (sad, ok, happy)",
        "− domain address",
      ])
    #expect(
      Self.mixed.summary.description
        == "+1 table, −1 table, 1 enum changed, −1 domain, +1 column, 2 columns changed, −1 primary key, "
        + "1 foreign key changed, +1 unique constraint, −1 index, +1 check")
  }

  @Test func objectSetsMarkTablesForARenderer() {
    let tables = Self.mixed.objects(.table)
    let name = { QualifiedName(schema: "public", name: $0) }
    #expect(tables.added == [name("newcomer")])
    #expect(tables.removed == [name("legacy")])
    #expect(tables.changed == [name("customer"), name("order")])
    #expect(Self.mixed.objects(.enumType).changed == [name("mood")])
    #expect(Self.mixed.objects(.view).isEmpty)
    #expect(Self.mixed.byObject[.init(.table, name("order"))]?.count == 3)
  }

  /// Hostile names stay one line, and a name that is not an identifier is quoted.
  @Test(arguments: [
    ("order", "+ column order.order"), ("first name", #"+ column order."first name""#),
    ("new\nline", #"+ column order."new\nline""#), ("say \"hi\"", #"+ column order."say ""hi""""#),
    ("\u{1b}[31mred", #"+ column order."\u{1b}[31mred""#), ("naïve", "+ column order.naïve"),
    ("2fa", #"+ column order."2fa""#),
  ])
  func quotesAndEscapesNames(column: String, line: String) {
    let new = changeBase.editing(table: "order") { $0.columns.append(Column(name: column, ordinal: 9, type: "text")) }
    #expect(SchemaChange(from: changeBase, to: new).lines == [line])
  }

  @Test func longValuesAreClipped() {
    let long = String(repeating: "x", count: 200)
    let new = changeBase.editing(table: "customer") { $0.comment = long }
    let line = SchemaChange(from: changeBase, to: new).lines.first ?? ""
    #expect(line.hasSuffix("…"))
    #expect(line.count < 120)
    #expect(SchemaChange(from: changeBase, to: new).json["changes"]?.arrayValue?.first?["new"] == .string(long))
  }
}
