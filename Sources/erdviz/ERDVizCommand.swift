import ArgumentParser
import ERDViz
import Glibc

@main
struct ERDVizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erdviz",
    abstract: "Draw entity-relationship diagrams of live databases and SQL DDL.",
    discussion: "Exit codes: \(ExitStatus.summary).",
    version: "erdviz \(erdvizVersion)",
    subcommands: [Inspect.self, Generate.self, Init.self, Lint.self, Share.self, Diff.self])

  static func main() {
    // A file-size limit (`ulimit -f`) must fail a write with an error, which erdviz reports and
    // recovers from, not kill it halfway through replacing outputs.
    signal(SIGXFSZ, SIG_IGN)
    main(nil)
  }
}
