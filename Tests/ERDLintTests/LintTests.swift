import ERDGraph
import ERDLint
import ERDRender
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Each rule on a schema made to break it, then the real schemas: pagila and the Rails fixture.
@Suite struct LintTests {
  static func finding(_ f: Finding) -> String { "\(f.rule) \(f.table.name)(\(f.columns.joined(separator: ",")))" }

  static let broken: Catalog = {
    func column(_ name: String, _ type: String, nullable: Bool = false) -> Column {
      Column(name: name, ordinal: 1, type: type, nullable: nullable)
    }
    let parent = Table(
      name: "parent", columns: [column("id", "integer"), column("code", "text", nullable: true)],
      primaryKey: PrimaryKey(columns: ["id"]), uniqueConstraints: [UniqueConstraint(columns: ["code"])])
    let child = Table(
      name: "child",
      columns: [
        column("id", "integer"), column("parent_id", "bigint"), column("code", "text"), column("a", "int"),
        column("b", "int", nullable: true),
      ],
      primaryKey: PrimaryKey(columns: ["id"]),
      foreignKeys: [
        ForeignKey(
          name: "child_parent", columns: ["parent_id"],
          referencedTable: QualifiedName(schema: "public", name: "parent"), referencedColumns: ["id"]),
        ForeignKey(
          columns: ["code"], referencedTable: QualifiedName(schema: "public", name: "parent"),
          referencedColumns: ["code"]),
      ],
      uniqueConstraints: [UniqueConstraint(name: "child_ab", columns: ["a", "b"])],
      indexes: [
        Index(name: "child_code", keys: [.column("code"), .column("a")]),
        Index(name: "child_code_again", keys: [.column("code"), .column("a")]),
        Index(name: "child_code_desc", keys: [.column("code"), .column("a")], predicate: "a > 0"),
      ])
    let lonely = Table(name: "lonely", columns: [column("note", "text")])
    return Catalog(engine: "postgresql", schemas: [Schema(name: "public", tables: [child, lonely, parent])])
  }()

  @Test func everyRuleFiresWhereItShould() {
    let found = Linter.lint(Self.broken).map(Self.finding)
    #expect(
      found == [
        "fk-without-index child(parent_id)", "fk-type-mismatch child(parent_id)", "nullable-unique child(b)",
        "duplicate-index child(code,a)", "no-primary-key lonely()", "isolated-table lonely()",
        "nullable-unique parent(code)",
      ], "\(found)")
  }

  @Test func severitiesAndChoosingRules() throws {
    let findings = Linter.lint(Self.broken, rules: try LintRule.parse("fk-type-mismatch, no-primary-key"))
    #expect(findings.map(\.severity) == [.error, .warning])
    #expect(throws: LintRuleError(name: "fk-no-index")) { try LintRule.parse("fk-without-index,fk-no-index") }
  }

  /// MySQL and MariaDB index a foreign key's columns themselves; SQLite does not.
  @Test(arguments: [("mysql", 0), ("mariadb", 0), ("sqlite", 1), ("mssql", 1), ("postgresql", 1)])
  func foreignKeysWithoutIndexByEngine(engine: String, count: Int) {
    var catalog = Self.broken
    catalog.engine = engine
    #expect(Linter.lint(catalog, rules: [.fkWithoutIndex]).count == count)
  }

  @Test func sqliteComparesTypeAffinities() {
    var catalog = Self.broken
    catalog.engine = "sqlite"
    #expect(Linter.lint(catalog, rules: [.fkTypeMismatch]).isEmpty)  // bigint and integer are both INTEGER
  }

  @Test func pagilaFindingsOneByOne() throws {
    guard let pagila = Paths.corpusFile("pagila-schema.sql") else {
      print("skipped: ../shared/corpus/pagila-schema.sql is not here")
      return
    }
    let findings = Linter.lint(try Fixtures.load(pagila))
    let partitions = (1...6).map { "payment_p2022_0\($0)" }
    let expected =
      [
        "fk-without-index film_category(category_id)", "fk-without-index inventory(film_id)",
        "fk-without-index rental(customer_id)", "fk-without-index rental(staff_id)",
        "fk-without-index staff(address_id)", "fk-without-index staff(store_id)",
        "fk-without-index store(address_id)",
      ] + partitions.flatMap { ["fk-without-index \($0)(rental_id)", "duplicate-index \($0)(customer_id)"] }
    #expect(Set(findings.map(Self.finding)) == Set(expected), "\(findings.map(Self.finding))")
    #expect(findings.count == expected.count)
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  @Test func railsFixtureFindings() throws {
    let findings = Linter.lint(try Fixtures.rails())
    let byRule = Dictionary(grouping: findings, by: \.rule)
    #expect(byRule["inferred-relation"]?.count == RelationInferenceTests.intended.count)
    #expect(byRule["isolated-table"]?.map(\.table.name) == ["invoice", "invoices", "schema_migrations"])
    #expect(
      byRule["duplicate-index"]?.map(\.message) == ["index orders_user_idx duplicates index index_orders_on_user_id"])
    #expect(byRule["fk-without-index"] == nil)  // MySQL indexes them itself, and there are none
    #expect(Set(byRule.keys) == ["inferred-relation", "isolated-table", "duplicate-index"])
  }

  @Test func reportsInThreeFormats() throws {
    let findings = Linter.lint(Self.broken)
    let scope = FindingsReport.Scope(
      tables: 3, rules: LintRule.allCases.map(\.rawValue), engine: "postgresql", qualified: false)
    let text = FindingsReport.render(findings, scope: scope, as: .text)
    #expect(
      text.hasPrefix(
        "child(parent_id): warning: foreign key child_parent to parent has no index starting with its columns [fk-without-index]\n"
      ))
    #expect(text.hasSuffix("\n1 error, 6 warnings in 3 tables (7 rules)\n"))
    let json = try JSONParser.parse(Array(FindingsReport.render(findings, scope: scope, as: .json).utf8))
    #expect(json["findings"]?.arrayValue?.count == findings.count)
    #expect(json["findings"]?.arrayValue?.first?["rule"]?.stringValue == "fk-without-index")
    let markdown = FindingsReport.render(findings, scope: scope, as: .markdown)
    #expect(markdown.contains("| error | `fk-type-mismatch` | `child` | `parent_id` |"))
    #expect(FindingsReport.render([], scope: scope, as: .text) == "no findings in 3 tables (7 rules)\n")
  }
}
