import ERDGraph
import ERDGraphviz
import ERDInspect
import ERDRender
import ERDSQLite
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Inspects a fixture (or sample) SQL file through a real SQLite database file.
func renderInput(_ fixture: URL, options: DiagramOptions = DiagramOptions()) throws -> Drawing {
  let sql = try String(contentsOf: fixture, encoding: .utf8)
  let db = try Paths.temporaryDirectory().appendingPathComponent("fixture.db")
  try SQLiteFixture.create(at: db, sql: sql)
  let catalog = try SQLiteInspector.file(db.path).inspect(InspectOptions())
  return Drawing(catalog, options: options, otherLevels: true)
}

func text(_ format: OutputFormat, _ input: Drawing) throws -> String {
  String(decoding: try format.renderer.render(input).bytes, as: UTF8.self)
}

/// Renderer output against golden files (`ERDVIZ_RECORD=1` re-records them).
@Suite struct RenderGoldenTests {
  static let cases: [(fixture: URL, name: String)] = [
    (Paths.fixtures.appendingPathComponent("cardinality.sql"), "cardinality"),
    (Paths.fixtures.appendingPathComponent("sqlite_features.sql"), "sqlite_features"),
    (Paths.fixtures.appendingPathComponent("hostile_names.sql"), "hostile_names"),
    (Paths.samples.appendingPathComponent("shop.sql"), "shop"),
  ]

  @Test(arguments: cases.map(\.name))
  func matchesGoldenFiles(name: String) throws {
    let fixture = try #require(Self.cases.first { $0.name == name }).fixture
    let input = try renderInput(fixture)
    for (format, ext) in [
      (OutputFormat.dot, "dot"), (.mermaid, "mmd"), (.json, "json"), (.markdown, "md"), (.dbml, "dbml"),
    ] {
      if let diff = Golden.compare(try text(format, input), to: "\(name).\(ext)", in: Golden.directory()) {
        Issue.record("\(diff)")
      }
    }
  }

  @Test func keysOnlyDetail() throws {
    let input = try renderInput(
      Paths.samples.appendingPathComponent("shop.sql"), options: DiagramOptions(detail: .keys))
    for (format, ext) in [(OutputFormat.dot, "dot"), (.mermaid, "mmd")] {
      if let diff = Golden.compare(try text(format, input), to: "shop-keys.\(ext)", in: Golden.directory()) {
        Issue.record("\(diff)")
      }
    }
  }

  @Test func cardinalityMarksInDOTAndMermaid() throws {
    let input = try renderInput(Paths.fixtures.appendingPathComponent("cardinality.sql"))
    let dot = try text(.dot, input)
    let mermaid = try text(.mermaid, input)
    // child end, parent end
    let expected: [(String, String, String, String)] = [
      ("required_many", "crowodot", "teetee", "}o--||"),
      ("optional_many", "crowodot", "teeodot", "}o--o|"),
      ("required_one", "teeodot", "teetee", "|o--||"),
      ("optional_one", "teeodot", "teeodot", "|o--o|"),
      ("pair_required", "crowodot", "teetee", "}o--||"),
      ("pair_one", "teeodot", "teetee", "|o--||"),
    ]
    for (child, tail, head, mark) in expected {
      let dotLine = dot.split(separator: "\n").first { $0.contains("\"\(child)\":") && $0.contains("->") }
      #expect(dotLine?.contains("arrowtail=\(tail)") == true, "\(child) tail")
      #expect(dotLine?.contains("arrowhead=\(head)") == true, "\(child) head")
      #expect(mermaid.contains("t_\(child) \(mark) "), "\(child) mermaid")
    }
  }

  @Test func outputIsDeterministic() throws {
    let first = try renderInput(Paths.samples.appendingPathComponent("shop.sql"))
    let second = try renderInput(Paths.samples.appendingPathComponent("shop.sql"))
    for format in [OutputFormat.dot, .mermaid, .json, .svg] {
      #expect(try format.renderer.render(first).bytes == format.renderer.render(second).bytes)
    }
  }
}

@Suite struct GraphvizTests {
  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func svgIsWellFormedAndNamesEveryTable(name: String) throws {
    let fixture = try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture
    let input = try renderInput(fixture)
    let rendered = try OutputFormat.svg.renderer.render(input)
    #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
    let xml = XMLText(Data(rendered.bytes))
    #expect(xml.wellFormed, "SVG is not well-formed XML: \(xml.error ?? "")")
    let text = xml.texts.joined(separator: " ")
    for (qualified, _) in input.catalog.allTables {
      #expect(text.contains(qualified.name.replacingNewlines()), "SVG lacks \(qualified.name)")
    }
  }

  @Test func pngAndPdfComeFromTheCairoPlugin() throws {
    let input = try renderInput(Paths.fixtures.appendingPathComponent("cardinality.sql"))
    let png = try OutputFormat.png.renderer.render(input).bytes
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let pdf = try OutputFormat.pdf.renderer.render(input).bytes
    #expect(pdf.starts(with: Array("%PDF".utf8)))
  }

  @Test func invalidDOTIsAnError() {
    #expect(throws: GraphvizError.self) { _ = try Graphviz.render("digraph { a -> }", as: .svg) }
  }
}
