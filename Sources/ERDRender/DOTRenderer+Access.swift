import ERDGraph

extension DOTRenderer {
  /// The graph's label when the drawing has something to explain beyond the title: the lock of
  /// row-level security, and with `--as-role` what each header colour means. nil otherwise, so
  /// a drawing without either keeps its plain title.
  func accessLegend(for diagram: Diagram) -> String? {
    // Each row a table of its own, so that its swatches do not line up with another row's.
    let rows = Self.accessLegendRows(diagram).map { cells in
      "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"
        + cells.map { cell in
          // The badge as the headers show it: fixed in size, not stretched to the row.
          let size = cell.text == DOTTheme.lock ? " FIXEDSIZE=\"TRUE\" WIDTH=\"28\" HEIGHT=\"14\"" : ""
          let fill = (cell.fill.map { " BGCOLOR=\"\($0)\"" } ?? "") + size
          let colour = cell.fill == nil ? DOTTheme.muted : "#ffffff"
          return "<TD\(fill) ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"\(colour)\">\(html(cell.text))</FONT></TD>"
        }.joined() + "</TR></TABLE></TD></TR>"
    }
    guard !rows.isEmpty else { return nil }
    var table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
    if let title = diagram.title {
      table += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\">\(html(title))</FONT></TD></TR>"
    }
    table += rows.joined() + "</TABLE>"
    let place = diagram.title == nil ? "labelloc=b, labeljust=l" : "labelloc=t, labeljust=l"
    return ", label=<\(table)>, \(place)"
  }

  /// The legend's rows as cells of text, with a fill for the colour swatches. (Kept apart from
  /// the markup so a fuller legend of the notation can take these rows in.)
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
