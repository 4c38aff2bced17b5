import ERDTestSupport
import Foundation
import Testing

/// No reader is superlinear in its input, and none crashes on long tokens: each dialect gets
/// about 1 MB of one huge token (an identifier, a string, a comment) or of deep parentheses, and
/// must take at most a generous multiple of what a quarter of it takes (linear is 4×, quadratic
/// 16×): the fastest of three runs of each, interleaved, so a busy machine slows both alike.
/// Run through the built binary, so a crash is an exit by signal, not the test runner's death.
@Suite struct LinearTimeTests {
  enum Shape: String, CaseIterable {
    case identifier, string, lineComment, blockComment, parentheses
  }

  static let dialects = ["postgresql", "mysql", "mssql", "sqlite"]

  static func text(_ shape: Shape, dialect: String, size: Int) -> String {
    let long = String(repeating: "x", count: size)
    let quote: (String, String) =
      dialect == "mysql" ? ("`", "`") : dialect == "mssql" ? ("[", "]") : ("\"", "\"")
    switch shape {
    case .identifier: return "CREATE TABLE \(quote.0)\(long)\(quote.1) (id int);\n"
    case .string: return "CREATE TABLE t (a varchar(10) DEFAULT '\(long)');\n"
    case .lineComment: return "-- \(long)\nCREATE TABLE t (id int);\n"
    case .blockComment: return "/* \(long) */\nCREATE TABLE t (id int);\n"
    case .parentheses:
      let depth = size / 2
      return "CREATE TABLE t (a int CHECK (" + String(repeating: "(", count: depth) + "a"
        + String(repeating: ")", count: depth) + "));\n"
    }
  }

  struct Timing {
    var seconds = Double.infinity
    var status: Int32 = -1
    var stderr = ""

    mutating func run(_ text: String, dialect: String) throws {
      let start = Date()
      let result = try ERDTestSupport.run(
        Paths.binary, ["inspect", "--dialect", dialect, "-", "-f", "json"], stdin: Array(text.utf8))
      seconds = min(seconds, Date().timeIntervalSince(start))
      status = result.status
      stderr = result.stderr
    }
  }

  @Test(arguments: dialects)
  func longTokensTakeTimeInProportion(dialect: String) throws {
    for shape in Shape.allCases {
      var small = Timing()
      var large = Timing()
      for _ in 0..<3 {
        try small.run(Self.text(shape, dialect: dialect, size: 250_000), dialect: dialect)
        try large.run(Self.text(shape, dialect: dialect, size: 1_000_000), dialect: dialect)
      }
      let label = "\(dialect), \(shape.rawValue)"
      for result in [small, large] {
        // Read, or refused with a one-line reason; never a crash (a signal) or an internal error.
        #expect([0, 65].contains(result.status), "\(label): exit \(result.status): \(result.stderr.prefix(300))")
      }
      #expect(large.seconds < max(small.seconds, 0.05) * 10, "\(label): \(small.seconds) s, then \(large.seconds) s")
    }
  }
}
