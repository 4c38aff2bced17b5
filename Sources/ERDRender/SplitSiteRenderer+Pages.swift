import ERDGraph
import ERDSchema

/// Where each table's section is in a split site: its page and its anchor there.
struct SplitAnchors {
  var place: [QualifiedName: (page: String, anchor: String)] = [:]

  init(_ split: SplitPages) {
    for page in split.pages {
      for (name, anchor) in MarkdownRenderer.anchors(page.diagram) where split.pageOf[name] == page.key {
        place[name] = (page.key, anchor)
      }
    }
  }

  /// Links from one page: `#anchor` on it, `other.md#anchor` to another.
  func hrefs(from page: String) -> [QualifiedName: String] {
    place.mapValues { $0.page == page ? "#" + $0.anchor : "\($0.page).md#\($0.anchor)" }
  }
}

extension SplitSiteRenderer {
  /// The pages linked to a page either way, in page order.
  static func neighbours(of key: String, _ split: SplitPages) -> [SplitPages.Page] {
    let linked = Set(split.links.flatMap { $0.from == key ? [$0.to] : $0.to == key ? [$0.from] : [] })
    return split.pages.filter { linked.contains($0.key) }
  }

  /// The HTML page's links: home to the overview, then to the linked pages.
  func navigation(_ page: SplitPages.Page, _ split: SplitPages, suffix: String, home: String) -> String {
    var out = "<nav class=\"pages\" aria-label=\"Pages\"><a href=\"\(home)\">← Overview</a>"
    let others = Self.neighbours(of: page.key, split)
    if !others.isEmpty {
      out += "<span class=\"muted\">Linked:</span> "
      out += others.map { "<a href=\"\($0.key)\(suffix)\">\(PageTemplate.escape($0.title))</a>" }.joined(separator: " ")
    }
    return out + "</nav>"
  }

  /// `README.md`: the overview as an image and a row per page.
  func readme(_ drawing: Drawing, _ split: SplitPages) -> String {
    let diagram = drawing.diagram
    var out = DocsSiteRenderer.marker + "\n\n# \(MarkdownText.text(diagram.heading))\n\n"
    out += "\(MarkdownText.text(diagram.summary)), on \(split.pages.count) pages; "
    out += "[index.html](index.html) opens the interactive pages.\n\n"
    out += "![The groups and the foreign keys between them](overview.svg)\n\n"
    out += "| Page | Tables | References other pages |\n| --- | --- | --- |\n"
    for page in split.pages {
      let link = "[\(MarkdownText.text(page.title))](\(Self.pagesFolder)/\(page.key).md)"
      let refs = references(from: page.key, split).map {
        "[\(MarkdownText.text($0.title))](\(Self.pagesFolder)/\($0.key).md) (\($0.count))"
      }
      out +=
        "| "
        + [link, "\(page.diagram.entities.count)", refs.joined(separator: ", ")].map(MarkdownText.cell).joined(
          separator: " | ") + " |\n"
    }
    return out
  }

  /// The pages a page's foreign keys point into, with how many.
  func references(from key: String, _ split: SplitPages) -> [(key: String, title: String, count: Int)] {
    let titles = Dictionary(uniqueKeysWithValues: split.pages.map { ($0.key, $0.title) })
    return split.links.filter { $0.from == key }.map { ($0.to, titles[$0.to] ?? $0.to, $0.count) }
  }

  /// `index.html`: the overview drawing inline, its boxes linking to the pages, and the table.
  func overviewPage(_ drawing: Drawing, _ split: SplitPages, svg: String) -> String {
    let folder = Self.pagesFolder
    let rows = split.pages.map { page -> String in
      let refs = references(from: page.key, split).map {
        "<a href=\"\(folder)/\($0.key).html\">\(PageTemplate.escape($0.title))</a> (\($0.count))"
      }
      return "      <tr><td><a href=\"\(folder)/\(page.key).html\">\(PageTemplate.escape(page.title))</a></td>"
        + "<td>\(page.diagram.entities.count)</td><td>\(refs.joined(separator: ", "))</td></tr>"
    }
    let csp = [
      "default-src 'none'", "style-src \(Templates.overviewCSSSource)", "img-src data:", "base-uri 'none'",
      "form-action 'none'",
    ].joined(separator: "; ")
    return PageTemplate.fill(
      Templates.overviewHTML,
      [
        "csp": csp, "title": PageTemplate.escape(drawing.diagram.heading),
        "stats": PageTemplate.escape(drawing.diagram.summary), "style": Templates.overviewCSS, "svg": svg,
        "rows": rows.joined(separator: "\n"),
      ])
  }

  /// A page in Markdown: links home and to the linked pages, its drawing, then its tables.
  func markdown(
    _ page: SplitPages.Page, _ drawing: Drawing, _ split: SplitPages, _ anchors: SplitAnchors, _ mermaid: String
  ) -> String {
    var out = DocsSiteRenderer.marker + "\n\n[← Overview](../README.md)"
    let others = Self.neighbours(of: page.key, split)
    if !others.isEmpty {
      out += " · Linked: " + others.map { "[\(MarkdownText.text($0.title))](\($0.key).md)" }.joined(separator: " · ")
    }
    out += "\n\n# \(MarkdownText.text(page.title))\n\n\(MarkdownText.text(page.diagram.summary))\n\n"
    out += "![\(MarkdownText.text(page.title))](\(page.key).svg)\n\n"
    out += MarkdownText.fenced(mermaid, language: "mermaid")
    let context = MarkdownRenderer.Context(drawing, hrefs: anchors.hrefs(from: page.key))
    out += "\n## Tables\n"
    for entity in page.diagram.entities {
      guard let definition = drawing.definition(of: entity.name), let place = anchors.place[entity.name] else {
        continue
      }
      out += "\n<a id=\"\(place.anchor)\"></a>\n\n"
      out += MarkdownRenderer().section(entity, definition, context, level: 3)
    }
    return out
  }
}
