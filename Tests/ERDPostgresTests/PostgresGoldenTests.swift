import ERDGraph
import ERDInspect
import ERDRender
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresGoldenTests {
  /// The every-feature schema drawn in JSON, DOT and Mermaid: all of it visible, against golden files.
  @Test func everyFeatureDrawn() throws {
    let catalog = try withDatabase(fixture: "postgres_features.sql") { database in
      try Pipeline.load(.postgres(TestPostgres.url(database: database)), options: InspectOptions())
    }
    // Every detail line, triggers and plain indexes included (the default leaves those out).
    var options = DiagramOptions()
    options.details = .all
    let input = Drawing(catalog, options: options)
    let texts = try [OutputFormat.json, .dot, .mermaid].map {
      String(decoding: try $0.renderer.render(input).bytes, as: UTF8.self)
    }
    for (text, name) in zip(texts, ["postgres_features.json", "postgres_features.dot", "postgres_features.mmd"]) {
      if let diff = Golden.compare(text, to: name, in: Golden.directory()) { Issue.record("\(diff)") }
    }
    let (dot, mermaid) = (texts[1], texts[2])
    // Views show what they read, as dashed edges in DOT and `..` lines in Mermaid.
    #expect(dot.contains("\"billing_big_spenders\" -> \"billing_open_balance\""))
    #expect(mermaid.contains("t_billing_big_spenders }o..o{ t_billing_open_balance : \"reads\""))
    #expect(mermaid.contains("t_crm_customer_note |o..|| t_crm_note : \"inherits\""))
    for visible in [
      "enum", "partitioned by RANGE (issued_on)", "2 partitions", "trigger account_touch",
      "exclude subscription_no_overlap",
      "check invoice_number_positive", "numbers start at 1", "unique index customer_email_lower", "identity", "serial",
      "generated (stored)", "billing.amount (numeric(12,2))", "foreign", "materialized view",
      "everyone with an account",
    ] {
      #expect(dot.contains(visible), "DOT lacks \(visible)")
    }
    for visible in ["enum crm.tier: free, pro, enterprise", "trigger account_touch", "serial", "generated (stored)"] {
      #expect(mermaid.contains(visible), "Mermaid lacks \(visible)")
    }
    if MermaidCheck.available || Paths.toolsRequired {
      let outcome = try MermaidCheck.check(mermaid)
      #expect(outcome.ok, "\(outcome.message)")
      #expect(outcome.entities.count == input.diagram.entities.count)
    }
  }
}
