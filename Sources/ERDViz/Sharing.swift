import ERDGraph
import ERDInspect
import ERDRender

/// `erdviz share`: links that carry the diagram itself, for a source read as `inspect` reads it.
public enum Sharing {
  /// Reads the source, draws it, and makes its links; warnings (a link too long to travel, a
  /// diagram past Mermaid's limits) go to the log.
  public static func links(
    _ source: Source, inspect: InspectOptions, diagram: DiagramOptions, log: Log = Log()
  ) throws(RunError) -> [ShareLink] {
    let catalog = try Pipeline.load(source, options: inspect, log: log)
    try Pipeline.checkRelations(Request(source: source, outputs: [], diagram: diagram), in: catalog)
    let drawing = Drawing(catalog, options: diagram)
    Pipeline.logUndeclared(drawing, options: diagram, log: log)
    let (links, warnings): ([ShareLink], [String])
    do { (links, warnings) = try ShareLinks.links(for: drawing) } catch { throw .render(error) }
    for warning in warnings { log.warning(warning) }
    for link in links { log.info("\(link.service.label) link: \(link.url.utf8.count) characters") }
    return links
  }
}
