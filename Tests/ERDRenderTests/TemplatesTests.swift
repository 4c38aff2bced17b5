import ERDGraph
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// The templates compiled into the binary are exactly the files under templates/.
@Suite struct TemplatesTests {
  static let directory = Paths.packageRoot.appendingPathComponent("templates")

  @Test func generatedSourceMatchesTemplates() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
      .filter { [".html", ".css", ".js"].contains(where: $0.hasSuffix) }.sorted()
    #expect(names == Templates.all.keys.sorted(), "templates/ and the embedded set differ: run `make templates`")
    for name in names {
      let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
      #expect(Templates.all[name] == text, "\(name) changed since it was embedded: run `make templates`")
    }
  }

  /// The script and style are pasted into `<script>` and `<style>` elements as they are.
  @Test func scriptAndStyleCannotCloseTheirElements() {
    #expect(!Templates.pageJS.lowercased().contains("</script"))
    #expect(!Templates.pageJS.contains("<!--"))
    #expect(!Templates.pageCSS.lowercased().contains("</style"))
  }

  @Test func everyPlaceholderIsFilled() {
    let page = HTMLRenderer().page(
      Drawing(catalog: .init(), diagram: .init()), drawings: [(.all, "<svg></svg>")])
    #expect(!page.contains("{{"), "unfilled placeholder in page.html")
  }

  @Test func fillingIsOnePass() {
    let out = PageTemplate.fill("a {{x}} b {{y}} {{unknown}} {{", ["x": "{{y}}", "y": "Y"])
    #expect(out == "a {{y}} b Y {{unknown}} {{")
  }

  /// Every colour the DOT drawing uses has a rule in the page's stylesheet, so dark mode repaints it.
  @Test func everyDrawingColourIsThemed() {
    var entities: [ERDGraph.Entity] = []
    for (i, kind) in EntityKind.allCases.enumerated() {
      entities.append(
        Entity(
          name: .init(schema: "s", name: "t\(i)"), key: "t\(i)", label: "t\(i)", kind: kind,
          columns: [
            .init(name: "id", type: "int", nullable: false, keys: [.primary, .foreign], annotation: "identity")
          ],
          hiddenColumnCount: 1, comment: "c", details: ["index i (id)"], group: "s"))
    }
    let edges = [
      Edge(
        kind: .foreignKey, from: entities[0].name, fromColumns: ["id"], to: entities[1].name, toColumns: ["id"],
        fromCardinality: .zeroOrMany, toCardinality: .exactlyOne),
      Edge(
        kind: .viewDependency, from: entities[4].name, fromColumns: [], to: entities[0].name, toColumns: [],
        fromCardinality: .zeroOrMany, toCardinality: .zeroOrMany),
      Edge(
        kind: .inheritance, from: entities[2].name, fromColumns: [], to: entities[0].name, toColumns: [],
        fromCardinality: .zeroOrMany, toCardinality: .zeroOrMany),
    ]
    let enums = [
      EnumNode(name: .init(schema: "s", name: "mood"), key: "e_mood", label: "mood", values: ["ok"], group: "s")
    ]
    let diagram = Diagram(entities: entities, edges: edges, groups: [.init(key: "s", label: "s")], enums: enums)
    let dot = DOTRenderer().dot(for: diagram)
    let colours = Set(dot.matches(of: /#[0-9a-fA-F]{6}/).map { String($0.output).lowercased() })
    #expect(colours.count >= 10)
    for colour in colours.subtracting(["#ffffff"]) {
      #expect(Templates.pageCSS.contains("\"\(colour)\""), "page.css has no rule for the drawing's \(colour)")
    }
  }
}
