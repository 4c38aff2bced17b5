import ERDFuzzTargets
import ERDTestSupport
import Foundation
import Testing

/// Every input a fuzzer once crashed or broke a property with (`make fuzz` saves them under
/// `Tests/Fixtures/fuzz/<target>/`) runs through the same target code here, and must pass.
@Suite struct FuzzRegressionTests {
  static let folder = Paths.fixtures.appendingPathComponent("fuzz")

  static var cases: [String] {
    FuzzTargets.Target.allCases.flatMap { target in
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path))
        ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(target.rawValue)/\($0)" }
    }
  }

  @Test(arguments: cases)
  func aSavedInputNoLongerFails(path: String) throws {
    let target = try #require(FuzzTargets.Target(rawValue: String(path.prefix { $0 != "/" })))
    let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(path)))
    let broken = FuzzTargets.run(target, bytes)
    #expect(broken == nil, "\(path): \(broken ?? "")")
  }
}
