import ArgumentParser
import ERDViz

@main
struct ERDVizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erdviz",
    abstract: "Draw entity-relationship diagrams of live databases and SQL DDL.",
    discussion: "Exit codes: \(ExitStatus.summary).",
    version: "erdviz \(erdvizVersion)",
    subcommands: [Inspect.self, Share.self, Diff.self])
}
