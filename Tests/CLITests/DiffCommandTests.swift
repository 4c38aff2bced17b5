import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// How `erdviz diff` reads its two sides and exits: like diff(1), 0 same, 1 differ, ≥ 2 trouble.
@Suite struct DiffCommandTests {
  /// `erdviz diff <(git show main:schema.sql) schema.sql -o change.md`: a pipe read once.
  @Test func aProcessSubstitutionIsReadOnce() throws {
    let (folder, old, new) = try ShopChange.files()
    let script = "\"$ERDVIZ\" diff <(cat old.sql) new.sql -o change.md"
    let result = try run(
      URL(fileURLWithPath: "/bin/bash"), ["-c", script], environment: ["ERDVIZ": Paths.binary.path], in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let text = try String(contentsOf: folder.appendingPathComponent("change.md"), encoding: .utf8)
    #expect(text.contains(ShopChange.summary))
    _ = (old, new)
  }

  /// `erdviz diff old.json new.json`, both erdviz's own catalogs.
  @Test func committedJSONCatalogs() throws {
    let (folder, old, new) = try ShopChange.files()
    for (sql, json) in [(old, "old.json"), (new, "new.json")] {
      let written = try erdviz("inspect", sql.path, "-o", json, in: folder)
      try #require(written.status == 0, "\(written.stderr)")
    }
    let result = try erdviz("diff", "old.json", "new.json", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdoutText.split(separator: "\n").dropFirst().map(String.init) == ShopChange.lines)
    let same = try erdviz("diff", "old.json", "old.json", in: folder)
    #expect(same.status == 0 && same.stdoutText == "no change\n", "\(same.stderr)")
  }

  @Test func stdinIsOneSide() throws {
    let (_, old, new) = try ShopChange.files()
    let result = try erdviz("diff", "-", new.path, stdin: Array(try Data(contentsOf: old)))
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdoutText.hasPrefix(ShopChange.summary + "\n"))
  }

