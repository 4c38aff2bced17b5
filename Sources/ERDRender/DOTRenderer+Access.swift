import ERDGraph

extension DOTRenderer {
  /// The legend's rows for row-level security (the badge) and, with `--as-role`, what each
  /// header colour means; none when the drawing has neither. Each row is a table of its own, so
  /// that its swatches do not line up with another row's.
  func accessLegendRows(for diagram: Diagram) -> String {
    Self.accessLegendRows(diagram).map { cells in
      let inner = cells.map { cell in
        // The badge as the headers show it: fixed in size, not stretched to the row.
        let size = cell.text == DOTTheme.lock ? " FIXEDSIZE=\"TRUE\" WIDTH=\"28\" HEIGHT=\"14\"" : ""
        let fill = (cell.fill.map { " BGCOLOR=\"\($0)\"" } ?? "") + size
        let colour = cell.fill == nil ? DOTTheme.muted : "#ffffff"
        return "<TD\(fill) ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(colour)\">\(html(cell.text))</FONT></TD>"
      }.joined()
      return "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"
        + inner + "</TR></TABLE></TD></TR>"
    }.joined()
  }

  /// The legend's rows as cells of text, with a fill for the colour swatches.
  static func accessLegendRows(_ diagram: Diagram) -> [[(text: String, fill: String?)]] {
    var rows: [[(text: String, fill: String?)]] = []
    if let role = diagram.asRole {
      let levels = AccessLevel.allCases.map { level in
        (text: level.rawValue, fill: Optional(DOTTheme.access(level).fill))
      }
      rows.append([(text: "as role \(role):", fill: nil)] + levels)
    }
    if diagram.entities.contains(where: \.rowLevelSecurity) {
      rows.append([(text: DOTTheme.lock, fill: DOTTheme.lockFill), (text: "row-level security on", fill: nil)])
    }
    return rows
  }
}

extension DOTRenderer {
  /// The header's text with the row-level security badge beside it, in a table of its own
  /// (a cell holds text or a table, not both).
  func lockBadge(after header: String) -> String {
    "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD>\(header)</TD><TD WIDTH=\"6\"></TD>"
      + "<TD BGCOLOR=\"\(DOTTheme.lockFill)\" FIXEDSIZE=\"TRUE\" WIDTH=\"22\" HEIGHT=\"11\"><FONT POINT-SIZE=\"7\" COLOR=\"#ffffff\"><B>\(DOTTheme.lock)</B>"
      + "</FONT></TD></TR></TABLE>"
  }
}

extension DOTTheme {
  /// The badge on a header whose table has row-level security on. A word, not a padlock
  /// glyph: the fonts Graphviz's PNG and PDF output finds have none.
  static let lock = "RLS"
  static let lockFill = "#b7791f"

  /// Header colours by what `--as-role` may do: grey nothing, blue read, green read-write,
  /// purple owner; each dark enough for white text.
  static func access(_ level: AccessLevel) -> Header {
    switch level {
    case .none: return Header(fill: "#7b8794", text: "#ffffff", caption: "no access")
    case .read: return Header(fill: "#2b6cb0", text: "#ffffff", caption: "read")
    case .readWrite: return Header(fill: "#2e7d32", text: "#ffffff", caption: "read-write")
    case .owner: return Header(fill: "#6a1b9a", text: "#ffffff", caption: "owner")
    }
  }
}
