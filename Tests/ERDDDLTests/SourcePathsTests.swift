import ERDTestSupport
import Foundation
import Testing

@testable import ERDDDL

/// Provider positions come out the same on every machine: no absolute path survives.
@Suite struct SourcePathsTests {
  @Test(arguments: [
    ("/home/ci/venv/lib/python3.11/site-packages/django/contrib/auth/models.py", "django/contrib/auth/models.py"),
    ("/usr/lib/python3/dist-packages/django/contrib/admin/models.py", "django/contrib/admin/models.py"),
    ("shop/models.py", "shop/models.py"),
    ("/nowhere/proj/shop/models.py", "shop/models.py"),
    ("/nowhere/proj/blog/models/post.py", "blog/models/post.py"),
  ])
  func pathsBecomeRelative(path: String, expected: String) {
    let paths = SourcePaths(
      ["/nowhere/proj/shop/models.py", "/nowhere/proj/blog/models/post.py"], workingDirectory: nil)
    #expect(paths.relative(path) == expected)
  }

  @Test func aProjectRootIsTheFolderWithManagePy() throws {
    let root = try Paths.temporaryDirectory().appendingPathComponent("backend")
    let app = root.appendingPathComponent("shop")
    try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: root.appendingPathComponent("manage.py").path, contents: Data())
    let file = app.appendingPathComponent("models.py").path
    #expect(SourcePaths([file], workingDirectory: "/elsewhere").relative(file) == "shop/models.py")
  }

  @Test func theWorkingFolderWhenNoMarkerSaysMore() {
    let paths = SourcePaths(["/nowhere/x/app/models.py"], workingDirectory: "/nowhere/x")
    #expect(paths.relative("/nowhere/x/app/models.py") == "app/models.py")
    #expect(
      SourcePaths(["/nowhere/y/app/models.py"], workingDirectory: nil).relative("/nowhere/y/app/models.py")
        == "app/models.py")
  }
}
