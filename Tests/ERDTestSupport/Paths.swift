import Foundation

/// Where the tests find the package, its fixtures, the shared corpus and tools.
public enum Paths {
  /// The package root, found from this file's location.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  public static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
  public static let samples = packageRoot.appendingPathComponent("samples")

  /// `../shared` beside the checkout, or `$ERDVIZ_SHARED`.
  public static let shared: URL = {
    if let custom = ProcessInfo.processInfo.environment["ERDVIZ_SHARED"], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  public static let corpus = shared.appendingPathComponent("corpus")

  /// A corpus file, or nil when the corpus is not beside this checkout.
  public static func corpusFile(_ name: String) -> URL? {
    let url = corpus.appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  public static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: corpus.path) }

  /// The built `erdviz` binary: `$ERDVIZ_BINARY`, else beside the test bundle.
  public static let binary: URL = {
    if let custom = ProcessInfo.processInfo.environment["ERDVIZ_BINARY"], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = runner.deletingLastPathComponent()
    // On Linux the runner is `.build/debug/erdvizPackageTests.xctest`; on macOS a bundle inside it.
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("erdviz").path),
      directory.path != "/"
    {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("erdviz")
  }()

  /// Whether the test command asked for every external tool to be present (no skipping).
  public static var toolsRequired: Bool { ProcessInfo.processInfo.environment["ERDVIZ_REQUIRE_TOOLS"] == "1" }

  /// A new empty directory under the system's temporary directory.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("erdviz-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
