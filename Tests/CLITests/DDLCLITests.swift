import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// DDL input through the built binary: stdin, files, dialects, errors and exit codes.
@Suite struct DDLCLITests {
  /// `cat django_polls_catalog.<d>.sql | erdviz inspect - [--dialect <d>] -f json`: the same
  /// tables and foreign keys in all four dialects.
  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func djangoCatalogsFromStdinAgree() throws {
    var shapes: [String: [String]] = [:]
    for dialect in ["postgresql", "mysql", "sqlite", "mssql"] {
      let sql = Array(try Data(contentsOf: try #require(Paths.corpusFile("django_polls_catalog.\(dialect).sql"))))
      for arguments in [["inspect", "-", "--dialect", dialect, "-f", "json"], ["inspect", "-", "-f", "json"]] {
        let result = try run(Paths.binary, arguments, stdin: sql)
        #expect(result.status == 0, "\(dialect): \(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["engine"]?.stringValue == dialect)
        let tables = json["schemas"]?.arrayValue?.flatMap { $0["tables"]?.arrayValue ?? [] } ?? []
        let names = tables.compactMap { $0["name"]?.stringValue }.sorted()
        let keys = tables.flatMap { table in
          (table["foreignKeys"]?.arrayValue ?? []).map { fk in
            "\(table["name"]?.stringValue ?? "") -> \(fk["references"]?["table"]?.stringValue ?? "")"
          }
        }.sorted()
        shapes["\(arguments.count) \(dialect)"] = names + keys
        #expect(names.count == 13 && keys.count == 11)
      }
    }
    #expect(Set(shapes.values).count == 1, "\(shapes)")
  }

  @Test func sniffedDialectIsReportedWithVerbose() throws {
    let result = try erdviz(
      "inspect", "-", "-v", "-f", "json", stdin: Array("CREATE TABLE `t` (id int AUTO_INCREMENT PRIMARY KEY);".utf8))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("erdviz: ddl: reading stdin as mysql (sniffed: "))
  }

  @Test(arguments: [
    ["--dialect", "postgresql"], ["--dialect", "mysql"], ["--dialect", "sqlite"], ["--dialect", "mssql"],
  ])
  func aSyntaxErrorExits65WithLineColumnAndCaret(dialect: [String]) throws {
    let dir = try Paths.temporaryDirectory()
    var lines = (1...39).map { "CREATE TABLE t\($0) (id int);" }
    lines.append("CREATE TABLE broken (id int,, name text);")
    try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("bad.sql"))
    let result = try run(Paths.binary, ["inspect", "bad.sql", "-o", "x.svg"] + dialect, in: dir)
    #expect(result.status == 65)
    let stderr = result.stderr.split(separator: "\n").map(String.init)
    #expect(stderr.count == 3, "\(result.stderr)")
    #expect(stderr.first?.hasPrefix("erdviz: bad.sql:40:") == true, "\(result.stderr)")
    #expect(stderr.dropFirst().first == "    CREATE TABLE broken (id int,, name text);")
    #expect(stderr.last?.trimmingCharacters(in: .whitespaces) == "^")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
  }

  @Test func emptyAndBinaryFilesAreOneLineErrors() throws {
    let dir = try Paths.temporaryDirectory()
    let inputs: [String: [UInt8]] = [
      "empty.sql": [], "blank.sql": Array("  \n\n".utf8), "comments.sql": Array("-- nothing\n".utf8),
      "binary.sql": [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00],
      "late-nul.sql": Array("CREATE TABLE t (a int);\n".utf8) + [0, 1, 2],
      "latin1.sql": Array("CREATE TABLE caf".utf8) + [0xE9] + Array(" (a int);".utf8),
    ]
    for (name, bytes) in inputs {
      try Data(bytes).write(to: dir.appendingPathComponent(name))
      let result = try run(Paths.binary, ["inspect", name], in: dir)
      #expect(result.status == 65, "\(name): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }
}
