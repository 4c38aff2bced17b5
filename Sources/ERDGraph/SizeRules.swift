/// What erdviz does past documented sizes instead of running Graphviz for minutes or drawing a
/// strip no screen shows; each step is said on stderr (`Diagram.notes`).
///
/// | drawn tables and views | columns (unless `--columns` is given) | Graphviz |
/// | --- | --- | --- |
/// | up to 150 | all | as is |
/// | 151 to 600 | keys only | `nslimit`, `nslimit1`, `mclimit`, `searchsize` bounded |
/// | over 600 | names only | bounded |
///
/// Past 150 the HTML page also holds only the level drawn (no switch to the others).
public enum SizeRules {
  public static let keysOnlyAbove = 150
  public static let namesOnlyAbove = 600
  public static let boundedLayoutAbove = 150
  /// The HTML page lays out its other column levels up to this many entities, not past it.
  public static let otherLevelsUpTo = 150

  /// The column level for `count` entities when the user left it to erdviz.
  static func detail(for count: Int, asked: ColumnDetail) -> ColumnDetail {
    if count > namesOnlyAbove { return .none }
    if count > keysOnlyAbove && asked == .all { return .keys }
    return asked
  }

  /// What the rules did to a drawing of `count` entities, and what to use instead.
  static func notes(
    count: Int, asked: ColumnDetail, drawn: ColumnDetail, split: Bool, shape: LayoutShape? = nil,
    direction: Direction? = nil
  ) -> [String] {
    var notes: [String] = []
    if drawn != asked {
      let what = drawn == .none ? "table names only" : "key columns only"
      let limit = drawn == .none ? namesOnlyAbove : keysOnlyAbove
      notes.append("\(count) tables and views (over \(limit)): drawing \(what); --columns all draws every column")
    }
    if count > boundedLayoutAbove {
      notes.append("\(count) tables and views: Graphviz's layout work is bounded (nslimit, mclimit, searchsize)")
      notes += Self.notes(shape: shape, asked: direction)
      if !split {
        notes.append("a drawing this big is hard to read on one page: try --split group -o FOLDER/ or --focus TABLE")
      }
    }
    return notes
  }

  /// What the shape rules chose for a big drawing (Graphviz's formats follow them; Mermaid lays
  /// out on its own).
  private static func notes(shape: LayoutShape?, asked: Direction?) -> [String] {
    guard let shape else { return [] }
    var notes: [String] = []
    if asked == nil && shape.direction == .topToBottom {
      notes.append(
        "Graphviz layout: the graph is \(shape.depth) levels deep and at most \(shape.widest) wide: drawing it top to bottom (--direction LR to change)"
      )
    }
    let alone = shape.rows.reduce(0) { $0 + $1.count }
    if alone > 0 {
      notes.append("Graphviz layout: \(alone) tables with no reference are laid out in \(shape.rows.count) rows")
    }
    return notes
  }
}
