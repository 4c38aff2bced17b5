import ERDGraph
import Foundation

/// The overview of a split drawing as DOT: one box per page in its group's colour, labelled with
/// its table count and linking to the page, and one edge per pair of pages whose tables reference
/// each other, as thick as the foreign keys between them are many (past
/// `SplitPages.overviewLinksUpTo` links, each page's strongest only, which the title says).
struct OverviewRenderer {
  /// Where each page's box links to, from the page key.
  var href: (String) -> String

  func dot(_ split: SplitPages, title: String) -> String {
    let dot = DOTRenderer()
    let font = dot.quote(DOTTheme.font)
    var out = "digraph overview {\n"
    out += "  graph [rankdir=LR, fontname=\(font), fontsize=16, nodesep=0.5, ranksep=0.9, pad=0.3, bgcolor=\"white\", "
    let drawn = split.overviewLinks
    let label =
      drawn.count < split.links.count
      ? "\(title) — each page's \(SplitPages.strongestLinksPerPage) strongest links (\(drawn.count) of \(split.links.count))"
      : title
    out += "label=\(dot.quote(label)), labelloc=t, labeljust=l]\n"
    out +=
      "  node [shape=box, style=\"rounded,filled\", fontname=\(font), fontsize=11, fontcolor=\"#ffffff\", margin=\"0.2,0.1\"]\n"
    out +=
      "  edge [fontname=\(font), fontsize=9, color=\"\(DOTTheme.edge)\", fontcolor=\"\(DOTTheme.muted)\", arrowsize=0.7]\n"
    for page in split.pages {
      let colour = DOTTheme.palette[page.group.slot % DOTTheme.palette.count]
      let tables = page.diagram.entities.count
      let label =
        "<<B>\(dot.html(page.title))</B><BR/><FONT POINT-SIZE=\"9\">\(tables) \(tables == 1 ? "table" : "tables")</FONT>>"
      out += "  \(dot.quote(page.key)) [id=\(dot.quote("n_\(page.key)")), label=\(label), fillcolor=\"\(colour)\", "
      out +=
        "color=\"\(colour)\", URL=\(dot.quote(href(page.key))), target=\"_top\", tooltip=\(dot.quote(page.title))]\n"
    }
    let titles = Dictionary(uniqueKeysWithValues: split.pages.map { ($0.key, $0.title) })
    for link in drawn {
      let width = 1 + (log2(Double(link.count)) * 10).rounded() / 10
      let tip = "\(titles[link.from] ?? link.from) → \(titles[link.to] ?? link.to): \(link.count) foreign keys"
      out += "  \(dot.quote(link.from)) -> \(dot.quote(link.to)) [penwidth=\(width), weight=\(link.count), "
      out += "label=\"\(link.count)\", tooltip=\(dot.quote(tip))]\n"
    }
    return out + "}\n"
  }
}
