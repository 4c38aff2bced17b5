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

/// The Django project in two folders, each with a virtualenv of its own, through the real
/// provider: the provider prints absolute paths, erdviz writes none, so the bytes agree.
@Suite(.enabled(if: DjangoProject.available, "needs ERDVIZ_DJANGO_PYTHON (scripts/django-venv); make test sets it"))
struct DjangoDeterminismTests {
  @Test func twoCopiesOfTheProjectWriteTheSameBytes() throws {
    let python = try #require(DjangoProject.python, "ERDVIZ_DJANGO_PYTHON is not set: run scripts/django-venv")
    let first = try outputs(python: python, environment: ["TZ": "UTC", "LANG": "C.UTF-8"])
    Thread.sleep(forTimeInterval: 2)
    let second = try outputs(
      python: try copiedVenv(python), environment: ["TZ": "Pacific/Auckland", "LANG": "fr_FR.UTF-8"])
    for format in DeterminismTests.formats {
      #expect(first[format] == second[format], "the .\(format) output differs between the two copies")
    }
    let markdown = String(decoding: first["md"] ?? [], as: UTF8.self)
    #expect(markdown.contains("**Defined in:** `orders/models.py:23`"), "\(markdown)")
    #expect(!markdown.contains("/tmp") && !markdown.contains(NSTemporaryDirectory()))
  }

  /// A copy of the virtualenv in another folder: its site-packages has another absolute path.
  private func copiedVenv(_ python: URL) throws -> URL {
    let venv = python.deletingLastPathComponent().deletingLastPathComponent()
    let copy = try Paths.temporaryDirectory().appendingPathComponent("other-venv")
    let result = try run(URL(fileURLWithPath: "/bin/cp"), ["-a", venv.path, copy.path])
    #expect(result.status == 0, "\(result.stderr)")
    return copy.appendingPathComponent("bin/python")
  }

  private func outputs(python: URL, environment: [String: String]) throws -> [String: [UInt8]] {
    let project = try DjangoProject.copy()
    defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
    var env = DjangoProject.environment(python: python)
    for (key, value) in environment { env[key] = value }
    let provider = ["python", "manage.py", "atlas-provider-django", "--dialect", "postgresql"]
    let arguments =
      ["inspect"] + DeterminismTests.formats.flatMap { ["-o", "out.\($0)"] } + ["--exec", "--"] + provider
    let result = try run(Paths.binary, arguments, environment: env, in: project)
    #expect(result.status == 0, "\(result.stderr)")
    var bytes: [String: [UInt8]] = [:]
    for format in DeterminismTests.formats {
      bytes[format] = Array((try? Data(contentsOf: project.appendingPathComponent("out.\(format)"))) ?? Data())
    }
    return bytes
  }
}
