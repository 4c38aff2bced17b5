import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// A catalog that uses every field of the model, so the JSON form is exercised whole.
let everyField = Catalog(
  engine: "postgresql",
  schemas: [
    Schema(
      name: "billing",
      tables: [
        Table(
          name: "invoice", kind: .partitioned,
          columns: [
            Column(name: "id", ordinal: 1, type: "bigint", nullable: false, identity: .always, comment: "surrogate"),
            Column(name: "customer_id", ordinal: 2, type: "integer", nullable: false),
            Column(name: "total", ordinal: 3, type: "numeric(10,2)", defaultValue: "0"),
            Column(
              name: "total_cents", ordinal: 4, type: "bigint",
              generated: GeneratedColumn(expression: "total * 100", stored: true)),
            Column(name: "year", ordinal: 5, type: "billing.year", collation: "C", baseType: "integer"),
          ],
          primaryKey: PrimaryKey(name: "invoice_pkey", columns: ["id"]),
          foreignKeys: [
            ForeignKey(
              name: "invoice_customer_fk", columns: ["customer_id"],
              referencedTable: QualifiedName(schema: "crm", name: "customer"), referencedColumns: ["id"],
              onDelete: .cascade, onUpdate: .setNull, deferrable: true, initiallyDeferred: true, match: "FULL",
              comment: "who pays")
          ],
          uniqueConstraints: [
            UniqueConstraint(name: "invoice_no_key", columns: ["id", "year"], nullsNotDistinct: true)
          ],
          indexes: [
            Index(
              name: "invoice_lower", keys: [.expression("lower(note)"), .column("year")], unique: true,
              predicate: "total > 0", method: "btree", definition: "CREATE UNIQUE INDEX …")
          ],
          checks: [CheckConstraint(name: "total_positive", expression: "total >= 0")],
          exclusions: [ExclusionConstraint(name: "no_overlap", definition: "EXCLUDE USING gist (period WITH &&)")],
          triggers: [
            Trigger(name: "audit", timing: "AFTER", events: ["INSERT", "UPDATE"], definition: "CREATE TRIGGER …")
          ],
          comment: "one per order", partitionKey: "RANGE (year)",
          partitions: [Partition(name: "invoice_2025", bound: "FOR VALUES FROM (2025) TO (2026)")],
          inherits: [QualifiedName(schema: "billing", name: "document")], options: [.unlogged],
          source: SourceLocation(file: "billing/models.py", line: 12)),
        Table(
          name: "invoice_2025", columns: [Column(name: "id", ordinal: 1, type: "bigint", nullable: false)],
          partitionOf: QualifiedName(schema: "billing", name: "invoice"),
          partitionBound: "FOR VALUES FROM (2025) TO (2026)", options: [.withoutRowID, .strict]),
      ],
      views: [
        View(
          name: "open_invoice", materialized: true,
          columns: [Column(name: "id", ordinal: 1, type: "bigint")], definition: "SELECT id FROM billing.invoice",
          dependencies: [QualifiedName(schema: "billing", name: "invoice")],
          indexes: [Index(name: "open_invoice_id", keys: [.column("id")])], comment: "unpaid",
          source: SourceLocation(file: "views.sql"))
      ],
      enums: [EnumType(name: "state", values: ["open", "paid", "void"], comment: "lifecycle")],
      domains: [
        Domain(
          name: "year", baseType: "integer", nullable: false, defaultValue: "2025",
          checks: [CheckConstraint(name: "year_check", expression: "VALUE > 1900")], comment: "a calendar year")
      ],
      comment: "money")
  ])

@Suite struct CatalogJSONTests {
  @Test func roundTripKeepsEveryField() throws {
    let text = JSONWriter().string(everyField.json)
    let back = try Catalog(jsonText: Array(text.utf8))
    #expect(back == everyField)
  }

  @Test func jsonFormIsDocumentedShape() throws {
    let text = JSONWriter().string(everyField.json)
    if let diff = Golden.compare(text, to: "every-field.json", in: Golden.directory()) { Issue.record("\(diff)") }
    let json = try JSONParser.parse(text)
    #expect(json["version"] == .int(1))
    let table = json["schemas"]?.arrayValue?.first?["tables"]?.arrayValue?.first
    #expect(table?["name"] == .string("invoice"))
    #expect(table?["primaryKey"]?["columns"] == .array([.string("id")]))
    #expect(table?["foreignKeys"]?.arrayValue?.first?["references"]?["table"] == .string("customer"))
    let partition = json["schemas"]?.arrayValue?.first?["tables"]?.arrayValue?.last
    #expect(partition?["partitionOf"] == .string("invoice"))
  }

  @Test func writingIsDeterministic() {
    #expect(JSONWriter().string(everyField.json) == JSONWriter().string(everyField.json))
  }

  @Test(arguments: [
    ("{\"version\": 2, \"schemas\": []}", "newer than this erdviz reads"),
    ("{\"schemas\": [{\"tables\": []}]}", "$.schemas[0].name: is required"),
    ("{\"schemas\": [{\"name\": \"s\", \"tables\": [{\"name\": \"t\", \"columns\": 3}]}]}", "columns: must be a list"),
    ("{\"schemas\": ", "invalid JSON at line 1, column 13"),
  ])
  func rejectsWhatIsNotACatalog(input: String, message: String) {
    #expect {
      _ = try Catalog(jsonText: Array(input.utf8))
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func minimalDocumentDefaults() throws {
    let catalog = try Catalog(
      jsonText: Array(#"{"schemas":[{"name":"s","tables":[{"name":"t","columns":[{"name":"a"}]}]}]}"#.utf8))
    let column = try #require(catalog.schemas.first?.tables.first?.columns.first)
    #expect(column.ordinal == 1)
    #expect(column.nullable)
    #expect(column.type == "")
  }
}

@Suite struct JSONTextTests {
  @Test func htmlSafeWriterNeutralisesScriptEnd() throws {
    let text = JSONWriter(htmlSafe: true, pretty: false).string(.string("</script><!-- & \u{2028}"))
    #expect(text == #""\u003c/script\u003e\u003c!-- \u0026 \u2028""#)
    #expect(try JSONParser.parse(text) == .string("</script><!-- & \u{2028}"))
  }

  @Test(arguments: [
    (#""a\u00e9\ud83d\ude00\n""#, JSONValue.string("aé😀\n")),
    ("[1, -2.5e3, true, null]", .array([.int(1), .double(-2500), .bool(true), .null])),
    ("{\"k\": {}}", .object([.init("k", .object([]))])),
  ])
  func parses(text: String, value: JSONValue) throws {
    #expect(try JSONParser.parse(text) == value)
  }

  @Test(arguments: ["{\"a\": 1,\n  \"b\" 2}", "[1, 2", "\"\u{01}\"", String(repeating: "[", count: 10_000)])
  func reportsErrorsWithoutCrashing(text: String) {
    #expect(throws: JSONParser.SyntaxError.self) { _ = try JSONParser.parse(text) }
  }

  @Test func errorPositionIsLineAndColumn() {
    do {
      _ = try JSONParser.parse("{\"a\": 1,\n  \"b\" 2}")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 7)
    }
  }
}
