import ERDTestSupport
import Foundation
import Testing

/// erdviz lays out in-process, with a layer in front of pango that measures each distinct text
/// once (`Sources/CGraphviz/text_sizes.h`). Its drawings must be the ones Graphviz's own `dot`
/// makes from erdviz's DOT, byte for byte: SVG, which answers repeats from that table, and PNG,
/// which measures every span afresh because cairo draws each with its own pango layout.
@Suite struct GraphvizParityTests {
  @Test func drawingsAreTheOnesDotMakesFromTheSameDOT() throws {
    let db = try SplitTests.generated(200)
    let dir = db.deletingLastPathComponent()
    // SVG first and PNG after it in one process: the PNG must not see the SVG's measurements.
    let result = try erdviz("inspect", db.path, "-o", "x.dot", "-o", "x.svg", "-o", "x.png", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    for format in ["svg", "png"] {
      let dot = try run(
        URL(fileURLWithPath: "/usr/bin/dot"), ["-T\(format)", dir.appendingPathComponent("x.dot").path])
      #expect(dot.status == 0, "\(dot.stderr)")
      let ours = try Data(contentsOf: dir.appendingPathComponent("x.\(format)"))
      #expect(ours == Data(dot.stdout), "erdviz's \(format) differs from dot -T\(format) on erdviz's DOT")
    }
  }
}
