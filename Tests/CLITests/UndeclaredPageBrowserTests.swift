import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The page of a schema without foreign keys, drawn with `--infer-relations --lint`, in headless
/// Chromium: a legend for the dashed edges, inferred references and findings in the details.
@Suite(.serialized, .enabled(if: Browser.available || Paths.toolsRequired, "needs chromium and node"))
struct UndeclaredPageBrowserTests {
  @Test func legendAndDetailsShowInferredReferencesAndFindings() throws {
    let rails = Paths.fixtures.appendingPathComponent("rails_like.sql")
    let page = try HTMLPageBrowserTests.page(rails, "--infer-relations", "--lint")
    let report = try Browser.run(page, [.load(), .clickList("orders")])
    HTMLPageBrowserTests.expectClean(report, "rails")
    try #require(report.states.count == 2)
    let legend = report.states[0].string("legend") ?? ""
    #expect(legend.contains("inferred: inferred from column names"), "\(legend)")
    #expect(!legend.contains("declared"))
    let details = report.states[1].string("detailsText") ?? ""
    for text in [
      "REFERENCES (INFERRED)", "(user_id) → users (id)", "REFERENCED BY (INFERRED)", "order_items (order_id)",
      "FINDINGS (4)", "duplicate-index", "index orders_user_idx duplicates index index_orders_on_user_id",
    ] {
      #expect(details.localizedCaseInsensitiveContains(text), "details lack \(text): \(details)")
    }
    #expect(!details.contains("REFERENCES\n"), "an inferred reference listed with the declared ones")
    // Without the flags the page has no legend.
    let plain = try Browser.run(try HTMLPageBrowserTests.page(rails), [.load()])
    #expect(plain.states.first?.string("legend") == nil)
  }
}
