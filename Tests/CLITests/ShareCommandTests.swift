import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `erdviz share`, run as a user runs it.
@Suite struct ShareCommandTests {
  @Test func printsThreeLabelledLinks() throws {
    let db = try SQLiteFixture.fromFixture("cardinality.sql")
    let result = try erdviz("share", db.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let lines = result.stdoutText.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("mermaid.live  https://mermaid.live/edit#pako:"))
    #expect(lines[1].hasPrefix("mermaid.ink   https://mermaid.ink/svg/pako:"))
    #expect(lines[2].hasPrefix("dbdiagram.io  https://dbdiagram.io/embed#c=pako%3A"))
  }

  /// DDL reaches `share` as it reaches `inspect`: with --dialect, and from a provider with --exec.
  @Test func readsDDLWithADialectAndFromPrograms() throws {
    let dir = try Paths.temporaryDirectory()
    let ddl = "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));\n"
    try Data(ddl.utf8).write(to: dir.appendingPathComponent("plain.sql"))
    let fromFile = try run(Paths.binary, ["share", "plain.sql", "--dialect", "mysql", "--link", "dbdiagram"], in: dir)
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    let inspected = try run(Paths.binary, ["inspect", "plain.sql", "--dialect", "mysql", "-f", "json"], in: dir)
    #expect(inspected.stdoutText.contains("\"name\": \"default\""), "the MySQL dialect put the tables in `default`")
    let fromProgram = try run(
      Paths.binary, ["share", "--dialect", "mysql", "--link", "dbdiagram", "--exec", "--", "cat", "plain.sql"], in: dir)
    #expect(fromProgram.status == 0, "\(fromProgram.stderr)")
    #expect(fromProgram.stdout == fromFile.stdout)
  }

  /// The link decodes (base64url → inflate → JSON, by node) to exactly what `erdviz inspect` prints.
  @Test(.enabled(if: Browser.node != nil || Paths.toolsRequired, "needs node"))
  func mermaidLiveLinkCarriesWhatInspectPrints() throws {
    let db = try SQLiteFixture.fromFixture("hostile_names.sql")
    let link = try erdviz("share", db.path, "--link", "mermaid-live", "--columns", "keys")
    #expect(link.status == 0, "\(link.stderr)")
    let url = link.stdoutText.trimmingCharacters(in: .newlines)
    let printed = try erdviz("inspect", db.path, "--columns", "keys")
    let node = try #require(Browser.node)
    let decode = """
      const zlib = require('zlib');
      const state = JSON.parse(zlib.inflateSync(Buffer.from(process.argv[1].split('#pako:')[1], 'base64url')).toString('utf8'));
      process.stdout.write(state.code);
      """
    let decoded = try run(node, ["-e", decode, url])
    #expect(decoded.status == 0, "\(decoded.stderr)")
    #expect(decoded.stdout == printed.stdout)
  }

  @Test(arguments: [
    (["share", "missing.db"], Int32(66)),
    (["share", "x.db", "--link", "pastebin"], Int32(64)),
  ])
  func failuresUseTheDocumentedCodes(arguments: [String], status: Int32) throws {
    let result = try run(Paths.binary, arguments, in: try Paths.temporaryDirectory())
    #expect(result.status == status, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func helpExplainsWhatEachLinkSends() throws {
    let help = try erdviz("share", "--help")
    #expect(help.status == 0)
    #expect(help.stdoutText.contains("nothing is uploaded"))
    #expect(help.stdoutText.contains("mermaid.ink sees it"))
  }
}
