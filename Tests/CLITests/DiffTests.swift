import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `erdviz diff` on the shop sample against a copy with one table dropped, one column added, one
/// column's type changed and one foreign key added: every output says exactly those four.
@Suite struct DiffShopTests {
  @Test func theSummaryGoesToStdoutAndTheExitStatusIs1() throws {
    let (_, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdoutText == ([ShopChange.summary] + ShopChange.lines).map { $0 + "\n" }.joined())
    #expect(result.stderr.isEmpty)
  }

  @Test func theJSONChangeListHoldsExactlyTheFour() throws {
    let (_, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path, "-f", "json")
    #expect(result.status == 1, "\(result.stderr)")
    let json = try JSONParser.parse(result.stdout)
    let kinds = json["changes"]?.arrayValue?.compactMap { $0["kind"]?.stringValue }
    #expect(kinds == ["column.changed", "table.removed", "column.added", "foreignKey.added"])
    #expect(json["summary"]?["total"] == .int(4))
    #expect(json["summary"]?["text"]?.stringValue == ShopChange.summary)
    let changed = json["changes"]?.arrayValue?.first
    #expect(changed?["column"]?.stringValue == "email")
    #expect(changed?["old"]?.stringValue == "TEXT" && changed?["new"]?.stringValue == "varchar(200)")
  }

  /// Every mark read back from the SVG Graphviz drew: classes, fills, strike-through, tooltips.
  @Test func theSVGMarksTheFour() throws {
    let (folder, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path, "-o", "change.svg", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let svg = try #require(XMLElement.parse(try Data(contentsOf: folder.appendingPathComponent("change.svg"))))
    let node = { (key: String) in svg.element(id: "n_\(key)") }
    #expect(node("customer_profile")?.classes == ["node", "removed"])
    for key in ["customer", "order", "shipment_item"] { #expect(node(key)?.classes == ["node", "changed"], "\(key)") }
    // One hop around them, greyed; farther tables (product, tag) are not drawn.
    for key in ["address", "order_line", "payment", "shipment"] {
      #expect(node(key)?.classes == ["node", "context"], "\(key)")
    }
    #expect(node("tag") == nil && node("category") == nil)
    // The removed table is struck through, red; the added column's row green.
    let struck = node("customer_profile")?.descendants.filter { $0.attributes["text-decoration"] == "line-through" }
    #expect(struck?.map(\.text) == ["customer_profile", "customer_id", "bio", "avatar_url"])
    #expect(node("customer_profile")?.descendants.contains { $0.attributes["fill"] == "#cf222e" } == true)
    let noteRow = node("order")?.descendants.filter { $0.attributes["fill"] == "#dafbe1" }
    #expect(noteRow?.count == 3, "the added column's three cells are green")
    // The changed column: amber cells, and its old type in the cell's tooltip.
    let email = try #require(svg.element(id: "a_n_customer_c2")?.children.first)
    #expect(email.attributes["xlink:title"] == "type TEXT → varchar(200)")
    #expect(node("customer")?.descendants.filter { $0.attributes["fill"] == "#fff8c5" }.count == 3)
    #expect(
      node("customer")?.descendants.contains {
        $0.attributes["xlink:title"]?.contains("type TEXT → varchar(200)") == true
      } == true)
    // Exactly one added edge (green) and one removed (red, dashed).
    let edges = svg.descendants.filter { $0.classes.contains("edge") }
    let added = edges.filter { $0.classes.contains("added") }
    let removed = edges.filter { $0.classes.contains("removed") }
    #expect(added.count == 1 && removed.count == 1)
    #expect(added.first?.descendants.contains { $0.name == "path" && $0.attributes["stroke"] == "#1a7f37" } == true)
    #expect(
      added.first?.descendants.contains { $0.attributes["xlink:title"] == "shipment_item(order_id) → order(id)" }
        == true)
    #expect(removed.first?.descendants.contains { $0.attributes["stroke-dasharray"] != nil } == true)
  }

  @Test(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the venv with cmarkgfm (make test)"))
  func theMarkdownSaysSoAndPassesCmarkGFM() throws {
    let (folder, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path, "-o", "change.md", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("change.md"), encoding: .utf8)
    #expect(text.contains("**\(ShopChange.summary)**"))
    let model = try PythonTools.markdownModel(text)
    #expect(model["headings"]?.arrayValue?.first?.arrayValue?.last?.stringValue == "Schema change")
    let rows = model["tables"]?.arrayValue?.first?.arrayValue?.compactMap { $0.arrayValue?.compactMap(\.stringValue) }
    #expect(
      rows == [
        ["Change", "Object", "Detail"],
        ["changed column", "customer.email", "type TEXT → varchar(200)"],
        ["removed table", "customer_profile", ""],
        ["added column", "order.note", ""],
        ["added foreign key", "shipment_item(order_id) → order(id)", ""],
      ])
    let blocks = model["code_blocks"]?.arrayValue ?? []
    #expect(blocks.count == 1 && blocks.first?["lang"]?.stringValue == "mermaid")
    // Only what erdviz writes on purpose: the legend's <sub>; no other raw HTML.
    let tags = Set(model["elements"]?.arrayValue?.compactMap { $0.arrayValue?.first?.stringValue } ?? [])
    #expect(
      tags.isSubset(of: ["h2", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "sub"]),
      "\(tags)")
  }

  @Test(.enabled(if: MermaidCheck.available || Paths.toolsRequired, "needs ../shared/tools/mermaid-check"))
  func theMermaidPassesTheParserAndRenders() throws {
    let (folder, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path, "-o", "change.mmd", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("change.mmd"), encoding: .utf8)
    let outcome = try MermaidCheck.check(text)
    #expect(outcome.ok, "\(outcome.message)")
    let names = outcome.entities.compactMap { $0["alias"]?.stringValue }
    #expect(Set(["customer", "customer_profile", "order", "shipment_item"]).isSubset(of: Set(names)))
    for line in ShopChange.lines { #expect(text.contains("  %% \(line)\n"), "\(line)") }
    #expect(text.contains("t_customer_profile[\"customer_profile\"]:::removed {"))
    #expect(text.contains("varchar(200) email UK \"changed: type TEXT → varchar(200)\""))
    #expect(text.contains("TEXT note \"added\""))
    #expect(text.contains(": \"order_id (added)\""))
    // Rendered by Mermaid in Chromium: each entity keeps its class.
    let svg = try MermaidRender.svg(folder.appendingPathComponent("change.mmd"))
    for mark in ["removed", "changed", "context"] { #expect(svg.contains("class=\"node default \(mark)\""), "\(mark)") }
  }
}

/// Mermaid's own drawing, through `mermaid-check --svg`; a failed render is retried once, as
/// Chromium renders can flake (../shared/tools/mermaid-check.md).
enum MermaidRender {
  struct Failure: Error, CustomStringConvertible { var description: String }

  static func svg(_ file: URL) throws -> String {
    let out = file.deletingPathExtension().appendingPathExtension("rendered.svg")
    var last = ""
    for _ in 0..<2 {
      let result = try run(MermaidCheck.tool, ["--svg", out.path, file.path])
      if result.status == 0 { return try String(contentsOf: out, encoding: .utf8) }
      last = result.stderr
    }
    throw Failure(description: "mermaid-check --svg failed twice: \(last)")
  }
}
