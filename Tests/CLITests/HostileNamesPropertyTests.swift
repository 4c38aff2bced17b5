import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Names no schema should have and some do: catalogs generated from hostile fragments (every
/// quote kind, backslashes, markup, comment and directive openers, control characters, emoji,
/// right-to-left text, very long names, reserved words of SQL, DOT and Mermaid), drawn in every
/// format and each output read back by the real parser of its format.
@Suite struct HostileNamesPropertyTests {
  static let fragments = [
    "\"", "'", "`", "\\", "<", ">", "&", "]]>", "--", "/*", "%%", "%%{init: {'theme':'dark'}}%%", "{", "}", "|",
    "\n", "\t", "😀", "שלום", "عربي", "select", "order", "table", "graph", "node", "edge", "subgraph", "strict",
    "erDiagram", "end", "classDef", "style", "PK", "FK", "to", "one", "zero", "many", "title", "#", ";", ":", "[x]",
    "<script>window.__erdvizInjected='name'</script>", "&amp;", "${x}", "{{csp}}", " ", ".", "a.b", "_",
  ]

  /// A deterministic generator (SplitMix64), so a failing seed can be replayed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func name(_ salt: Int) -> String {
      switch below(12) {
      case 0: return String(repeating: "n", count: 62) + "\(salt)"
      case 1: return String(repeating: "長", count: 330) + "\(salt)"
      default: return (0..<(1 + below(3))).map { _ in fragments[below(fragments.count)] }.joined() + "\(salt)"
      }
    }
  }

  static func catalog(seed: UInt64) -> Catalog {
    var g = Generator(state: seed)
    let schemas = (0..<(1 + g.below(2))).map { g.name($0) }
    var tables: [(String, Table)] = []
    for i in 0..<8 {
      let columns = (0..<(2 + g.below(4))).map { c in
        Column(
          name: c == 0 ? "id" : g.name(c), ordinal: c + 1,
          type: c == 0 ? "integer" : ["text", "numeric(10, 2)", g.name(c)][g.below(3)],
          nullable: c != 0, defaultValue: g.below(3) == 0 ? "'\(g.name(c))'" : nil,
          comment: [nil, "", g.name(c)][g.below(3)])
      }
      var table = Table(
        name: g.name(100 + i), columns: columns, primaryKey: PrimaryKey(columns: ["id"]),
        comment: g.below(2) == 0 ? g.name(i) : "")
      if let (schema, parent) = tables.last, columns.count > 1 {
        table.foreignKeys = [
          ForeignKey(
            name: g.name(i), columns: [columns[1].name],
            referencedTable: QualifiedName(schema: schema, name: parent.name), referencedColumns: ["id"])
        ]
      }
      tables.append((schemas[g.below(schemas.count)], table))
    }
    let view = View(
      name: g.name(999), columns: [Column(name: g.name(1), ordinal: 1, type: "")],
      definition: "SELECT 1 -- " + g.name(2), dependencies: [QualifiedName(schema: tables[0].0, name: tables[0].1.name)]
    )
    return Catalog(
      engine: "postgresql",
      schemas: schemas.enumerated().map { i, name in
        Schema(
          name: name, tables: tables.filter { $0.0 == name }.map(\.1), views: i == 0 ? [view] : [], comment: g.name(i))
      }
    ).normalized()
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func everyFormatReadsBackTheRealNames(seed: UInt64) throws {
    let catalog = Self.catalog(seed: seed)
    let dir = try Paths.temporaryDirectory()
    let source = dir.appendingPathComponent("catalog.json")
    try Data(JSONWriter().string(catalog.json).utf8).write(to: source)
    let formats = ["svg", "dot", "mmd", "json", "dbml", "md", "html"]
    let result = try run(Paths.binary, ["inspect", source.path] + formats.flatMap { ["-o", "x.\($0)"] }, in: dir)
    try #require(result.status == 0, "seed \(seed): \(result.stderr)")
    func output(_ ext: String) throws -> String {
      try String(contentsOf: dir.appendingPathComponent("x.\(ext)"), encoding: .utf8)
    }
    let label = "seed \(seed)"

    #expect(XMLText(try Data(contentsOf: dir.appendingPathComponent("x.svg"))).wellFormed, "\(label): SVG")
    let dot = try run(
      URL(fileURLWithPath: "/usr/bin/dot"), ["-Tsvg", "-o", "/dev/null", dir.appendingPathComponent("x.dot").path])
    #expect(dot.status == 0 && !dot.stderr.contains("rror"), "\(label): dot: \(dot.stderr)")
    #expect(try Catalog(jsonText: Array(try output("json").utf8)) == catalog, "\(label): JSON round trip")
    let names = catalog.allTables.map(\.name) + catalog.allViews.map(\.name)
    let labels = Set(names.map { catalog.schemas.count > 1 ? $0.description : $0.name }.map(Self.spaced))
    try checkMermaid(try output("mmd"), labels: labels, label)
    let dbml = try PythonTools.dbmlModel(try output("dbml"))
    #expect(dbml["tables"]?.arrayValue?.count == names.count, "\(label): DBML tables")
    let markdown = try PythonTools.markdownModel(try output("md"))
    let headings = Set(
      (markdown["headings"]?.arrayValue ?? []).compactMap { $0.arrayValue?.last?.stringValue }.map(Self.spaced))
    #expect(labels.isSubset(of: headings), "\(label): Markdown headings lack \(labels.subtracting(headings))")
    if Browser.available || Paths.toolsRequired {
      let report = try Browser.run(dir.appendingPathComponent("x.html"), [.load(), .search("script"), .key("Enter")])
      HTMLPageBrowserTests.expectClean(report, label)
    }
  }

  private func checkMermaid(_ text: String, labels: Set<String>, _ label: String) throws {
    guard MermaidCheck.available || Paths.toolsRequired else { return }
    #expect(!text.contains("%%{"), "\(label): a name became a Mermaid directive")
    let outcome = try MermaidCheck.check(text)
    #expect(outcome.ok, "\(label): \(outcome.message)")
    let aliases = Set(
      outcome.entities.compactMap { $0["alias"]?.stringValue }.map(decodeMermaidEntities).map(Self.spaced))
    #expect(labels.isSubset(of: aliases), "\(label): Mermaid lacks \(labels.subtracting(aliases))")
    let drawn = try MermaidCheck.render(text)
    #expect(drawn.ok, "\(label): Mermaid does not draw it: \(drawn.message)")
  }

  /// Whitespace runs as one space, as every format shows a name on one line.
  static func spaced(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
