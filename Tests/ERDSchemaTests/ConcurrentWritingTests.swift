import ERDSchema
import Testing

/// Big catalogs are mapped and written in parts at once; the result must be the sequential one.
struct ConcurrentWritingTests {
  @Test(arguments: [0, 1, 511, 512, 513, 2_049])
  func concurrentMapIsMap(count: Int) {
    let items = Array(0..<count)
    #expect(items.concurrentMap { $0 * 3 } == items.map { $0 * 3 })
    #expect(items.concurrentMap(chunks: 3, atLeast: 1) { String($0) } == items.map { String($0) })
  }

  /// Past `JSONWriter.concurrentItems` objects an array is written in two halves: the text is
  /// the same, comma for comma, as one written whole.
  @Test(arguments: [1_023, 1_024, 3_001])
  func longArraysOfObjectsWriteAsShortOnes(count: Int) {
    let value = JSONValue.array((0..<count).map { .object([.init("i", .int($0))]) })
    let expected = "[\n" + (0..<count).map { "  {\n    \"i\": \($0)\n  }" }.joined(separator: ",\n") + "\n]\n"
    #expect(JSONWriter().string(value) == expected)
  }
}

/// A catalog's JSON written in pieces, its tables made as they are written, is the JSON written
/// whole; a refused piece stops the writing.
struct StreamedWritingTests {
  @Test(arguments: [0, 5, 1_024, 3_000])
  func piecesJoinToTheWholeText(tables: Int) {
    let catalog = GeneratedCatalog.make(tables: tables)
    var pieces: [[UInt8]] = []
    let taken = JSONWriter().write(catalog.json(tablesMadeWhenWritten: true)) { piece in
      pieces.append(piece)
      return true
    }
    #expect(taken)
    #expect(pieces.flatMap { $0 } == JSONWriter().bytes(catalog.json))
    if tables >= 3_000 { #expect(pieces.count > 1, "\(pieces.map(\.count))") }
  }

  @Test func aRefusedPieceStopsTheWriting() {
    var offered = 0
    let taken = JSONWriter().write(GeneratedCatalog.make(tables: 3_000).json(tablesMadeWhenWritten: true)) { _ in
      offered += 1
      return false
    }
    #expect(!taken)
    #expect(offered == 1)
  }

  @Test func itemsMadeWhenWrittenEqualTheirArray() throws {
    let catalog = GeneratedCatalog.make(tables: 7)
    #expect(
      catalog.json(tablesMadeWhenWritten: true)["schemas"]?.arrayValue?.first?["tables"]?.arrayValue
        == catalog.json["schemas"]?.arrayValue?.first?["tables"]?.arrayValue)
    #expect(try Catalog(json: catalog.json(tablesMadeWhenWritten: true)) == catalog)
  }
}
