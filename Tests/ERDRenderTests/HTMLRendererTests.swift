import ERDGraph
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// The HTML page as text: escaping, the Content-Security-Policy, the embedded JSON and drawings.
/// Tests/CLITests/HTMLPageBrowserTests.swift opens it in Chromium.
@Suite struct HTMLRendererTests {
  static func page(_ name: String, options: DiagramOptions = DiagramOptions()) throws -> (Drawing, String) {
    let fixture = try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture
    let input = try renderInput(fixture, options: options)
    return (input, try text(.html, input))
  }

  /// `'sha256-…'` of the text, computed by Python's hashlib, independently of the embed script.
  static func cspSource(_ text: String) throws -> String {
    let code =
      "import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256(sys.stdin.buffer.read()).digest()).decode())"
    let result = try run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", code], stdin: Array(text.utf8))
    return "'sha256-\(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))'"
  }

  /// The text between `open` and the next `</script>` (or `close`).
  static func between(_ page: String, _ open: String, _ close: String = "</script>") -> String? {
    guard let start = page.range(of: open), let end = page[start.upperBound...].range(of: close) else { return nil }
    return String(page[start.upperBound..<end.lowerBound])
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func embeddedCatalogRoundTrips(name: String) throws {
    let (input, page) = try Self.page(name)
    let json = try #require(Self.between(page, "<script type=\"application/json\" id=\"erd-catalog\">"))
    #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"), "JSON in the page must not hold < > &")
    #expect(try Catalog(jsonText: Array(json.utf8)) == input.catalog)
    let index = try #require(Self.between(page, "<script type=\"application/json\" id=\"erd-index\">"))
    let parsed = try JSONParser.parse(Array(index.utf8))
    #expect(parsed["entities"]?.arrayValue?.count == input.diagram.entities.count)
    #expect(parsed["edges"]?.arrayValue?.count == input.diagram.edges.count)
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func scriptsAndStyleAreOnlyOurs(name: String) throws {
    let (_, page) = try Self.page(name)
    let lower = page.lowercased()
    // Two JSON blocks and the page script; nothing the data holds can open or close another.
    #expect(lower.components(separatedBy: "<script").count - 1 == 3)
    #expect(lower.components(separatedBy: "</script").count - 1 == 3)
    #expect(lower.components(separatedBy: "<style").count - 1 == 1)
    #expect(lower.components(separatedBy: "</style").count - 1 == 1)
    #expect(page.components(separatedBy: "erdviz page script").count - 1 == 1)
    let script = try #require(Self.between(page, "<script>"))
    let style = try #require(Self.between(page, "<style>", "</style>"))
    #expect(script == Templates.pageJS)
    #expect(style == Templates.pageCSS)
    let csp = try #require(Self.between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\""))
    #expect(csp.hasPrefix("default-src 'none'; "))
    #expect(csp.contains("script-src \(try Self.cspSource(script));"))
    #expect(csp.contains("style-src \(try Self.cspSource(style));"))
    #expect(!csp.contains("unsafe"))
  }

  /// Nothing outside the JSON data names another resource: no URL, no element that loads one.
  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func referencesNothingOutside(name: String) throws {
    var (_, page) = try Self.page(name)
    for id in ["erd-index", "erd-catalog"] {
      let open = "<script type=\"application/json\" id=\"\(id)\">"
      if let json = Self.between(page, open) { page = page.replacingOccurrences(of: open + json, with: open) }
    }
    let lower = page.lowercased()
    for needle in ["http:", "https:", "url(", "@import", "<img", "<iframe", "<object", "<embed", "<base", "<form"] {
      #expect(!lower.contains(needle), "the page holds \(needle)")
    }
    // Attributes inside tags (data in text is escaped, so `src=` there is not inside a tag).
    #expect(lower.matches(of: /<[^<>]*\ssrc\s*=/).isEmpty, "an element with src")
    #expect(lower.matches(of: /<[^<>]*\shref\s*=/).count == 1, "only the data: icon may carry an href")
    #expect(lower.contains("<link rel=\"icon\" href=\"data:,\">"))
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func everyDrawingIsWellFormedXML(name: String) throws {
    let (input, page) = try Self.page(name)
    var drawings: [String] = []
    var rest = Substring(page)
    while let start = rest.range(of: "<svg width="), let end = rest[start.lowerBound...].range(of: "</svg>") {
      drawings.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    #expect(drawings.count == 3, "one drawing per detail level")
    for svg in drawings {
      let xml = XMLText(Data(svg.utf8))
      #expect(xml.wellFormed, "\(name): \(xml.error ?? "")")
      for entity in input.diagram.entities {
        #expect(svg.contains("id=\"n_\(entity.key)\""), "\(name): no node for \(entity.key)")
      }
    }
  }

  @Test func levelsFollowTheRequestedDetail() throws {
    let (_, keys) = try Self.page("shop", options: DiagramOptions(detail: .keys))
    #expect(keys.contains("<template id=\"level-all\">") && keys.contains("<template id=\"level-none\">"))
    #expect(!keys.contains("<template id=\"level-keys\">"))
    #expect(keys.contains("\"detail\":\"keys\""))
    let noViews = try Self.page("shop", options: DiagramOptions(includeViews: false))
    #expect(!noViews.1.contains("id=\"n_order_total\""), "views stay out at every level")
  }

  @Test func titleIsEscaped() throws {
    let (_, page) = try Self.page(
      "cardinality", options: DiagramOptions(title: "</title><script>alert(1)</script> & \"q\""))
    #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</title>"))
  }

  @Test func pageIsDeterministic() throws {
    #expect(try Self.page("shop").1 == Self.page("shop").1)
  }

  @Test(arguments: ["shop", "hostile_names"])
  func pageIndexMatchesGoldenFile(name: String) throws {
    let (input, _) = try Self.page(name)
    let json = JSONWriter().string(PageIndex.json(input.diagram, engine: input.catalog.engine))
    if let diff = Golden.compare(json, to: "\(name).page-index.json", in: Golden.directory()) {
      Issue.record("\(diff)")
    }
  }

  @Test func svgLosesItsPrologCommentsAndNamespaces() {
    let svg = """
      <?xml version="1.0"?>
      <!DOCTYPE svg>
      <!-- Generated by graphviz -->
      <svg width="8pt" height="8pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <!-- a -->
      <g id="n_a"><text>&lt;!&#45;&#45; x</text></g>
      </svg>

      """
    #expect(
      InlineSVG.markup(Array(svg.utf8))
        == "<svg width=\"8pt\" height=\"8pt\">\n<g id=\"n_a\"><text>&lt;!&#45;&#45; x</text></g>\n</svg>")
  }
}
