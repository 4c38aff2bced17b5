import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The change list's order depends on neither the catalogs' order nor the hash seed.
@Suite struct SchemaChangeOrderTests {
  /// A pair of catalogs with every kind of change, on tables that share names across schemas.
  static func pair() -> (old: Catalog, new: Catalog) {
    var old = GeneratedCatalog.make(tables: 120)
    old.schemas[0].tables.append(changeBase.schemas[0].tables[0])
    var new = GeneratedCatalog.changed(old)
    new = new.editing(table: "customer") { t in
      t.columns[1].type = "text"
      t.checks += [CheckConstraint(expression: "note <> ''"), CheckConstraint(expression: "note <> ''")]
      t.indexes.append(Index(name: "twin", keys: [.column("note")]))
    }
    new.schemas[0].enums[0].values.append("happy")
    new.schemas[0].views = []
    return (old, new)
  }

  @Test func shuffledInputsGiveTheSameChange() {
    let (old, new) = Self.pair()
    let expected = SchemaChange(from: old, to: new, options: .init(renames: true))
    #expect(expected.changes.count > 10)
    for seed in UInt64(1)...8 {
      let change = SchemaChange(
        from: GeneratedCatalog.shuffled(old, seed: seed), to: GeneratedCatalog.shuffled(new, seed: seed &* 31),
        options: .init(renames: true))
      #expect(change == expected, "seed \(seed)")
    }
  }

  @Test func changesAreSortedBySchemaObjectAndElement() {
    let (old, new) = Self.pair()
    let changes = SchemaChange(from: old, to: new).changes
    for (a, b) in zip(changes, changes.dropFirst()) {
      #expect(!b.precedes(a), "\(a) after \(b)")
    }
    #expect(changes.first?.object.name.schema == "app")
    #expect(changes.last?.object.name.schema == "audit")
  }

  /// Run in a child process by `sameJSONInAnotherProcess`: writes the JSON of the change.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["ERDVIZ_CHANGE_JSON_OUT"] != nil))
  func writeChangeJSONForAnotherProcess() throws {
    let path = try #require(ProcessInfo.processInfo.environment["ERDVIZ_CHANGE_JSON_OUT"])
    let (old, new) = Self.pair()
    let json = JSONWriter().bytes(SchemaChange(from: old, to: new, options: .init(renames: true)).json)
    try Data(json).write(to: URL(fileURLWithPath: path))
  }

  /// Two processes have two hash seeds: the same catalogs must still give the same bytes.
  @Test func sameJSONInAnotherProcess() throws {
    #if os(Linux)
      let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      guard runner.pathExtension == "xctest" else {
        Issue.record("the test runner is not the .xctest bundle (\(runner.lastPathComponent)); cannot re-run it")
        return
      }
      let (old, new) = Self.pair()
      let mine = JSONWriter().bytes(SchemaChange(from: old, to: new, options: .init(renames: true)).json)
      let out = try Paths.temporaryDirectory().appendingPathComponent("change.json")
      let result = try run(
        runner, ["--testing-library", "swift-testing", "--filter", "writeChangeJSONForAnotherProcess"],
        environment: ["ERDVIZ_CHANGE_JSON_OUT": out.path])
      #expect(result.status == 0, "\(result.stderr)")
      let theirs = try Data(contentsOf: out)
      #expect(Array(theirs) == mine)
    #endif
  }
}
