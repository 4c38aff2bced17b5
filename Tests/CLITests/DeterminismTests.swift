import ERDTestSupport
import Foundation
import Testing

/// Same schema in, same bytes out: two separate processes (so two hash seeds), in two folders,
/// with different `TZ` and `LANG`, a second apart, write every format byte for byte alike.
@Suite struct DeterminismTests {
  static let formats = ["svg", "png", "pdf", "dot", "mmd", "json", "html", "md", "dbml"]

  @Test(arguments: ["samples/shop.sql", "Tests/Fixtures/hostile_names.sql", "Tests/Fixtures/sqlite_features.sql"])
  func twoProcessesWriteTheSameBytes(fixture: String) throws {
    let sql = try String(contentsOf: Paths.packageRoot.appendingPathComponent(fixture), encoding: .utf8)
    let first = try outputs(sql, environment: ["TZ": "UTC", "LANG": "C.UTF-8"])
    Thread.sleep(forTimeInterval: 1.1)
    let second = try outputs(sql, environment: ["TZ": "Asia/Kolkata", "LANG": "de_DE.UTF-8"])
    for format in Self.formats {
      #expect(first[format] == second[format], "\(fixture): the .\(format) output differs between two runs")
      #expect(first[format]?.isEmpty == false, "\(fixture): no .\(format) output")
    }
  }

  /// Every format's bytes, from a fresh folder holding its own copy of the database.
  private func outputs(_ sql: String, environment: [String: String]) throws -> [String: [UInt8]] {
    let dir = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try SQLiteFixture.create(at: dir.appendingPathComponent("schema.db"), sql: sql)
    let arguments = ["inspect", "schema.db"] + Self.formats.flatMap { ["-o", "out.\($0)"] }
    let result = try run(Paths.binary, arguments, environment: environment, in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    var bytes: [String: [UInt8]] = [:]
    for format in Self.formats {
      bytes[format] = Array((try? Data(contentsOf: dir.appendingPathComponent("out.\(format)"))) ?? Data())
    }
    return bytes
  }
}
