import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `-o docs/schema/`: a folder of pages that GitHub renders, every link and image resolving, every
/// Mermaid block accepted by Mermaid, and `--check` covering the whole folder.
@Suite struct DocsSiteTests {
  static func shop() throws -> URL {
    let sql = try String(contentsOf: Paths.samples.appendingPathComponent("shop.sql"), encoding: .utf8)
    let db = try Paths.temporaryDirectory().appendingPathComponent("shop.db")
    try SQLiteFixture.create(at: db, sql: sql)
    return db
  }

  @Test func theShopSiteRendersAndLinks() throws {
    let db = try Self.shop()
    let dir = db.deletingLastPathComponent()
    let result = try erdviz("inspect", db.path, "-o", "docs/schema/", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let pages = try check(folder: dir.appendingPathComponent("docs/schema"))
    #expect(pages == 1 + 17, "README and one page per table and view")
  }

  @Test(.enabled(if: Paths.corpusAvailable || Paths.toolsRequired, "needs ../shared/corpus"))
  func thePagilaSiteRendersAndLinks() throws {
    let ddl = try #require(Paths.corpusFile("pagila-schema.sql"))
    let dir = try Paths.temporaryDirectory()
    let result = try erdviz("inspect", ddl.path, "-o", "site/", in: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let pages = try check(folder: dir.appendingPathComponent("site"))
    #expect(pages > 20)
  }

  @Test func checkCoversTheFolderAndALeftoverPageIsStale() throws {
    let db = try Self.shop()
    let dir = db.deletingLastPathComponent()
    #expect(try erdviz("inspect", db.path, "-o", "site/", in: dir).status == 0)
    #expect(try erdviz("inspect", db.path, "--check", "-o", "site/", in: dir).status == 0)
    // A page of a table that is no longer drawn: stale for --check, removed by a write.
    let leftover = dir.appendingPathComponent("site/tables/tag.md")
    let kept = dir.appendingPathComponent("site/tables/notes.md")
    try Data("# my own notes\n".utf8).write(to: kept)
    let check = try erdviz("inspect", db.path, "--exclude", "tag", "--check", "-o", "site/", in: dir)
    #expect(check.status == 1, "\(check.stderr)")
    #expect(check.stdoutText.contains("site/tables/tag.md"), "\(check.stdoutText)")
    #expect(FileManager.default.fileExists(atPath: leftover.path), "--check writes and removes nothing")
    #expect(try erdviz("inspect", db.path, "--exclude", "tag", "-o", "site/", in: dir).status == 0)
    #expect(!FileManager.default.fileExists(atPath: leftover.path))
    #expect(FileManager.default.fileExists(atPath: kept.path), "a page erdviz did not write stays")
  }

  /// Every page parses with cmark-gfm, every relative link and image is a file of the folder, and
  /// every Mermaid block passes Mermaid's parser. Returns the number of pages.
  private func check(folder: URL) throws -> Int {
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
    let pages = files.filter { $0.hasSuffix(".md") }
    for page in pages {
      let url = folder.appendingPathComponent(page)
      let model = try PythonTools.markdownModel(try String(contentsOf: url, encoding: .utf8))
      let base = url.deletingLastPathComponent()
      let targets =
        (model["links"]?.arrayValue ?? []).compactMap { $0["href"]?.stringValue }
        + (model["images"]?.arrayValue ?? []).compactMap(\.stringValue)
      #expect(!targets.isEmpty, "\(page) links nowhere")
      for target in targets where !target.hasPrefix("#") {
        let path = base.appendingPathComponent(target).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: path), "\(page): \(target) does not resolve")
        #expect(path.hasPrefix(folder.standardizedFileURL.path), "\(page): \(target) leaves the folder")
      }
      guard MermaidCheck.available || Paths.toolsRequired else { continue }
      for block in model["code_blocks"]?.arrayValue ?? [] where block["lang"]?.stringValue == "mermaid" {
        let outcome = try MermaidCheck.check(block["text"]?.stringValue ?? "")
        #expect(outcome.ok, "\(page): \(outcome.message)")
      }
    }
    return pages.count
  }
}
