import ERDInspect
import ERDRender
import ERDSchema
import Foundation

/// What `--check` found: the outputs that are stale, and what changed in the schema since they
/// were written, read from a committed output that carries the catalog (a `.json` file, an
/// `.html` page, a docs folder's `schema.json`).
public struct CheckReport: Hashable, Sendable {
  public var stale: [StaleOutput]
  /// The change from the committed catalog to this run's; nil when no output on disk carries one.
  public var change: SchemaChange?
  /// The file the committed catalog was read from.
  public var baseline: String?

  public var isClean: Bool { stale.isEmpty }

  /// The report as a user reads it: one line per stale file, then the summary and the changes.
  public var lines: [String] {
    var lines = stale.map { output -> String in
      switch output.reason {
      case .missing: return "missing: \(output.path)"
      case .changed: return "stale: \(output.path)"
      case .obsolete: return "stale: \(output.path) (a page for a table no longer drawn)"
      }
    }
    guard !stale.isEmpty else { return lines }
    if let change, let baseline {
      let summary =
        change.isEmpty
        ? "no change to the schema model (the drawing or its options changed)"
        : change.summary.description
      lines.append("since \(baseline): \(summary)")
      lines += change.lines.map { "  " + $0 }
    } else {
      lines.append("no committed .json or .html output to tell what changed; add one to see the schema changes")
    }
    return lines
  }
}

/// The catalog a committed output holds, for `--check` to compare with.
enum CommittedCatalog {
  /// The first output on disk that carries a catalog, and that catalog.
  static func find(in targets: [OutputTarget]) -> (path: String, catalog: Catalog)? {
    for target in targets {
      switch target {
      case .file(let path, .json): if let catalog = json(at: path) { return (path, catalog) }
      case .file(let path, .html): if let catalog = page(at: path) { return (path, catalog) }
      case .folder(let folder):
        let path = Product.join(folder, "schema.json")
        if let catalog = json(at: path) { return (path, catalog) }
      default: continue
      }
    }
    return nil
  }

  private static func json(at path: String) -> Catalog? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? Catalog(jsonText: Array(data))
  }

  /// The catalog the HTML page embeds in its `erd-catalog` script element.
  private static func page(at path: String) -> Catalog? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let text = String(decoding: data, as: UTF8.self)
    let open = "<script type=\"application/json\" id=\"erd-catalog\">"
    guard let start = text.range(of: open), let end = text[start.upperBound...].range(of: "</script>") else {
      return nil
    }
    return try? Catalog(jsonText: Array(text[start.upperBound..<end.lowerBound].utf8))
  }
}
