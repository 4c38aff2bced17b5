import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The built `erdviz` binary, run as a user runs it.
@Suite struct CLITests {
  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func chinookToFourFormatsInOneRun() throws {
    let db = try #require(Paths.corpusFile("chinook.db"))
    try checkChinook(db.path)
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func chinookBuiltFromItsScript() throws {
    let script = try String(contentsOf: try #require(Paths.corpusFile("Chinook_Sqlite.sql")), encoding: .utf8)
    let db = try Paths.temporaryDirectory().appendingPathComponent("chinook-from-sql.db")
    try SQLiteFixture.create(at: db, sql: script)
    try checkChinook(db.path)
  }

  private func checkChinook(_ path: String) throws {
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz("inspect", path, "-o", "x.svg", "-o", "x.mmd", "-o", "x.dot", "-o", "x.json", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)

    let svg = try Data(contentsOf: dir.appendingPathComponent("x.svg"))
    let xml = XMLText(svg)
    #expect(xml.wellFormed, "SVG is not well-formed: \(xml.error ?? "")")
    let tables = [
      "Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine", "MediaType", "Playlist",
      "PlaylistTrack", "Track",
    ]
    for table in tables { #expect(xml.texts.contains(table), "SVG lacks \(table)") }

    let dot = try run(URL(fileURLWithPath: "/usr/bin/dot"), ["-Tsvg", dir.appendingPathComponent("x.dot").path])
    #expect(dot.status == 0 && dot.stderr.isEmpty, "dot rejected the DOT: \(dot.stderr)")

    if MermaidCheck.available || Paths.toolsRequired {
      let outcome = try MermaidCheck.check(try String(contentsOf: dir.appendingPathComponent("x.mmd"), encoding: .utf8))
      #expect(outcome.ok, "\(outcome.message)")
      #expect(outcome.entities.count == 11)
      #expect(outcome.relationships.count == 11)
    }

    let json = try JSONParser.parse(Array(try Data(contentsOf: dir.appendingPathComponent("x.json"))))
    let jsonTables = json["schemas"]?.arrayValue?.flatMap { $0["tables"]?.arrayValue ?? [] } ?? []
    #expect(jsonTables.count == 11)
    #expect(jsonTables.reduce(0) { $0 + ($1["foreignKeys"]?.arrayValue?.count ?? 0) } == 11)
  }

  @Test func missingDatabaseFailsWithOneLineAndCreatesNothing() throws {
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz("inspect", "missing.db", "-o", "out.svg", in: dir)
    #expect(result.status == 66)
    #expect(result.stderr == "erdviz: no such file: missing.db\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
  }

  @Test func aFailedRunLeavesExistingOutputsUntouched() throws {
    let dir = try Paths.temporaryDirectory()
    let old = Data("previous diagram\n".utf8)
    for name in ["out.svg", "out.mmd"] { try old.write(to: dir.appendingPathComponent(name)) }
    try Data("not a schema \u{01}\u{02}".utf8).write(to: dir.appendingPathComponent("garbage.db"))
    for args in [
      ["inspect", "missing.db", "-o", "out.svg", "-o", "out.mmd"],
      ["inspect", "garbage.db", "-o", "out.svg", "-o", "out.mmd"],
      // One output cannot be written: none is, not even the one that could.
      ["inspect", try SQLiteFixture.fromFixture("cardinality.sql").path, "-o", "out.svg", "-o", "no/such/dir/x.mmd"],
    ] {
      let result = try run(Paths.binary, args, in: dir)
      #expect(result.status != 0)
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      for name in ["out.svg", "out.mmd"] {
        #expect(try Data(contentsOf: dir.appendingPathComponent(name)) == old, "\(args): \(name) changed")
      }
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
  }

  @Test(arguments: [
    ["inspect", "x.db", "-o", "x.unknown"],
    ["inspect", "x.db", "-f", "bogus"],
    ["inspect", "oracle://h/db"],
    ["inspect", "mysql://h/db?no-such-parameter=1"],
    ["inspect", "--columns", "some"],
  ])
  func usageErrorsExit64(arguments: [String]) throws {
    let result = try run(Paths.binary, arguments, in: try Paths.temporaryDirectory())
    #expect(result.status == 64, "\(result.stderr)")
  }

  @Test func jsonRoundTripsThroughStdin() throws {
    let db = try SQLiteFixture.fromFixture("sqlite_features.sql")
    let first = try erdviz("inspect", db.path, "-f", "json")
    #expect(first.status == 0, "\(first.stderr)")
    let second = try erdviz("inspect", "-", "-f", "json", stdin: first.stdout)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout == first.stdout)
    // No SOURCE at all: piped stdin is the source.
    let third = try erdviz("inspect", "-f", "json", stdin: first.stdout)
    #expect(third.stdout == first.stdout)
  }

  @Test func sqliteImageOnStdinAndSqliteURL() throws {
    let db = try SQLiteFixture.fromFixture("cardinality.sql")
    let fromFile = try erdviz("inspect", "sqlite:" + db.path)
    let fromStdin = try erdviz("inspect", stdin: Array(try Data(contentsOf: db)))
    #expect(fromFile.status == 0 && fromStdin.status == 0, "\(fromFile.stderr) \(fromStdin.stderr)")
    #expect(fromFile.stdoutText.hasPrefix("erDiagram\n"))
    #expect(fromFile.stdout == fromStdin.stdout)
  }

  @Test func emptyAndBinaryStdinAreOneLineErrors() throws {
    for input in [[UInt8](), [0x00, 0xFF, 0x13, 0x37]] {
      let result = try erdviz("inspect", "-", stdin: input)
      #expect(result.status == 65)
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
  }

  @Test func helpShowsExamplesAndExitCodes() throws {
    let help = try erdviz("inspect", "--help")
    #expect(help.status == 0)
    #expect(help.stdoutText.contains("erdviz inspect shop.db -o erd.svg -o erd.mmd"))
    let words = help.stdoutText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("66 input missing"))
    let version = try erdviz("--version")
    #expect(version.stdoutText.hasPrefix("erdviz "))
  }

  @Test func theBinaryWorksCopiedAlone() throws {
    let dir = try Paths.temporaryDirectory()
    let copy = dir.appendingPathComponent("erdviz")
    try FileManager.default.copyItem(at: Paths.binary, to: copy)
    let db = try SQLiteFixture.fromFixture("cardinality.sql")
    let result = try run(copy, ["inspect", db.path, "-o", "x.svg", "-o", "x.mmd"], in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
  }
}
