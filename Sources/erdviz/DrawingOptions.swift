import ArgumentParser
import ERDGraph

/// What to draw and how, shared by every subcommand that draws.
struct DrawingOptions: ParsableArguments {
  @Option(
    help:
      "Columns to draw: all, keys (key columns only) or none (names only); default all, keys past 150 tables, none past 600."
  )
  var columns: ColumnDetail?

  @Option(
    help: ArgumentHelp("Only tables and views matching GLOB (schema.name or name); repeatable.", valueName: "GLOB"))
  var include: [String] = []

  @Option(help: ArgumentHelp("Leave out tables and views matching GLOB; repeatable.", valueName: "GLOB"))
  var exclude: [String] = []

  @Option(
    help: ArgumentHelp("Draw only TABLE (glob; repeatable) and its neighbourhood (see --depth).", valueName: "TABLE"))
  var focus: [String] = []

  @Option(
    help: ArgumentHelp("With --focus: how many relationship hops around the focused tables to draw.", valueName: "N"))
  var depth: Int = 1

  @Option(help: "Layout direction: LR, RL, TB, BT (default LR for Graphviz, TB for Mermaid).")
  var direction: Direction?

  @Flag(help: "Leave views out of the diagram.")
  var noViews = false

  @Option(help: "A title drawn above the diagram.")
  var title: String?

  @Flag(help: "Draw partitions as tables of their own instead of folding them under their parent.")
  var showPartitions = false

  @Flag(help: "Draw references column names suggest (user_id → users), dashed and marked inferred.")
  var inferRelations = false

  @Option(help: "Cluster tables by schema, app (Django), prefix (name before _) or none (default: picked).")
  var groupBy: GroupBy?

  @Option(help: ArgumentHelp("Write -o FOLDER/ as an overview and one page per group.", valueName: "group"))
  var split: SplitBy?

  @Option(
    help: "Lines under tables: none, keys (constraints, unique indexes; the default) or all (every index, trigger).")
  var details: DetailLines = .keys

  @Option(help: "View-dependency edges: auto (drawn below 10 views), on or off.")
  var viewEdges: ViewEdges = .auto

  @Option(
    help: ArgumentHelp("Colour each table by what ROLE may do: none, read, read-write or owner.", valueName: "ROLE"))
  var asRole: String?

  func validate() throws {
    if depth < 0 { throw ValidationError("--depth must be 0 or more") }
    if asRole?.isEmpty == true { throw ValidationError("--as-role needs a role name") }
  }

  var diagramOptions: DiagramOptions {
    var options = DiagramOptions(
      filter: NameFilter(include: include, exclude: exclude), focus: focus, depth: depth, detail: columns ?? .all,
      direction: direction,
      includeViews: !noViews, foldPartitions: !showPartitions, title: title, inferRelations: inferRelations)
    options.groupBy = groupBy
    options.split = split
    options.details = details
    options.viewEdges = viewEdges
    options.asRole = asRole
    options.adaptsToSize = columns == nil
    return options
  }
}

extension ColumnDetail: ExpressibleByArgument {}
extension GroupBy: ExpressibleByArgument {}
extension SplitBy: ExpressibleByArgument {}
extension DetailLines: ExpressibleByArgument {}
extension ViewEdges: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}
