import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The page and the pull-request comment of a schema change, in headless Chromium.
@Suite(.serialized, .enabled(if: Browser.available || Paths.toolsRequired, "needs chromium and node"))
struct DiffBrowserTests {
  /// The changes panel lists the four, its filter narrows the list and dims the other tables,
  /// and a change selects its table; nothing leaves the page.
  @Test func theChangesPanelListsFiltersAndSelects() throws {
    let (folder, old, new) = try ShopChange.files()
    let result = try erdviz("diff", old.path, new.path, "-o", "change.html", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let report = try Browser.run(
      folder.appendingPathComponent("change.html"),
      [
        .load(), .clickButton(selector: "#change-filter button[data-filter=added]"),
        .clickButton(selector: "#change-filter button[data-filter=removed]"),
        .clickButton(selector: "#change-list li[data-key=customer_profile]"),
        .clickButton(selector: "#change-filter button[data-filter=all]"),
      ])
    HTMLPageBrowserTests.expectClean(report, "diff page")
    let states = report.states
    try #require(states.count == 5)
    #expect(states[0].strings("changes") == ShopChange.lines)
    #expect(states[0].strings("markedNodes") == ["n_customer", "n_customer_profile", "n_order", "n_shipment_item"])
    #expect(states[0].strings("dimNodes").isEmpty)
    #expect(states[0].strings("cspViolations").isEmpty)
    #expect(states[1].string("changeFilter") == "added")
    #expect(states[1].strings("changes") == ShopChange.lines.filter { $0.hasPrefix("+") })
    let dimmed = states[1].strings("dimNodes")
    #expect(dimmed.contains("n_customer_profile") && dimmed.contains("n_address") && !dimmed.contains("n_order"))
    #expect(!dimmed.contains("n_shipment_item"))
    #expect(states[2].strings("changes") == ["− table customer_profile"])
    #expect(states[3].string("hash") == "#table=main.customer_profile")
    #expect(states[3].string("selectedNode") == "n_customer_profile")
    #expect(states[3].bool("detailsOpen") && states[3].string("detailsName") == "customer_profile")
    #expect(states[4].strings("changes").count == 4 && states[4].strings("dimNodes").isEmpty)
  }

  /// `docs/diff-comment.png` (`make screenshot-diff`): the Markdown as cmark-gfm renders it, in a
  /// GitHub-like style, with the Mermaid block drawn by Mermaid itself as GitHub draws it.
  @Test(
    .enabled(
      if: (PythonTools.available && MermaidCheck.available) || Paths.toolsRequired, "needs cmarkgfm and mermaid-check"))
  func diffCommentScreenshot() throws {
    let (folder, old, new) = try ShopChange.files()
    // Without views, so that the picture stays the size of a comment.
    let result = try erdviz("diff", old.path, new.path, "--no-views", "-o", "change.md", "-o", "change.mmd", in: folder)
    #expect(result.status == 1, "\(result.stderr)")
    let markdown = try String(contentsOf: folder.appendingPathComponent("change.md"), encoding: .utf8)
    let svg = try MermaidRender.svg(folder.appendingPathComponent("change.mmd"))
    var html = try PythonTools.markdownHTML(markdown)
    let block = try #require(
      html.firstRange(
        of:
          /<pre lang="mermaid"><code>[\s\S]*?<\/code><\/pre>|<pre><code class="language-mermaid">[\s\S]*?<\/code><\/pre>/
      ))
    html.replaceSubrange(block, with: "<div class=\"mermaid\">\(svg)</div>")
    let page = folder.appendingPathComponent("comment.html")
    try Data(Self.comment(html).utf8).write(to: page)
    let artifacts = HTMLPageBrowserTests.artifacts
    try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
    let shot = artifacts.appendingPathComponent("diff-comment.png")
    let report = try Browser.run(
      page, [.loadDocument, .wait(milliseconds: 300), .screenshot(shot)], width: 980, height: 1480)
    #expect(
      report.outsideRequests.isEmpty && report.exceptions.isEmpty, "\(report.outsideRequests) \(report.exceptions)")
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000)
  }

  /// A comment box styled after GitHub's (system font, bordered tables, grey code spans).
  static func comment(_ body: String) -> String {
    """
    <!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
    .box { margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
    .head { padding: 8px 16px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; color: #59636e; font-size: 13px; }
    .body { padding: 8px 16px 16px; }
    h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; margin: 16px 0; }
    table { border-collapse: collapse; margin: 0 0 16px; }
    th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; }
    tr:nth-child(2n) td { background: #f6f8fa; }
    code { background: #818b981f; border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
    .mermaid { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px; margin-bottom: 16px; text-align: center; }
    .mermaid svg { max-width: 100%; height: auto; }
    sub { color: #59636e; }
    </style></head><body><div class="box"><div class="head"><b>erdviz</b> commented</div><div class="body">
    \(body)
    </div></div></body></html>
    """
  }
}
