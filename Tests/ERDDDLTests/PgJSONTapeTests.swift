import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDDDL

/// The JSON tape the PostgreSQL reader walks, and the field tables it looks keys up in.
@Suite struct PgJSONTapeTests {
  private func tape(_ json: String) throws -> PgJSONTape {
    let bytes = Array(json.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      // The tape points into its text; keep a copy alive for the test's length.
      let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count)
      _ = copy.initialize(from: buffer)
      return try PgJSONTape(UnsafeBufferPointer(copy))
    }
  }

  @Test func stringsAreUnescaped() throws {
    let t = try tape(#"{"a":"plain","b":"q\"uo\\te\n\u00e9\ud83d\ude00","c":-12,"d":true,"e":[1,{}]}"#)
    #expect(t.view.string(at: 2) == "plain")
    #expect(t.view.string(at: 4) == "q\"uo\\te\né😀")
    #expect(t.view.integer(at: 6) == -12)
    #expect(t.view.integer(at: 8) == 1)
    #expect(t.view.after(10) == 13)  // the array and its two members
  }

  @Test(arguments: [#"{"a":1"#, #"{"a":"open}"#, #"}"#, #"[1,2]"#, "", #"{"a":x}"#])
  func malformedJSONIsAnError(json: String) {
    #expect(throws: PgJSONTape.Malformed.self) { _ = try tape(json) }
  }

  /// Keys are looked up by hash alone: no two keys of one message, and no two enum values, may
  /// share one.
  @Test func noTwoKeysOfAMessageShareAHash() {
    for line in pgMessageFieldTable.split(separator: "\n") {
      let keys = line.split(separator: " ").dropFirst().map { String($0.prefix { $0 != "=" }) }
      #expect(Set(keys.map(PgSchemaTable.hash)).count == keys.count, "\(line.prefix(40))")
    }
    let values = pgEnumValueTable.split(separator: "\n").map { String($0.prefix { $0 != "=" }) }
    #expect(Set(values.map(PgSchemaTable.hash)).count == values.count)
  }

  @Test func commentsSurviveJSONEscapes() throws {
    let comment = #"a "quoted" \ back\slash, a tab"# + "\t" + "and é 😀"
    let sql = "CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS '\(comment.replacingOccurrences(of: "'", with: "''"))';"
    let catalog = try readDDL(sql, dialect: .postgresql)
    #expect(catalog.table("public", "t")?.comment == comment)
  }
}
