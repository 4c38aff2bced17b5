import ERDGraph
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// Markdown escaping rules, then whole pages rendered by cmark-gfm, GitHub's own Markdown engine.
@Suite struct MarkdownTextTests {
  @Test(arguments: [
    ("id", "`id`"), ("a`b", "``a`b``"), ("`x", "`` `x ``"), (" a ", "`  a  `"), ("", "` `"),
    ("two\nlines", "`two lines`"),
  ])
  func codeSpans(text: String, expected: String) { #expect(MarkdownText.code(text) == expected) }

  @Test(arguments: [
    ("*x* _y_", "\\*x\\* \\_y\\_"), ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"), ("a | b", "a \\| b"),
    ("$5 @me #1", "\\$5 \\@me \\#1"),
    ("[link](x)", "\\[link\\](x)"),
  ])
  func text(text: String, expected: String) { #expect(MarkdownText.text(text) == expected) }

  @Test(arguments: [
    ("- item", "\\- item"), ("1. first", "1\\. first"), ("# title", "\\# title"), ("   indented", "indented"),
  ])
  func paragraphs(text: String, expected: String) { #expect(MarkdownText.paragraph(text) == expected) }

  @Test func fencesOutgrowTheBody() {
    #expect(MarkdownText.fenced("a ```` b", language: "sql") == "`````sql\na ```` b\n`````\n")
  }
}

@Suite(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the test venv with cmarkgfm (scripts/test)"))
struct MarkdownParserTests {
  /// HTML that Markdown itself makes; anything else in the rendering came from the data.
  static let markdownTags: Set<String> = [
    "h1", "h2", "h3", "p", "a", "code", "pre", "em", "strong", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
  ]

  @Test(arguments: RenderGoldenTests.cases.map(\.name))
  func githubRendersNamesAsText(name: String) throws {
    let input = try renderInput(try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture)
    let markdown = try text(.markdown, input)
    let model = try PythonTools.markdownModel(markdown)

    for element in model["elements"]?.arrayValue ?? [] {
      let tag = element.arrayValue?.first?.stringValue ?? ""
      let attributes = element.arrayValue?.last?.arrayValue?.compactMap(\.stringValue) ?? []
      #expect(Self.markdownTags.contains(tag), "\(name): the rendering holds <\(tag)>")
      #expect(Set(attributes).isSubset(of: ["href", "id", "lang"]), "\(name): <\(tag)> has \(attributes)")
    }
    let headings = (model["headings"]?.arrayValue ?? []).compactMap { $0.arrayValue }
    let sections = headings.filter { $0.first?.stringValue == "h3" }.compactMap { $0.last?.stringValue }
    #expect(
      sections == input.diagram.entities.map { $0.label.replacingNewlines() },
      "\(name): one section per table, named as it is")

    let anchors = Set((model["anchors"]?.arrayValue ?? []).compactMap(\.stringValue))
    for link in model["links"]?.arrayValue ?? [] {
      let href = link["href"]?.stringValue ?? ""
      #expect(href.hasPrefix("#") && anchors.contains(String(href.dropFirst())), "\(name): link \(href) leads nowhere")
    }

    // The first table is the first entity's columns, and so on for every entity with columns.
    let tables = (model["tables"]?.arrayValue ?? []).map { $0.arrayValue ?? [] }
    let withColumns = input.diagram.entities.compactMap { input.definition(of: $0.name) }.filter { !$0.columns.isEmpty }
    #expect(tables.count == withColumns.count)
    for (table, definition) in zip(tables, withColumns) {
      let names = table.dropFirst().compactMap { $0.arrayValue?.first?.stringValue }
      #expect(names == definition.columns.map { $0.name.replacingNewlines() }, "\(name): column names")
    }

    let blocks = model["code_blocks"]?.arrayValue ?? []
    let mermaid = try #require(blocks.first { $0["lang"]?.stringValue == "mermaid" }?["text"]?.stringValue)
    #expect(mermaid == (try text(.mermaid, input)), "\(name): the Mermaid block is erdviz's Mermaid")
    if MermaidCheck.available || Paths.toolsRequired {
      let outcome = try MermaidCheck.check(mermaid)
      #expect(outcome.ok, "\(name): \(outcome.message)")
    }
  }

  @Test func hostileCommentsAndDefaultsStayText() throws {
    let input = try renderInput(try #require(RenderGoldenTests.cases.first { $0.name == "hostile_names" }).fixture)
    let model = try PythonTools.markdownModel(try text(.markdown, input))
    let cells = (model["tables"]?.arrayValue ?? []).flatMap { $0.arrayValue ?? [] }.flatMap { $0.arrayValue ?? [] }
      .compactMap(\.stringValue)
    for fragment in [
      "'</script><script>window.__erdvizInjected=''default''</script>'", "javascript:window.__erdvizInjected='link'",
      "{{csp}} ${alert(1)} <svg onload=\"window.__erdvizInjected='svg'\">", "😀 | pipes | *stars* _under_ #hash `tick`",
      "'it''s \"quoted\" & <b>bold</b>'",
    ] {
      #expect(cells.contains(fragment), "cell \(fragment)")
    }
  }
}
