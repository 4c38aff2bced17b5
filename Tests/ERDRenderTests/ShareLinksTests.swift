import ERDGraph
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// Share links decode back to exactly the text erdviz writes: with zlib here, and with node's
/// zlib and base64 as a second, independent reader.
@Suite struct ShareLinksTests {
  static func input(_ name: String) throws -> Drawing? {
    if name == "chinook" {
      guard let script = Paths.corpusFile("Chinook_Sqlite.sql") else { return nil }
      return try renderInput(script)
    }
    return try renderInput(try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture)
  }

  static func url(_ links: [ShareLink], _ service: ShareService) throws -> String {
    try #require(links.first { $0.service == service }).url
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name) + ["chinook"])
  func mermaidLiveLinkDecodesToTheMermaidText(name: String) throws {
    guard let input = try Self.input(name) else { return }
    let mermaid = try text(.mermaid, input)
    let links = try ShareLinks.links(for: input).links
    let live = try Self.url(links, .mermaidLive)
    let prefix = "https://mermaid.live/edit#pako:"
    try #require(live.hasPrefix(prefix))
    let encoded = String(live.dropFirst(prefix.count))
    #expect(
      encoded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "unpadded base64url")

    // base64url → inflate → JSON, step by step.
    let compressed = try #require(ShareLinks.bytes(base64URL: encoded))
    #expect(compressed.first == 0x78, "a zlib stream")
    let json = try #require(Zlib.inflate(compressed))
    let state = try JSONParser.parse(json)
    #expect(state["code"]?.stringValue == mermaid, "\(name): the code is exactly erdviz's Mermaid")
    let config = try JSONParser.parse(Array((state["mermaid"]?.stringValue ?? "").utf8))
    #expect(config["theme"]?.stringValue == "default")
    #expect(state["updateDiagram"]?.boolValue == true && state["autoSync"]?.boolValue == true)

    #expect(
      try Self.url(links, .mermaidInk) == "https://mermaid.ink/svg/pako:" + encoded, "mermaid.ink reads the same state")
    #expect(ShareLinks.mermaidCode(fromState: "pako:" + encoded) == mermaid)
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func dbdiagramLinkDecodesToTheDBML(name: String) throws {
    guard let input = try Self.input(name) else { return }
    let url = try Self.url(try ShareLinks.links(for: input).links, .dbdiagram)
    let prefix = "https://dbdiagram.io/embed#c="
    try #require(url.hasPrefix(prefix))
    let value = try #require(String(url.dropFirst(prefix.count)).removingPercentEncoding)
    try #require(value.hasPrefix("pako:"))
    let compressed = try #require(Data(base64Encoded: String(value.dropFirst(5))))
    let dbml = try #require(Zlib.inflate(Array(compressed)))
    #expect(String(decoding: dbml, as: UTF8.self) == (try text(.dbml, input)))
  }

  /// Node's own zlib, base64url and decodeURIComponent read the links the same way.
  @Test(.enabled(if: Browser.node != nil || Paths.toolsRequired, "needs node"))
  func nodeDecodesTheLinksToo() throws {
    let input = try #require(try Self.input("hostile_names"))
    let links = try ShareLinks.links(for: input).links
    let script = """
      const zlib = require('zlib');
      const [live, dbd] = process.argv.slice(1);
      const state = JSON.parse(zlib.inflateSync(Buffer.from(live.split('#pako:')[1], 'base64url')).toString('utf8'));
      const c = decodeURIComponent(dbd.split('#c=')[1]);
      const dbml = zlib.inflateSync(Buffer.from(c.slice(5), 'base64')).toString('utf8');
      process.stdout.write(JSON.stringify({ code: state.code, dbml }));
      """
    let node = try #require(Browser.node)
    let result = try run(node, ["-e", script, try Self.url(links, .mermaidLive), try Self.url(links, .dbdiagram)])
    #expect(result.status == 0, "\(result.stderr)")
    let decoded = try JSONParser.parse(result.stdout)
    #expect(decoded["code"]?.stringValue == (try text(.mermaid, input)))
    #expect(decoded["dbml"]?.stringValue == (try text(.dbml, input)))
  }

  @Test func encodeURIComponentMatchesJavaScript() {
    #expect(ShareLinks.encodeURIComponent("pako:a+b/c==") == "pako%3Aa%2Bb%2Fc%3D%3D")
    #expect(ShareLinks.encodeURIComponent("-_.!~*'() é😀") == "-_.!~*'()%20%C3%A9%F0%9F%98%80")
  }

  @Test func longLinksAreWarnedAbout() throws {
    var tables: [Table] = []
    for i in 0..<300 {
      tables.append(
        Table(
          name: "table_number_\(i)",
          columns: (1...8).map { Column(name: "column_\($0)_of_table_\(i)", ordinal: $0, type: "varchar(\($0 * 10))") })
      )
    }
    let catalog = Catalog(engine: "sqlite", schemas: [Schema(name: "main", tables: tables)])
    let big = try ShareLinks.links(for: Drawing(catalog))
    #expect(big.warnings.filter { $0.hasPrefix("share: ") }.count == 3, "\(big.warnings)")
    #expect(big.warnings.allSatisfy { !$0.hasPrefix("share: ") || $0.contains("-o erd.html") })
    let small = try ShareLinks.links(for: try #require(try Self.input("shop")))
    #expect(small.warnings.isEmpty && small.links.allSatisfy { $0.url.utf8.count < ShareLinks.dependableLength })
  }

  @Test func linksAreDeterministic() throws {
    let input = try #require(try Self.input("shop"))
    #expect(try ShareLinks.links(for: input).links == ShareLinks.links(for: input).links)
  }

  @Test func zlibRoundTripsAndRejectsGarbage() {
    let text = Array(String(repeating: "erdviz 😀 ", count: 5000).utf8)
    #expect(Zlib.deflate(text).flatMap(Zlib.inflate) == text)
    #expect(Zlib.inflate([1, 2, 3, 4]) == nil)
  }
}