  /// `--old-exec --new-exec -- prog1 … ';' prog2 …`, and one program with erdviz's trailing -o.
  @Test func providerProgramsOnEitherSide() throws {
    let (folder, _, _) = try ShopChange.files()
    let both = try erdviz("diff", "--old-exec", "--new-exec", "--", "cat", "old.sql", ";", "cat", "new.sql", in: folder)
    #expect(both.status == 1, "\(both.stderr)")
    #expect(both.stdoutText.split(separator: "\n").dropFirst().map(String.init) == ShopChange.lines)
    let one = try erdviz("diff", "old.sql", "--new-exec", "--", "cat", "new.sql", "-o", "change.json", in: folder)
    #expect(one.status == 1, "\(one.stderr)")
    #expect(one.stdout.isEmpty)
    let json = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("change.json"))))
    #expect(json["summary"]?["total"] == .int(4))
    let old = try erdviz("diff", "--old-exec", "new.sql", "--", "cat", "old.sql", in: folder)
    #expect(old.status == 1 && old.stdoutText.hasPrefix(ShopChange.summary), "\(old.stderr)")
  }

  @Test func quietPrintsNothingButStillWrites() throws {
    let (folder, _, _) = try ShopChange.files()
    let result = try erdviz("diff", "--quiet", "old.sql", "new.sql", in: folder)
    #expect(result.status == 1 && result.stdout.isEmpty && result.stderr.isEmpty)
    let same = try erdviz("diff", "-q", "old.sql", "old.sql", in: folder)
    #expect(same.status == 0 && same.stdout.isEmpty && same.stderr.isEmpty)
    let written = try erdviz("diff", "-q", "old.sql", "new.sql", "-o", "c.md", "-o", "c.html", in: folder)
    #expect(written.status == 1 && written.stdout.isEmpty)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.html").path))
  }

  /// One way to get `erdviz diff` wrong, and the status it exits with.
  struct Trouble: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var status: Int32
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let troubles: [Trouble] = [
    Trouble(arguments: ["-", "-"], status: 64),
    Trouble(arguments: ["old.sql"], status: 64),
    Trouble(arguments: ["old.sql", "new.sql", "extra.sql"], status: 64),
    Trouble(arguments: ["old.sql", "new.sql", "-o", "c.dbml"], status: 64),
    Trouble(arguments: ["old.sql", "new.sql", "-o", "out/"], status: 64),
    Trouble(arguments: ["old.sql", "new.sql", "--context", "some"], status: 64),
    Trouble(arguments: ["--old-exec", "--new-exec", "--", "cat", "old.sql"], status: 64),
    Trouble(arguments: ["old.sql", "--dialect", "sqlite", "--old-dialect", "sqlite", "new.sql"], status: 64),
    Trouble(arguments: ["old.sql", "missing.sql"], status: 66),
    Trouble(arguments: ["old.sql", "bad.sql"], status: 65),
    Trouble(arguments: ["old.sql", "new.sql", "-o", "no/such/dir/c.svg"], status: 73),
    Trouble(arguments: ["old.sql", "--new-exec", "--", "false"], status: 69),
  ]

  /// Trouble exits 2 or more, with the documented status and one line on stderr.
  @Test(arguments: troubles)
  func troubleExitsWithItsStatus(_ trouble: Trouble) throws {
    let (arguments, status) = (trouble.arguments, trouble.status)
    let (folder, _, _) = try ShopChange.files()
    try Data("CREATE TABLE t (a int,;".utf8).write(to: folder.appendingPathComponent("bad.sql"))
    let result = try run(Paths.binary, ["diff"] + arguments, stdin: [], in: folder)
    #expect(result.status == status, "\(arguments): \(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!result.stderr.isEmpty)
    // One line (a DDL error adds the statement and a caret under it).
    if status != 64 { #expect(result.stderr.hasPrefix("erdviz: "), "\(result.stderr)") }
  }

  /// Nothing is written unless every output can be: a failing second output leaves the first alone.
  @Test func outputsAreWrittenAllOrNone() throws {
    let (folder, _, _) = try ShopChange.files()
    let result = try erdviz("diff", "old.sql", "new.sql", "-o", "c.svg", "-o", "missing/c.md", in: folder)
    #expect(result.status == 73, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.svg").path))
  }

  @Test func dialectsPerSideAndRenames() throws {
    let (folder, _, _) = try ShopChange.files()
    let sides = try erdviz(
      "diff", "--old-dialect", "sqlite", "--new-dialect", "sqlite", "old.sql", "new.sql", in: folder)
    #expect(sides.status == 1 && sides.stdoutText.hasPrefix(ShopChange.summary), "\(sides.stderr)")
    let renamed = try ShopChange.edit(try ShopChange.oldSQL(), "CREATE TABLE tag (", "CREATE TABLE label (")
    try Data(try ShopChange.edit(renamed, "REFERENCES tag (id)", "REFERENCES label (id)").utf8)
      .write(to: folder.appendingPathComponent("renamed.sql"))
    let plain = try erdviz("diff", "old.sql", "renamed.sql", in: folder)
    #expect(
      plain.stdoutText.contains("− table tag\n") && plain.stdoutText.contains("+ table label\n"), "\(plain.stdoutText)")
    let guessed = try erdviz("diff", "--renames", "old.sql", "renamed.sql", in: folder)
    #expect(guessed.stdoutText.contains("~ table label: renamed from tag\n"), "\(guessed.stdoutText)")
  }

  @Test func helpShowsTheThreeUsesAndTheExitCodes() throws {
    let help = try erdviz("diff", "--help")
    #expect(help.status == 0)
    for use in [
      "erdviz diff <(git show main:schema.sql) schema.sql -o change.md", "erdviz diff old.json new.json",
      "erdviz diff postgres://localhost/app \\\n    --new-exec -- python manage.py atlas-provider-django --dialect postgresql",
      "1 the schemas differ",
    ] {
      #expect(help.stdoutText.contains(use), "\(use)")
    }
  }
}

/// A schema against itself is no change, exit 0, for every kind of source.
@Suite struct DiffSameSchemaTests {
  static func expectNoChange(
    _ arguments: [String], in folder: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let result = try run(Paths.binary, ["diff"] + arguments, in: folder)
    #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdoutText == "no change\n", "\(arguments): \(result.stdoutText)", sourceLocation: sourceLocation)
  }

  @Test(arguments: ["postgresql", "mysql", "sqlite", "mssql"])
  func ddlInEachDialect(dialect: String) throws {
    let file = Paths.fixtures.appendingPathComponent("ddl/\(dialect)_features.sql").path
    try Self.expectNoChange([file, file])
    try Self.expectNoChange(["--dialect", dialect, file, file])
  }

  @Test func anSQLiteFileAndItsJSONCatalog() throws {
    let db = try SQLiteFixture.fromFixture("sqlite_features.sql")
    try Self.expectNoChange([db.path, db.path])
    let json = db.deletingPathExtension().appendingPathExtension("json")
    let written = try erdviz("inspect", db.path, "-o", json.path)
    try #require(written.status == 0, "\(written.stderr)")
    try Self.expectNoChange([json.path, json.path])
    try Self.expectNoChange([db.path, json.path])
    try Self.expectNoChange(["sqlite:" + db.path, db.path])
  }

