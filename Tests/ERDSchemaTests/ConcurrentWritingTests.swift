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
