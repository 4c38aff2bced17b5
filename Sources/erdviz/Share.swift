import ArgumentParser
import ERDRender
import ERDViz
import Foundation

struct Share: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print links that carry the diagram itself; nothing is uploaded.",
    discussion: """
      SOURCE is read as 'erdviz inspect' reads it. Three links are printed:

        mermaid.live   the Mermaid Live Editor. The diagram is in the part after
                       #, which browsers never send: the page decodes it.
        mermaid.ink    an SVG image. The diagram is in the link's path, so
                       opening it has mermaid.ink draw it: mermaid.ink sees it.
        dbdiagram.io   dbdiagram's DBML-in-link page, the DBML after #.

      A link longer than \(ShareLinks.dependableLength) characters gets a warning: browsers, servers
      and chat tools do not dependably carry more. Share the HTML page
      (erdviz inspect SOURCE -o erd.html) instead, or narrow the diagram
      with --include, --exclude or --columns keys.

      Examples:
        erdviz share shop.db
        erdviz share shop.db --link mermaid-live --include 'order*'

      Exit codes: \(ExitStatus.summary).
      """)

  @OptionGroup var input: SourceOptions

  @Option(help: "Print only this link, bare: mermaid-live, mermaid-ink or dbdiagram.")
  var link: ShareService?

  @OptionGroup var drawing: DrawingOptions

  @OptionGroup(title: "DDL input") var ddl: DDLOptions

  func validate() throws {
    try input.validate(with: ddl)
    if !ddl.trailing.outputs.isEmpty || ddl.trailing.format != nil {
      throw ValidationError("share prints links and writes no file: drop -o/-f after the program")
    }
  }

  func run() throws {
    try reportingFailures { () throws(RunError) in
      let links = try Sharing.links(
        try input.resolve(with: ddl), inspect: input.inspectOptions(with: ddl), diagram: drawing.diagramOptions,
        log: input.log)
      let width = ShareService.allCases.map(\.label.count).max() ?? 0
      var out = ""
      for shared in links where link == nil || shared.service == link {
        let label = shared.service.label
        let padding = String(repeating: " ", count: width + 2 - label.count)
        out += link == nil ? label + padding + shared.url + "\n" : shared.url + "\n"
      }
      do throws(OutputError) { try StandardStreams.writeOutput(Array(out.utf8)) } catch { throw .output(error) }
    }
  }
}

extension ShareService: ExpressibleByArgument {}
