import ERDGraph
import ERDRender
import ERDTestSupport
import Foundation
import Testing

/// Every SQLite schema of the test suite, checked with the real Mermaid parser.
@Suite(.enabled(if: MermaidCheck.available || Paths.toolsRequired, "needs ../shared/tools/mermaid-check"))
struct MermaidParserTests {
  @Test(arguments: RenderGoldenTests.cases.map(\.name) + ["chinook"])
  func realMermaidAcceptsIt(name: String) throws {
    let input: Drawing
    if name == "chinook" {
      guard let script = Paths.corpusFile("Chinook_Sqlite.sql") else { return }
      input = try renderInput(script)
    } else {
      input = try renderInput(try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture)
    }
    for detail in ColumnDetail.allCases {
      let diagram = DiagramBuilder.build(input.catalog, options: DiagramOptions(detail: detail))
      let text = try text(.mermaid, Drawing(catalog: input.catalog, diagram: diagram))
      let outcome = try MermaidCheck.check(text)
      #expect(outcome.ok, "\(name) (\(detail)): \(outcome.message)")
      #expect(outcome.entities.count == diagram.entities.count)
      #expect(outcome.relationships.count == diagram.edges.count)
    }
  }

  /// Mermaid must understand the names as written: aliases decode back to the real names.
  @Test func hostileNamesSurviveIntact() throws {
    let input = try renderInput(Paths.fixtures.appendingPathComponent("hostile_names.sql"))
    let mermaid = try text(.mermaid, input)
    #expect(!mermaid.contains("%%{"), "a name became a Mermaid directive")
    let outcome = try MermaidCheck.check(mermaid)
    #expect(outcome.ok, "\(outcome.message)")
    let aliases = Set(outcome.entities.compactMap { $0["alias"]?.stringValue }.map(decodeMermaidEntities))
    for entity in input.diagram.entities {
      #expect(aliases.contains(entity.label.replacingNewlines()), "alias of \(entity.label)")
    }
    let invoice = try #require(outcome.entities.first { $0["alias"]?.stringValue == "billing.invoice" })
    let names = Set(
      (invoice["attributes"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }.map(decodeMermaidEntities))
    for column in [
      "line.no", "amount-due", "first name", "2fa_enabled", "to", "one", "pk", "fk", "PK-id", "*star*", "a~b~c",
    ] {
      #expect(names.contains(column), "attribute \(column)")
    }
    let types = Set(
      (invoice["attributes"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }.map(decodeMermaidEntities))
    for type in [
      "numeric(10,2)", "double precision", "numeric(10, 2)", "character varying(255)", "timestamp with time zone",
    ] {
      #expect(types.contains(type), "type \(type)")
    }
  }
}

extension String {
  func replacingNewlines() -> String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
