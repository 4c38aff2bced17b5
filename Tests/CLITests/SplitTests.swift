import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// `--split group` on a generated schema of several hundred tables with realistic name prefixes
/// and foreign-key density (`scripts/gen-schema`): an overview and one page per group, no page
/// over 60 tables, every link of every page resolving, every Mermaid file parsing, `--check`
/// covering the folder.
@Suite struct SplitTests {
  static func generated(_ tables: Int) throws -> URL {
    let dir = try Paths.temporaryDirectory()
    let script = Paths.packageRoot.appendingPathComponent("scripts/gen-schema")
    let sql = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, "\(tables)"])
    try #require(sql.status == 0, "\(sql.stderr)")
    let db = dir.appendingPathComponent("generated.db")
    try SQLiteFixture.create(at: db, sql: sql.stdoutText)
    return db
  }

  @Test func severalHundredTablesSplitIntoLinkedPages() throws {
    let db = try Self.generated(400)
    let dir = db.deletingLastPathComponent()
    let started = Date()
    let result = try erdviz("inspect", db.path, "--split", "group", "-o", "out/", in: dir)
    let seconds = Date().timeIntervalSince(started)
    #expect(result.status == 0, "\(result.stderr)")
    let out = dir.appendingPathComponent("out")
    let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
    for overview in ["README.md", "overview.svg", "index.html"] { #expect(files.contains(overview)) }
    let pages = files.filter { $0.hasPrefix("groups/") && $0.hasSuffix(".md") }
    print("split 400 tables: \(String(format: "%.1f", seconds)) s, \(pages.count) pages")
    #expect(pages.count >= 10)
    var drawn = 0
    for page in pages {
      let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
      let tables = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.count
      #expect(tables > 0 && tables <= 60, "\(page) draws \(tables) tables")
      drawn += tables
      for kind in ["svg", "html", "mmd"] {
        #expect(files.contains(page.dropLast(2) + kind), "\(page) has no .\(kind) beside it")
      }
    }
    #expect(drawn == 400, "every table drawn in full on exactly one page")
    try expectLinksResolve(in: out, files)
    try expectMermaidParses(in: out, files.filter { $0.hasSuffix(".mmd") })
  }

  /// The size rules are about drawing: a JSON or DBML output of a big schema carries every
  /// column and says nothing about keys-only drawing; a picture of the same schema says it.
  @Test func sizeNotesComeOnlyWithAPicture() throws {
    let db = try Self.generated(200)
    let data = try erdviz("inspect", db.path, "-f", "json")
    #expect(data.status == 0 && data.stderr.isEmpty, "\(data.stderr)")
    let picture = try erdviz("inspect", db.path, "-f", "dot")
    #expect(picture.stderr.contains("200 tables and views (over 150)"), "\(picture.stderr)")
  }

  /// Every relative link of every Markdown, HTML and SVG file names a file of the folder, and a
  /// Markdown link's `#anchor` an anchor of its page.
  func expectLinksResolve(in folder: URL, _ files: [String]) throws {
    var checked = 0
    for file in files where [".md", ".html", ".svg"].contains(where: file.hasSuffix) {
      let url = folder.appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8)
      let targets = text.matches(of: /\]\(([^)\s]+)\)|href="([^"]+)"/).compactMap { m in
        (m.output.1 ?? m.output.2).map(String.init)
      }
      for target in targets where !target.hasPrefix("#") && !target.hasPrefix("data:") {
        let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
        let path = url.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: path.path), "\(file): \(target) does not resolve")
        #expect(path.path.hasPrefix(folder.standardizedFileURL.path), "\(file): \(target) leaves the folder")
        if parts.count == 2, parts[0].hasSuffix(".md"), let page = try? String(contentsOf: path, encoding: .utf8) {
          #expect(page.contains("<a id=\"\(parts[1])\"></a>"), "\(file): \(target) names no anchor")
        }
        checked += 1
      }
    }
    #expect(checked > 100, "only \(checked) links")
  }

  func expectMermaidParses(in folder: URL, _ files: [String]) throws {
    guard MermaidCheck.available || Paths.toolsRequired else { return print("skipped: no mermaid-check") }
    for file in files {
      let outcome = try MermaidCheck.check(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
      #expect(outcome.ok, "\(file): \(outcome.message)")
    }
  }

  @Test func checkCoversTheSplitFolder() throws {
    let db = try Self.generated(120)
    let dir = db.deletingLastPathComponent()
    #expect(try erdviz("inspect", db.path, "--split", "group", "-o", "out/", in: dir).status == 0)
    #expect(try erdviz("inspect", db.path, "--split", "group", "--check", "-o", "out/", in: dir).status == 0)
    let ghost = dir.appendingPathComponent("out/groups/ghost.md")
    try Data("<!-- Generated by erdviz: edits are overwritten. -->\n".utf8).write(to: ghost)
    try FileManager.default.removeItem(at: dir.appendingPathComponent("out/overview.svg"))
    let check = try erdviz("inspect", db.path, "--split", "group", "--check", "-o", "out/", in: dir)
    #expect(check.status == 1, "\(check.stderr)")
    #expect(
      check.stdoutText.contains("out/overview.svg") && check.stdoutText.contains("out/groups/ghost.md"),
      "\(check.stdoutText)")
    #expect(try erdviz("inspect", db.path, "--split", "group", "-o", "out/", in: dir).status == 0)
    #expect(!FileManager.default.fileExists(atPath: ghost.path), "the leftover page is removed")
    let usage = try erdviz("inspect", db.path, "--split", "group", "-o", "one.svg", in: dir)
    #expect(usage.status == 64 && usage.stderr.contains("-o FOLDER/"), "\(usage.stderr)")
  }
}
