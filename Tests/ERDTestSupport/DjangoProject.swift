import Foundation

/// The Django project under `Tests/Fixtures/django_project`, run with the real
/// atlas-provider-django from the virtual environment `scripts/django-venv` builds.
public enum DjangoProject {
  /// The venv's python, from `$ERDVIZ_DJANGO_PYTHON` (exported by `scripts/test`).
  public static let python: URL? = {
    guard let path = ProcessInfo.processInfo.environment["ERDVIZ_DJANGO_PYTHON"], !path.isEmpty,
      FileManager.default.isExecutableFile(atPath: path)
    else { return nil }
    return URL(fileURLWithPath: path)
  }()

  /// Whether the Django tests can run; under `make test` they must (they fail rather than skip).
  public static var available: Bool { python != nil || Paths.toolsRequired }

  /// A copy of the project in a new temporary directory, so running it writes nothing into the
  /// source tree.
  public static func copy() throws -> URL {
    let directory = try Paths.temporaryDirectory().appendingPathComponent("django_project")
    try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("django_project"), to: directory)
    return directory
  }

  /// The environment to run the provider in: the venv's `bin` first on PATH, so `python` is it,
  /// and no bytecode files written.
  public static func environment(python: URL) -> [String: String] {
    let bin = python.deletingLastPathComponent().path
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return [
      "PATH": "\(bin):\(path)", "PYTHONDONTWRITEBYTECODE": "1",
      "VIRTUAL_ENV": python.deletingLastPathComponent().deletingLastPathComponent().path,
    ]
  }
}
