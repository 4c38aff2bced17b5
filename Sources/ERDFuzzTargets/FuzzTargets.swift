import ERDDDL
import ERDGraph
import ERDInspect
import ERDRender
import ERDSchema

/// What each fuzz target does with one input, as plain functions: `make fuzz` calls them from
/// libFuzzer, and the regression tests call them on every input a fuzzer once crashed with.
///
/// An input that erdviz rejects with an error is fine; a crash, a hang or a broken property is not.
public enum FuzzTargets {
  public enum Target: String, CaseIterable, Sendable {
    case tolerantDDL = "tolerant-ddl"
    case postgresDDL = "postgres-ddl"
    case sqliteDDL = "sqlite-ddl"
    case jsonCatalog = "json-catalog"
    case escapers
  }

  /// Runs one input; returns a description of a broken property, nil when all held.
  public static func run(_ target: Target, _ bytes: [UInt8]) -> String? {
    switch target {
    case .tolerantDDL:
      for dialect in [Dialect.mysql, .mssql] { draw(readDDL(bytes, dialect)) }
    case .postgresDDL: draw(readDDL(bytes, .postgresql))
    case .sqliteDDL: draw(readDDL(bytes, .sqlite))
    case .jsonCatalog: draw(try? Catalog(jsonText: bytes), allFormats: true)
    case .escapers:
      let name = String(decoding: bytes, as: UTF8.self)
      let failures = Escaping.failures(name)
      if !failures.isEmpty { return "\(failures.joined(separator: ", ")) do not read back \(name.debugDescription)" }
    }
    return nil
  }

  private static func readDDL(_ bytes: [UInt8], _ dialect: Dialect) -> Catalog? {
    try? DDLInspector(bytes: bytes, label: "fuzz.sql").inspect(InspectOptions(dialect: dialect))
  }

  /// Every renderer on the catalog; Graphviz only with `allFormats` (it is slow per input).
  private static func draw(_ catalog: Catalog?, allFormats: Bool = false) {
    guard let catalog else { return }
    let drawing = Drawing(catalog, options: DiagramOptions(), otherLevels: allFormats)
    let formats: [OutputFormat] = allFormats ? OutputFormat.allCases : [.dot, .mermaid, .json, .markdown, .dbml]
    for format in formats { _ = try? format.renderer.render(drawing) }
  }
}
