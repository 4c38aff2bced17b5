import ERDGraph

/// How the DOT drawing of a schema change marks what changed: added green, removed red and
/// struck through, changed amber (the old values in a tooltip), unchanged context grey. Each
/// marked node and edge carries its mark as its SVG class (`class="node added"`), and a changed
/// column's name cell is a link whose title is what the column was (`id="a_n_<key>_c<row>"`).
extension DOTRenderer {
  /// `, class="added"` for a marked node or edge; nothing in a plain drawing.
  static func changeClass(_ mark: ChangeMark?) -> String {
    mark.map { ", class=\"\($0.rawValue)\"" } ?? ""
  }

  /// An edge's colour and line for its mark.
  static func changeAttributes(_ mark: ChangeMark?) -> [String] {
    guard let mark else { return [] }
    let colour = "color=\"\(DOTTheme.changeLine(mark))\""
    switch mark {
    case .added, .changed: return [colour, "penwidth=2"]
    case .removed: return [colour, "penwidth=2", "style=dashed"]
    case .context: return [colour]
    }
  }

  /// The background of a marked column's cells.
  static func cellAttributes(_ change: ColumnChange?) -> String {
    guard let mark = change?.mark, mark != .context else { return "" }
    return " BGCOLOR=\"\(DOTTheme.changeFill(mark))\""
  }

  /// A changed column's name cell links nowhere but carries its old values as its title.
  func changeLink(_ change: ColumnChange?, id: String) -> String {
    guard let change, change.mark == .changed, !change.details.isEmpty else { return "" }
    return " ID=\"\(html(id))\" HREF=\"#\" TOOLTIP=\"\(html(change.details.joined(separator: "; ")))\""
  }

  /// A column name struck through when it (or its table) was removed, greyed in a context table.
  func marked(_ name: String, _ change: ColumnChange?, in table: ChangeMark?) -> String {
    if change?.mark == .removed || table == .removed { return struck(name, .removed) }
    if table == .context { return "<FONT COLOR=\"\(DOTTheme.changeText(.context))\">\(name)</FONT>" }
    return name
  }

  /// `<S>text</S>` for what was removed.
  func struck(_ text: String, _ mark: ChangeMark?) -> String {
    mark == .removed && !text.isEmpty ? "<S>\(text)</S>" : text
  }
}

extension DOTTheme {
  /// A table header in its change's colours; a plain drawing's header as it is.
  static func changeLine(_ mark: ChangeMark) -> String {
    switch mark {
    case .added: return "#1a7f37"
    case .removed: return "#cf222e"
    case .changed: return "#bf8700"
    case .context: return "#afb8c1"
    }
  }

  static func changeFill(_ mark: ChangeMark) -> String {
    switch mark {
    case .added: return "#dafbe1"
    case .removed: return "#ffebe9"
    case .changed: return "#fff8c5"
    case .context: return "#f6f8fa"
    }
  }

  static func changeText(_ mark: ChangeMark) -> String {
    switch mark {
    case .added, .removed, .changed: return "#ffffff"
    case .context: return "#6e7781"
    }
  }
}

extension DOTTheme.Header {
  /// The header for a change mark: green, red, amber, or grey for context.
  func marked(_ mark: ChangeMark?) -> DOTTheme.Header {
    guard let mark else { return self }
    let fill = mark == .context ? "#eaeef2" : mark == .changed ? "#9a6700" : DOTTheme.changeLine(mark)
    return DOTTheme.Header(fill: fill, text: DOTTheme.changeText(mark), caption: caption)
  }
}
