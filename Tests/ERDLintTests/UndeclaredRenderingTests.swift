import ERDGraph
import ERDLint
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// Inferred and declared references in every renderer: dashed and marked, never mixed with the
/// schema's own foreign keys; each output read back by the real parser where there is one.
@Suite struct UndeclaredRenderingTests {
  static let declared = DeclaredRelation(
    table: "payments", columns: ["invoice_id"], parentTable: "invoices", label: "billing \"v2\"")

  static func drawing(findings: Bool = false) throws -> Drawing {
    let catalog = try Fixtures.rails()
    var drawing = Drawing(catalog, options: DiagramOptions(inferRelations: true, relations: [declared]))
    if findings { drawing.findings = Linter.lint(catalog) }
    return drawing
  }

  static func render(_ format: OutputFormat, _ drawing: Drawing) throws -> String {
    String(decoding: try format.renderer.render(drawing).bytes, as: UTF8.self)
  }

  static let inferredCount = RelationInferenceTests.intended.count

  @Test func dotDrawsThemDashedInTheirOwnColours() throws {
    let dot = try Self.render(.dot, try Self.drawing())
    let lines = dot.split(separator: "\n")
    #expect(lines.filter { $0.contains("style=dashed, color=\"#c2410c\"") }.count == Self.inferredCount)
    #expect(lines.filter { $0.contains("style=dashed, color=\"#7c3aed\"") }.count == 1)
    #expect(
      dot.contains(
        "tooltip=\"inferred: users(account_id) → accounts(id), named after the table, in the singular\""))
    #expect(dot.contains("tooltip=\"declared: payments(invoice_id) → invoices(id), billing \\\"v2\\\"\""))
  }

  @Test func svgCarriesTheTooltips() throws {
    let svg = try Self.render(.svg, try Self.drawing())
    #expect(XMLText(Data(svg.utf8)).wellFormed)
    #expect(svg.contains("inferred: orders(user_id) → users(id)"))
    #expect(svg.contains("stroke-dasharray"))
  }

  @Test(.enabled(if: MermaidCheck.available || Paths.toolsRequired, "needs ../shared/tools/mermaid-check"))
  func mermaidParsesThemAsDottedAndLabelled() throws {
    let drawing = try Self.drawing()
    let outcome = try MermaidCheck.check(try Self.render(.mermaid, drawing))
    #expect(outcome.ok, "\(outcome.message)")
    let relationships = outcome.relationships
    #expect(relationships.count == drawing.diagram.edges.count)
    #expect(relationships.allSatisfy { $0["relType"]?.stringValue == "NON_IDENTIFYING" })
    let labels = relationships.compactMap { $0["label"]?.stringValue }.map(decodeMermaid)
    #expect(labels.filter { $0 == "inferred" }.count == Self.inferredCount)
    #expect(labels.contains("declared: billing \"v2\""), "\(labels)")
  }

  @Test(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the test venv with pydbml (scripts/test)"))
  func dbmlRefsCarryAComment() throws {
    let model = try PythonTools.dbmlModel(try Self.render(.dbml, try Self.drawing()))
    let refs = model["refs"]?.arrayValue ?? []
    #expect(refs.count == Self.inferredCount + 1)
    let comments = refs.compactMap { $0["comment"]?.stringValue }
    #expect(comments.filter { $0.hasPrefix("inferred: ") }.count == Self.inferredCount)
    #expect(comments.filter { $0.hasPrefix("declared: ") }.count == 1)
    let users = try #require(refs.first { ($0["comment"]?.stringValue ?? "").hasPrefix("inferred: users(account_id)") })
    #expect(users["from"]?.arrayValue?.first?.arrayValue?.last?.stringValue == "account_id")
    #expect(users["type"]?.stringValue == ">")
  }

  @Test(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the test venv with cmarkgfm (scripts/test)"))
  func markdownListsThemApartWithTheFindings() throws {
    let markdown = try Self.render(.markdown, try Self.drawing(findings: true))
    #expect(
      markdown.contains(
        "**References (inferred):** `(account_id)` → [accounts](#t-accounts) `(id)`, named after the table, in the singular"
      ))
    #expect(markdown.contains("**Referenced by (declared):** [payments](#t-payments) `(invoice_id)`, billing \"v2\""))
    #expect(markdown.contains("**Lint warning:** `duplicate-index` `(user_id)` index orders_user_idx duplicates"))
    #expect(!markdown.contains("**References:**"), "an inferred reference passed for a declared one")
    let model = try PythonTools.markdownModel(markdown)
    let hrefs = (model["links"]?.arrayValue ?? []).compactMap { $0["href"]?.stringValue }
    #expect(hrefs.contains("#t-accounts"))
    let code = (model["code_blocks"]?.arrayValue ?? []).compactMap { $0["lang"]?.stringValue }
    #expect(code == ["mermaid"])
  }

  @Test func jsonListsThemApartFromTheCatalog() throws {
    let text = try Self.render(.json, try Self.drawing())
    let json = try JSONParser.parse(Array(text.utf8))
    let relations = json["relations"]?.arrayValue ?? []
    #expect(relations.count == Self.inferredCount + 1)
    #expect(relations.filter { $0["inferred"]?.boolValue == true }.count == Self.inferredCount)
    let declared = try #require(relations.first { $0["declared"]?.boolValue == true })
    #expect(declared["table"]?.stringValue == "payments")
    #expect(declared["label"]?.stringValue == "billing \"v2\"")
    #expect(declared["references"]?["table"]?.stringValue == "invoices")
    // The catalog part is the schema as declared: read back, it has no foreign key at all.
    let catalog = try Catalog(json: json)
    #expect(catalog.allTables.allSatisfy { $0.table.foreignKeys.isEmpty })
    #expect(try Self.render(.json, Drawing(try Fixtures.rails())).contains("\"relations\"") == false)
  }

  @Test func pageIndexMarksThemAndHoldsTheFindings() throws {
    let drawing = try Self.drawing(findings: true)
    let index = PageIndex.json(drawing.diagram, engine: drawing.catalog.engine, findings: drawing.findings)
    let edges = index["edges"]?.arrayValue ?? []
    #expect(edges.filter { $0["kind"]?.stringValue == "inferred" }.count == Self.inferredCount)
    #expect(edges.first { $0["kind"]?.stringValue == "declared" }?["note"]?.stringValue == "billing \"v2\"")
    let findings = index["findings"]?.arrayValue ?? []
    #expect(findings.contains { $0["entity"]?.stringValue == "orders" && $0["rule"]?.stringValue == "duplicate-index" })
    let plain = PageIndex.json(Drawing(try Fixtures.rails()).diagram, engine: "mysql")
    #expect(plain["findings"] == nil)
  }

  @Test func summaryCountsThemApart() throws {
    #expect(
      try Self.drawing().diagram.summary == "25 tables · 0 relationships · 1 declared · \(Self.inferredCount) inferred")
  }
}

/// Mermaid's entity codes back to characters.
private func decodeMermaid(_ s: String) -> String {
  s.replacingOccurrences(of: "#quot;", with: "\"").replacingOccurrences(of: "#35;", with: "#")
}