  @Test(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL (make test)"))
  func aLivePostgreSQLDatabase() throws {
    let database = try TestPostgres.createDatabase("diff")
    defer { TestPostgres.drop(database) }
    try TestPostgres.psql(file: Paths.fixtures.appendingPathComponent("postgres_features.sql"), database: database)
    let url = TestPostgres.url(database: database)
    try Self.expectNoChange([url, url])
    // And against its own JSON, read back.
    let json = try Paths.temporaryDirectory().appendingPathComponent("pg.json")
    let written = try erdviz("inspect", url, "-o", json.path)
    try #require(written.status == 0, "\(written.stderr)")
    try Self.expectNoChange([url, json.path])
  }

  @Test(.enabled(if: TestMySQL.enabled, "needs the throwaway MariaDB (make test)"))
  func aLiveMySQLDatabase() throws {
    try TestMySQL.withScript(Paths.fixtures.appendingPathComponent("ddl/mysql_features.sql")) { database in
      let url = TestMySQL.url(database: database)
      try Self.expectNoChange([url, url])
    }
  }
}

/// The same change drawn twice, in two processes (two hash seeds), folders, time zones and
/// languages, is the same bytes in every format; and hostile names stay inert in every format.
@Suite struct DiffOutputTests {
  static let formats = ["svg", "png", "pdf", "dot", "mmd", "json", "html", "md"]

  @Test func twoProcessesWriteTheSameBytes() throws {
    func outputs(_ environment: [String: String]) throws -> [String: Data] {
      let (folder, _, _) = try ShopChange.files()
      let result = try run(
        Paths.binary, ["diff", "old.sql", "new.sql"] + Self.formats.flatMap { ["-o", "change.\($0)"] },
        environment: environment, in: folder)
      #expect(result.status == 1, "\(result.stderr)")
      var bytes: [String: Data] = [:]
      for format in Self.formats {
        bytes[format] = try Data(contentsOf: folder.appendingPathComponent("change.\(format)"))
      }
      return bytes
    }
    let first = try outputs(["TZ": "UTC", "LANG": "C.UTF-8"])
    Thread.sleep(forTimeInterval: 1.1)
    let second = try outputs(["TZ": "Asia/Kolkata", "LANG": "de_DE.UTF-8"])
    for format in Self.formats {
      #expect(first[format] == second[format], "the .\(format) output differs between two runs")
      #expect(first[format]?.isEmpty == false)
    }
  }

  /// Every table of the hostile-names fixture added: the Markdown has no markup of the data's,
  /// the Mermaid parses, the SVG is well-formed, the page runs no injected script.
  @Test func hostileNamesStayInert() throws {
    let folder = try Paths.temporaryDirectory()
    try Data("CREATE TABLE placeholder (id INTEGER PRIMARY KEY);\n".utf8).write(
      to: folder.appendingPathComponent("old.sql"))
    let hostile = Paths.fixtures.appendingPathComponent("hostile_names.sql").path
    let result = try erdviz(
      "diff", "--dialect", "sqlite", "old.sql", hostile, "-o", "c.md", "-o", "c.mmd", "-o", "c.svg", "-o", "c.html",
      "-o", "c.json", in: folder
    )
    #expect(result.status == 1, "\(result.stderr)")
    let read = { (name: String) in try Data(contentsOf: folder.appendingPathComponent(name)) }
    #expect(XMLText(try read("c.svg")).wellFormed)
    #expect((try? JSONParser.parse(Array(try read("c.json")))) != nil)
    if PythonTools.available || Paths.toolsRequired {
      let model = try PythonTools.markdownModel(String(decoding: try read("c.md"), as: UTF8.self))
      let tags = Set(model["elements"]?.arrayValue?.compactMap { $0.arrayValue?.first?.stringValue } ?? [])
      let allowed: Set<String> = [
        "h2", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "sub",
      ]
      #expect(tags.isSubset(of: allowed), "\(tags.subtracting(allowed))")
    }
    if MermaidCheck.available || Paths.toolsRequired {
      let outcome = try MermaidCheck.check(String(decoding: try read("c.mmd"), as: UTF8.self))
      #expect(outcome.ok, "\(outcome.message)")
    }
    if Browser.available || Paths.toolsRequired {
      let report = try Browser.run(
        folder.appendingPathComponent("c.html"),
        [
          .load(), .clickButton(selector: "#change-filter button[data-filter=added]"),
          .clickButton(selector: "#change-list li[data-key]"),
        ])
      HTMLPageBrowserTests.expectClean(report, "hostile diff page")
      #expect(report.states.first?.strings("changes").count ?? 0 > 1)
    }
  }
}
