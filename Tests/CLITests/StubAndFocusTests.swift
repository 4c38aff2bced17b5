import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// A filter or a focus never rewrites a table: a foreign key to a table not drawn keeps its FK
/// badge and ends in a stub, in every format. A selection that leaves nothing is an error.
@Suite struct StubAndFocusTests {
  static func shop() throws -> URL {
    let sql = try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
    let db = try Paths.temporaryDirectory().appendingPathComponent("shop.db")
    try SQLiteFixture.create(at: db, sql: sql)
    return db
  }

  @Test func includeOrderKeepsItsReferencesAsStubs() throws {
    let db = try Self.shop()
    let dir = db.deletingLastPathComponent()
    let result = try erdviz(
      "inspect", db.path, "--include", "order", "-o", "o.svg", "-o", "o.dot", "-o", "o.mmd",
      "-o", "o.md", "-o", "o.json", "-o", "o.dbml", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    func text(_ ext: String) throws -> String {
      try String(contentsOf: dir.appendingPathComponent("o.\(ext)"), encoding: .utf8)
    }
    let svg = XMLText(try Data(contentsOf: dir.appendingPathComponent("o.svg")))
    #expect(svg.wellFormed)
    for name in ["order", "customer", "address"] { #expect(svg.texts.contains(name), "SVG lacks \(name)") }
    #expect(try text("dot").contains("style=\"dashed,rounded\""))
    #expect(try text("dot").components(separatedBy: "style=dashed").count - 1 == 2, "two dashed stub edges")
    let mermaid = try text("mmd")
    #expect(mermaid.contains("INTEGER customer_id FK"))
    let outcome = try MermaidCheck.check(mermaid)
    if MermaidCheck.available || Paths.toolsRequired {
      #expect(outcome.ok, "\(outcome.message)")
      let aliases = outcome.entities.compactMap { $0["alias"]?.stringValue }
      #expect(Set(aliases) == ["order", "customer", "address"])
      #expect(outcome.relationships.count == 2)
    }
    let markdown = try text("md")
    #expect(markdown.contains("FK → `main.customer` (not drawn)"))
    #expect(markdown.contains("**References:** `(customer_id)` → `main.customer` (not drawn)"))
    let json = try JSONParser.parse(Array(try text("json").utf8))
    let catalog = try Catalog(json: json)
    #expect(catalog.allTables.map(\.name.name) == ["order"])
    #expect(catalog.allTables.first?.table.foreignKeys.count == 2)
    let notDrawn = json["notDrawn"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(notDrawn == ["address", "customer"])
    let dbml = try PythonTools.dbmlModel(try text("dbml"))
    #expect(dbml["tables"]?.arrayValue?.count == 3, "\(dbml)")
  }

  @Test(arguments: [
    (0, ["order"]),
    (1, ["address", "customer", "order", "order_line", "payment", "shipment", "order_total"]),
  ])
  func focusDrawsTheNeighbourhood(depth: Int, expected: [String]) throws {
    let db = try Self.shop()
    let result = try erdviz("inspect", db.path, "--focus", "order", "--depth", "\(depth)", "-f", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let catalog = try Catalog(jsonText: result.stdout)
    #expect((catalog.allTables.map(\.name.name) + catalog.allViews.map(\.name.name)) == expected)
  }

  @Test(arguments: [
    (["--include", "nothing*"], 64, "nothing to draw"),
    (["--focus", "nothing"], 64, "nothing to draw"),
    (["--schema", "nosuch"], 65, "no schema nosuch (schemas there: main)"),
  ])
  func aSelectionThatLeavesNothingIsAnError(arguments: [String], status: Int32, message: String) throws {
    let db = try Self.shop()
    let result = try run(Paths.binary, ["inspect", db.path] + arguments)
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func anInputWithNoTableIsAnErrorSayingWhy() throws {
    let notes = try Paths.temporaryDirectory().appendingPathComponent("NOTES.md")
    try Data("# Notes\n\nSome text; more text.\n\n- a list item; another\n".utf8).write(to: notes)
    let result = try erdviz("inspect", notes.path)
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("no CREATE TABLE or CREATE VIEW"), "\(result.stderr)")
  }
}
