import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// The HTML page that the built erdviz writes, opened in headless Chromium with every non-file:
/// request blocked: its script runs, search, details, neighbours, deep links, detail levels and
/// dark mode work, nothing leaves the page, and hostile names run no script.
@Suite(.serialized, .enabled(if: Browser.available || Paths.toolsRequired, "needs chromium and node"))
struct HTMLPageBrowserTests {
  static let artifacts = Paths.packageRoot.appendingPathComponent(".build/artifacts")

  /// Runs the built erdviz on `source` and returns the page it wrote.
  static func page(_ source: URL, _ extra: String...) throws -> URL {
    let out = try Paths.temporaryDirectory().appendingPathComponent("page.html")
    let result = try run(Paths.binary, ["inspect", source.path, "-o", out.path] + extra)
    try #require(result.status == 0, "erdviz failed: \(result.stderr)")
    return out
  }

  /// Nothing left the page, nothing failed, nothing was injected, at every step.
  static func expectClean(
    _ report: Browser.Report, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    #expect(
      report.outsideRequests.isEmpty, "\(label): requests left the page: \(report.outsideRequests)",
      sourceLocation: sourceLocation)
    #expect(report.exceptions.isEmpty, "\(label): exceptions: \(report.exceptions)", sourceLocation: sourceLocation)
    #expect(
      report.consoleErrors.isEmpty && report.logErrors.isEmpty,
      "\(label): errors: \(report.consoleErrors) \(report.logErrors)", sourceLocation: sourceLocation)
    #expect(report.dialogs.isEmpty, "\(label): dialogs opened: \(report.dialogs)", sourceLocation: sourceLocation)
    for state in report.states where state.json != .null {
      #expect(state.bool("ready"), "\(label): the page script did not run", sourceLocation: sourceLocation)
      #expect(
        state.string("injected") == nil, "\(label): injected code ran after \(state.action)",
        sourceLocation: sourceLocation)
      #expect(
        state.strings("risky").isEmpty, "\(label): injected markup after \(state.action): \(state.strings("risky"))",
        sourceLocation: sourceLocation)
      #expect(
        state.strings("cspViolations").isEmpty, "\(label): CSP violations: \(state.strings("cspViolations"))",
        sourceLocation: sourceLocation)
    }
  }

  @Test(.enabled(if: Paths.corpusAvailable, "needs ../shared/corpus"))
  func chinookPageWorksOffline() throws {
    let db = try #require(Paths.corpusFile("chinook.db"))
    let page = try Self.page(db)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(!html.contains("http://") && !html.contains("https://"), "the page references an external URL")

    let report = try Browser.run(
      page,
      [
        .load(), .search("Invoice"), .clickList("Invoice"), .clickButton(selector: "#zoom-fit"),
        .clickTable("main.Track"),
        .clickLink("Album"), .load(hash: "#table=main.Invoice"),
      ])
    Self.expectClean(report, "chinook")
    var s = report.states
    try #require(s.count == 7)
    s.remove(at: 3)  // the fit, which only brings every table into view
    let tables = [
      "Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine", "MediaType", "Playlist",
      "PlaylistTrack", "Track",
    ]
    #expect(s[0].strings("list") == tables)
    #expect(s[0].string("count") == "11 tables")
    #expect(s[0].int("nodes") == 11)

    let hits = s[1].strings("list")
    #expect(hits.starts(with: ["Invoice", "InvoiceLine"]), "\(hits)")
    #expect(!hits.contains("Album") && hits.count < 11 + 4, "search did not narrow: \(hits)")
    #expect(hits.contains("Invoice.InvoiceDate"), "column hits are listed")

    let invoiceColumns = [
      "InvoiceId", "CustomerId", "InvoiceDate", "BillingAddress", "BillingCity", "BillingState", "BillingCountry",
      "BillingPostalCode", "Total",
    ]
    #expect(s[2].bool("detailsOpen"))
    #expect(s[2].string("detailsName") == "Invoice")
    #expect(s[2].strings("detailsColumns") == invoiceColumns)
    #expect(s[2].string("selectedNode") == "n_Invoice")
    #expect(s[2].strings("neighbourNodes") == ["n_Customer", "n_InvoiceLine"])
    #expect(s[2].strings("litEdges").count == 2)
    #expect(s[2].string("hash") == "#table=main.Invoice")

    // A click in the drawing, then a link in the details panel.
    #expect(s[3].string("detailsName") == "Track")
    #expect(
      s[3].strings("neighbourNodes") == ["n_Album", "n_Genre", "n_InvoiceLine", "n_MediaType", "n_PlaylistTrack"])
    #expect(s[4].string("detailsName") == "Album")
    #expect(s[4].string("hash") == "#table=main.Album")

    // The deep link opens with its table selected.
    #expect(s[5].string("detailsName") == "Invoice")
    #expect(s[5].string("selectedNode") == "n_Invoice")
    #expect(s[5].strings("detailsColumns") == invoiceColumns)
  }

  @Test(arguments: [false, true])
  func hostileSchemaRunsNoInjectedScript(bypassCSP: Bool) throws {
    let db = try SQLiteFixture.fromFixture("hostile_names.sql")
    let page = try Self.page(db)
    let evil = "</script><script>window.__erdvizInjected='table'</script>"
    let encoded = try #require(("main." + evil).addingPercentEncoding(withAllowedCharacters: .alphanumerics))
    // Without the CSP (bypassCSP), only escaping stands between the data and the page.
    let report = try Browser.run(
      page,
      [
        .load(), .search("script"), .key("Enter"), .load(hash: "#table=" + encoded),
        .clickButton(selector: "#detail button[data-detail=keys]"),
        .clickButton(selector: "#detail button[data-detail=none]"),
        .load(hash: "#table=main.billing.invoice"),
      ], bypassCSP: bypassCSP)
    let label = bypassCSP ? "hostile (CSP bypassed)" : "hostile"
    Self.expectClean(report, label)
    let s = report.states
    try #require(s.count == 7)

    let catalog = try Catalog(jsonText: try erdviz("inspect", db.path, "-f", "json").stdout)
    let names = catalog.allTables.map(\.name.name) + catalog.allViews.map(\.name.name)
    #expect(Set(s[0].strings("list")) == Set(names), "\(label): names in the list")
    #expect(s[0].int("nodes") == names.count)
    #expect(s[1].strings("list").contains(evil))

    let table = try #require(catalog.table(QualifiedName(schema: "main", name: evil)))
    for state in [s[2], s[3], s[4], s[5]] {
      #expect(state.string("detailsName") == evil, "\(label) after \(state.action)")
      #expect(state.strings("detailsColumns") == table.columns.map(\.name), "\(label) after \(state.action)")
    }
    let text = s[3].string("detailsText") ?? ""
    for fragment in [
      "<img src=x onerror=\"window.__erdvizInjected='comment'\"> </script><script>alert('comment')</script> ]]> <!-- -->",
      "'</script><script>window.__erdvizInjected=''default''</script>'", "javascript:window.__erdvizInjected='link'",
      "{{csp}} ${alert(1)}", "'{{catalog}}'", "<svg onload=alert('index')>", "<img src=x onerror=alert('trigger')>",
      "\"emoji 😀 | pipe\" <> '</script><img src=x onerror=alert(2)>'",
    ] {
      #expect(text.contains(fragment), "\(label): details lack \(fragment)")
    }
    #expect(s[4].string("level") == "keys" && s[5].string("level") == "none")
    let invoice = try #require(catalog.table(QualifiedName(schema: "main", name: "billing.invoice")))
    #expect(s[6].strings("detailsColumns") == invoice.columns.map(\.name), "names with dots, quotes and line breaks")
  }

  /// The control for the test above: with the catalog JSON's escaping undone, the same browser run
  /// does see injected script run (so the checks can fail), and the CSP alone still blocks it.
  @Test func brokenEscapingIsCaughtAndTheCSPStillHolds() throws {
    let db = try SQLiteFixture.fromFixture("hostile_names.sql")
    let good = try String(contentsOf: try Self.page(db), encoding: .utf8)
    let open = "<script type=\"application/json\" id=\"erd-catalog\">"
    let start = try #require(good.range(of: open))
    let end = try #require(good[start.upperBound...].range(of: "</script>"))
    let json = good[start.upperBound..<end.lowerBound]
    let unescaped = json.replacingOccurrences(of: "\\u003c", with: "<").replacingOccurrences(of: "\\u003e", with: ">")
    let broken = try Paths.temporaryDirectory().appendingPathComponent("broken.html")
    try Data((good[..<start.upperBound] + unescaped + good[end.lowerBound...]).utf8).write(to: broken)

    let unguarded = try Browser.run(broken, [.loadDocument, .wait(milliseconds: 200), .snapshot], bypassCSP: true)
    let ran = unguarded.states.last?.string("injected") != nil || !unguarded.dialogs.isEmpty
    #expect(ran, "the harness did not notice injected script running")

    let guarded = try Browser.run(broken, [.loadDocument, .wait(milliseconds: 200), .snapshot])
    #expect(
      guarded.states.last?.string("injected") == nil && guarded.dialogs.isEmpty, "the CSP let injected script run")
    #expect(!(guarded.states.last?.strings("cspViolations").isEmpty ?? true), "the CSP reported no blocked script")
  }

  @Test func detailLevelsThemeAndSelectionTogether() throws {
    let db = try SQLiteFixture.create(Paths.samples.appendingPathComponent("shop.sql"))
    let page = try Self.page(db)
    let report = try Browser.run(
      page,
      [
        .load(hash: "#table=main.customer"), .clickButton(selector: "#detail button[data-detail=keys]"),
        .clickButton(selector: "#detail button[data-detail=none]"), .clickButton(selector: "#theme"), .load(),
        .key("Escape"),
      ], dark: true)
    Self.expectClean(report, "shop")
    let s = report.states
    try #require(s.count == 6)
    #expect(s[0].string("theme") == "dark", "follows the system's dark preference")
    #expect(s[0].string("canvasBackground") == "rgb(18, 24, 30)")
    #expect(s[0].string("textFill") == "rgb(227, 232, 238)", "the drawing's text is repainted for dark")
    #expect(s[0].strings("svgTexts").contains("email"))
    #expect(s[1].string("level") == "keys")
    #expect(!s[1].strings("svgTexts").contains("email") && s[1].strings("svgTexts").contains("referred_by"))
    #expect(s[1].string("selectedNode") == "n_customer", "the selection survives a detail switch")
    #expect(s[1].string("hash") == "#table=main.customer&columns=keys")
    #expect(!s[2].strings("svgTexts").contains("INTEGER"), "names only")
    #expect(s[2].strings("neighbourNodes") == s[0].strings("neighbourNodes"))
    #expect(s[3].string("theme") == "light", "the toggle overrides the system")
    #expect(s[3].string("canvasBackground") == "rgb(255, 255, 255)")
    #expect(s[4].string("textFill") == "rgb(0, 0, 0)", "the drawing's text is black again")
    #expect(s[4].string("theme") == "light", "the choice is remembered")
  }

  /// A PostgreSQL catalog (main's feature fixture, read back from its JSON): two schemas, a
  /// partitioned table, views and an enum legend.
  @Test func schemasPartitionsAndEnumLegends() throws {
    let catalog = Paths.packageRoot.appendingPathComponent("Tests/ERDPostgresTests/__Golden__/postgres_features.json")
    let report = try Browser.run(
      try Self.page(catalog),
      [
        .load(hash: "#table=billing.invoice"), .clickButton(selector: "#zoom-fit"),
        .clickButton(selector: "#n_enum_crm_tier"), .search("tier"), .key("Enter"),
      ])
    Self.expectClean(report, "postgres")
    let s = report.states
    try #require(s.count == 5)
    #expect(s[0].string("count") == "9 tables, 3 views")
    #expect(s[0].string("detailsName") == "billing.invoice")
    #expect(s[0].string("detailsKind") == "Partitioned table in billing")
    let text = s[0].string("detailsText") ?? ""
    for fragment in ["RANGE (issued_on)", "invoice_2025", "billing.invoice_line", "billing.revenue_by_tier"] {
      #expect(text.contains(fragment), "details lack \(fragment)")
    }
    #expect(s[2].string("selectedNode") == "n_billing_invoice", "a click on an enum legend keeps the selection")
    #expect(s[3].strings("list").contains("crm.customer.tier"), "column hits name their schema")
    #expect(s[4].string("hash") == "#table=billing.revenue_by_tier")
  }

  /// On a phone-sized screen: a tap anywhere on a table selects it (the body is unfilled in the
  /// drawing), and "Show in diagram" moves the covering panel out of the way.
  @Test func narrowScreenSelectsByTheTableBody() throws {
    let db = try SQLiteFixture.create(Paths.samples.appendingPathComponent("shop.sql"))
    let report = try Browser.run(
      try Self.page(db), [.load(), .clickTable("main.order"), .clickButton(selector: ".details-actions button")],
      width: 390, height: 800)
    Self.expectClean(report, "narrow")
    let s = report.states
    try #require(s.count == 3)
    #expect(s[1].bool("detailsOpen") && s[1].string("selectedNode") == "n_order")
    #expect(!s[2].bool("detailsOpen") && s[2].string("selectedNode") == "n_order")
  }

  /// The screenshot the README shows (`make screenshot` copies it to docs/).
  @Test func samplePageScreenshot() throws {
    let db = try SQLiteFixture.create(Paths.samples.appendingPathComponent("shop.sql"))
    let page = try Self.page(db)
    try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
    let light = Self.artifacts.appendingPathComponent("shop-html.png")
    let dark = Self.artifacts.appendingPathComponent("shop-html-dark.png")
    for (dark, shot) in [(false, light), (true, dark)] {
      let report = try Browser.run(
        page,
        [.load(hash: "#table=main.order"), .wait(milliseconds: 400), .screenshot(shot)], width: 1440, height: 900,
        dark: dark)
      Self.expectClean(report, "screenshot")
      let png = try Data(contentsOf: shot)
      #expect(
        png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000,
        "\(shot.lastPathComponent) is not a real screenshot")
    }
  }

  /// 500 tables: one page, opened, searched, selected and switched in a few seconds at most.
  @Test func fiveHundredTablesStayResponsive() throws {
    let db = try Paths.temporaryDirectory().appendingPathComponent("big.db")
    try SQLiteFixture.create(at: db, sql: Self.bigSchema(tables: 500))
    let started = Date()
    let page = try Self.page(db)
    let renderSeconds = Date().timeIntervalSince(started)
    let bytes = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0
    let report = try Browser.run(
      page,
      [
        .load(), .search("t0421"), .key("Enter"), .clickButton(selector: "#detail button[data-detail=keys]"),
        .clickButton(selector: "#zoom-fit"), .load(hash: "#table=main.t0250"),
      ])
    Self.expectClean(report, "500 tables")
    let s = report.states
    try #require(s.count == 6)
    #expect(s[0].strings("list").count == 500)
    #expect(s[1].strings("list").first == "t0421")
    #expect(s[2].string("detailsName") == "t0421")
    #expect(s[5].string("selectedNode") == "n_t0250")
    let timings = zip(["load", "search", "select", "switch to keys", "fit", "deep link"], s.map(\.milliseconds))
      .map { "\($0.0) \($0.1) ms" }.joined(separator: ", ")
    print(
      "500 tables: render \(String(format: "%.1f", renderSeconds)) s, page \(bytes / 1024) KiB; \(timings); "
        + Self.paintTimes(report))
    #expect(bytes < 8_000_000, "the page is \(bytes) bytes")
    #expect(s[0].milliseconds < 15_000 && s[5].milliseconds < 15_000, "loading took too long: \(timings)")
    for i in 1...4 { #expect(s[i].milliseconds < 3_000, "\(s[i].action) took too long: \(timings)") }
  }

  /// 2,000 tables with realistic prefixes and foreign keys (`scripts/gen-schema`): the page opens
  /// with every table listed, and search and selection work.
  @Test func twoThousandTablesWork() throws {
    let db = try SplitTests.generated(2_000)
    let started = Date()
    let page = try Self.page(db)
    let renderSeconds = Date().timeIntervalSince(started)
    let bytes = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? 0
    let report = try Browser.run(page, [.load(), .search("billing_invoice"), .key("Enter")])
    Self.expectClean(report, "2,000 tables")
    let s = report.states
    try #require(s.count == 3)
    #expect(s[0].strings("list").count == 2_000)
    #expect(s[1].strings("list").first?.hasPrefix("billing_invoice") == true, "\(s[1].strings("list").prefix(3))")
    #expect(s[2].string("detailsName")?.hasPrefix("billing_invoice") == true)
    let timings = zip(["load", "search", "select"], s.map(\.milliseconds)).map { "\($0.0) \($0.1) ms" }
    print(
      "2,000 tables: render \(String(format: "%.1f", renderSeconds)) s, page \(bytes / 1024) KiB; \(timings); "
        + Self.paintTimes(report))
  }

  /// The first load's first contentful paint and the moment the page's script was done, as
  /// Chromium's performance entries give them (ms from navigation start).
  static func paintTimes(_ report: Browser.Report) -> String {
    let navigation = report.raw["results"]?.arrayValue?.first?["navigation"]
    func ms(_ key: String) -> String {
      switch navigation?[key] {
      case .int(let i): return "\(i) ms"
      case .double(let d): return "\(Int(d)) ms"
      default: return "?"
      }
    }
    let (paint, ready) = (ms("firstPaint"), ms("domContentLoaded"))
    return "first paint \(paint), script done \(ready)"
  }

  /// Tables t0000…, each with a few columns and one or two foreign keys to earlier tables.
  static func bigSchema(tables: Int) -> String {
    func name(_ i: Int) -> String { "t" + String(repeating: "0", count: max(0, 4 - String(i).count)) + String(i) }
    var sql = ""
    for i in 0..<tables {
      var columns = [
        "id INTEGER PRIMARY KEY", "name TEXT NOT NULL", "created_at TEXT DEFAULT CURRENT_TIMESTAMP", "note TEXT",
        "amount NUMERIC(10,2)",
      ]
      if i > 0 { columns.append("parent_id INTEGER REFERENCES \(name(i / 2)) (id)") }
      if i > 2 { columns.append("other_id INTEGER NOT NULL REFERENCES \(name((i * 7) % i)) (id)") }
      sql += "CREATE TABLE \(name(i)) (\(columns.joined(separator: ", ")));\n"
    }
    return sql
  }
}

extension SQLiteFixture {
  /// A database file in a new temporary directory, built from an SQL file anywhere.
  static func create(_ sqlFile: URL) throws -> URL {
    let url = try Paths.temporaryDirectory().appendingPathComponent(
      sqlFile.deletingPathExtension().lastPathComponent + ".db")
    try create(at: url, sql: try String(contentsOf: sqlFile, encoding: .utf8))
    return url
  }
}
