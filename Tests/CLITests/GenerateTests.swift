import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `erdviz.yml`, `generate`, `generate --check` and `init`, run as a user runs them.
@Suite struct GenerateTests {
  /// The README's docs-build example, exactly as written there.
  static func readmeExample() throws -> String {
    let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let marker = "<!-- The test suite runs this example exactly as written"
    let after = try #require(readme.range(of: marker)).upperBound
    let start = try #require(readme.range(of: "```yaml\n", range: after..<readme.endIndex)).upperBound
    let end = try #require(readme.range(of: "```\n", range: start..<readme.endIndex)).lowerBound
    return String(readme[start..<end])
  }

  static func project(config: String) throws -> URL {
    let dir = try Paths.temporaryDirectory()
    let sql = try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
    try SQLiteFixture.create(at: dir.appendingPathComponent("shop.db"), sql: sql)
    try Data(config.utf8).write(to: dir.appendingPathComponent("erdviz.yml"))
    return dir
  }

  static func snapshot(_ dir: URL) throws -> [String: Data] {
    let docs = dir.appendingPathComponent("docs")
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: docs.path) {
      let url = docs.appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  @Test func theReadmeExampleWorksAsWritten() throws {
    let dir = try Self.project(config: try Self.readmeExample())
    let generate = try erdviz("generate", "-v", in: dir)
    #expect(generate.status == 0, "\(generate.stderr)")
    #expect(
      generate.stderr.components(separatedBy: "sqlite: reading").count - 1 == 1, "one inspection: \(generate.stderr)")
    let written = try Self.snapshot(dir)
    for file in ["shop.svg", "shop.md", "shop.json", "orders.svg", "schema/README.md", "schema/tables/order.md"] {
      #expect(written[file] != nil, "generate did not write docs/\(file)")
    }
    let clean = try erdviz("generate", "--check", in: dir)
    #expect(clean.status == 0, "\(clean.stdoutText)\(clean.stderr)")

    let sql = try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
    try SQLiteFixture.create(
      at: dir.appendingPathComponent("shop.db"),
      sql: sql + "\nCREATE TABLE newcomer (id INTEGER PRIMARY KEY, note TEXT);")
    let stale = try erdviz("generate", "--check", in: dir)
    #expect(stale.status == 1, "\(stale.stderr)")
    for file in ["docs/shop.svg", "docs/shop.md", "docs/shop.json", "docs/schema/README.md"] {
      #expect(stale.stdoutText.contains("stale: \(file)"), "\(stale.stdoutText)")
    }
    #expect(stale.stdoutText.contains("missing: docs/schema/tables/newcomer.md"), "\(stale.stdoutText)")
    #expect(stale.stdoutText.contains("  + table newcomer"), "\(stale.stdoutText)")
    #expect(!stale.stdoutText.contains("orders.svg"), "the focused diagram does not draw newcomer")
    #expect(try Self.snapshot(dir) == written, "--check wrote nothing")
  }

  @Test(arguments: [
    ("diagrams:\n  - source: shop.db\n    ouputs: [docs/x.svg]\n", "erdviz.yml:3:5: unknown key 'ouputs'"),
    (
      "diagrams:\n  - source: shop.db\n    depth: two\n    outputs: [docs/x.svg]\n",
      "erdviz.yml:3:12: 'depth' must be a whole number"
    ),
    ("diagrams:\n  - source: shop.db\n    outputs: [docs/x.svg\n", "erdviz.yml:4:1: YAML:"),
    (
      "diagrams:\n  - source: shop.db\n    columns: some\n    outputs: [docs/x.svg]\n",
      "erdviz.yml:3:14: 'columns' must be one of all, keys, none"
    ),
    ("diagrams:\n  - outputs: [docs/x.svg]\n", "erdviz.yml:2:5: a diagram needs 'source'"),
    (
      "diagrams:\n  - source: shop.db\n    outputs: [docs/x.svg]\n  - source: shop.db\n    outputs: [docs/x.svg]\n",
      "two diagrams write docs/x.svg"
    ),
  ])
  func aMistakeInTheConfigIsAnErrorAtItsLineAndWritesNothing(config: String, message: String) throws {
    let dir = try Self.project(config: config)
    let result = try erdviz("generate", in: dir)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("docs").path))
  }

  /// `relations:` from the config reach every renderer; one naming a missing column is an error
  /// at its line.
  @Test func declaredRelationsComeFromTheConfig() throws {
    let good = """
      diagrams:
        - source: shop.db
          infer: true
          relations:
            - {table: stock, columns: [product_id], parent: order_line, parent-columns: [product_id], label: sold from}
          outputs: [docs/x.json, docs/x.mmd, docs/x.dot, docs/x.md]

      """
    let dir = try Self.project(config: good)
    let result = try erdviz("generate", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    for ext in ["json", "mmd", "dot", "md"] {
      let text = try String(contentsOf: dir.appendingPathComponent("docs/x.\(ext)"), encoding: .utf8)
      #expect(text.contains("sold from") || text.contains("declared"), ".\(ext) lacks the declared relation")
    }
    let bad = good.replacingOccurrences(of: "columns: [product_id], parent:", with: "columns: [product], parent:")
    let broken = try Self.project(config: bad)
    let failure = try erdviz("generate", in: broken)
    #expect(failure.status == 78, "\(failure.stderr)")
    #expect(failure.stderr.contains("erdviz.yml:5:9: relation 1"), "\(failure.stderr)")
    #expect(failure.stderr.contains("product"), "\(failure.stderr)")
  }

  /// `lint:` in the config chooses the rules whose findings the pages show.
  @Test func lintRulesComeFromTheConfig() throws {
    let dir = try Self.project(
      config: "diagrams:\n  - source: shop.db\n    lint: [fk-without-index]\n    outputs: [docs/x.md]\n")
    let result = try erdviz("generate", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let markdown = try String(contentsOf: dir.appendingPathComponent("docs/x.md"), encoding: .utf8)
    #expect(markdown.contains("**Lint warning:** `fk-without-index`"))
    #expect(!markdown.contains("no-primary-key"))
  }

  @Test func initWritesAStarterThatGenerateRunsAndNeverOverwrites() throws {
    let dir = try Self.project(config: "")
    try FileManager.default.removeItem(at: dir.appendingPathComponent("erdviz.yml"))
    let first = try erdviz("init", in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let starter = try String(contentsOf: dir.appendingPathComponent("erdviz.yml"), encoding: .utf8)
    #expect(starter.contains("source: \"shop.db\""))
    #expect(try erdviz("generate", in: dir).status == 0)
    let again = try erdviz("init", in: dir)
    #expect(again.status != 0 && again.stderr.contains("already exists"), "\(again.stderr)")
    #expect(try String(contentsOf: dir.appendingPathComponent("erdviz.yml"), encoding: .utf8) == starter)
  }

  @Test(arguments: [("manage.py", "exec: [python, manage.py, atlas-provider-django"), ("", "source: $DATABASE_URL")])
  func initGuessesTheSource(file: String, expected: String) throws {
    let dir = try Paths.temporaryDirectory()
    if !file.isEmpty {
      _ = FileManager.default.createFile(atPath: dir.appendingPathComponent(file).path, contents: Data())
    }
    let result = try erdviz("init", environment: ["DATABASE_URL": "postgres://u:secret@db/app"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let starter = try String(contentsOf: dir.appendingPathComponent("erdviz.yml"), encoding: .utf8)
    #expect(starter.contains(expected), "\(starter)")
    #expect(!starter.contains("secret"))
  }
}
