import ERDDDL
import ERDGraph
import ERDInspect
import ERDRender
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

/// Reads DDL text the way the pipeline does: the DDL inspector, then partitions folded.
func readDDL(
  _ text: String, dialect: Dialect? = nil, strict: Bool = false, label: String = "test.sql"
) throws -> Catalog {
  try DDLInspector(bytes: Array(text.utf8), label: label)
    .inspect(InspectOptions(dialect: dialect, strict: strict)).foldingPartitions()
}

func readDDL(file url: URL, dialect: Dialect? = nil) throws -> Catalog {
  try DDLInspector(bytes: Array(try Data(contentsOf: url)), label: url.lastPathComponent)
    .inspect(InspectOptions(dialect: dialect)).foldingPartitions()
}

/// The `InspectError` a read throws, or nil.
func ddlError(_ text: String, dialect: Dialect? = nil, strict: Bool = false) -> InspectError? {
  do {
    _ = try readDDL(text, dialect: dialect, strict: strict)
    return nil
  } catch let error as InspectError {
    return error
  } catch {
    Issue.record("unexpected error type: \(error)")
    return nil
  }
}

extension Catalog {
  var foreignKeyCount: Int { allTables.reduce(0) { $0 + $1.table.foreignKeys.count } }

  /// `schema.table` names of every table, sorted.
  var tableNames: [String] { allTables.map { "\($0.name)" }.sorted() }

  /// Every foreign key as `table(columns) -> table(columns)`, names left out, sorted.
  var foreignKeyEdges: [String] {
    allTables.flatMap { name, table in
      table.foreignKeys.map { fk in
        "\(name.name)(\(fk.columns.joined(separator: ","))) -> \(fk.referencedTable.name)(\(fk.referencedColumns.joined(separator: ",")))"
      }
    }.sorted()
  }

  func table(_ schema: String, _ name: String) -> Table? { table(QualifiedName(schema: schema, name: name)) }
}

/// Compares a catalog's DOT, Mermaid and JSON renderings with golden files, and checks the
/// Mermaid with the real parser.
func checkGoldens(_ catalog: Catalog, name: String, testFile: String = #filePath) throws {
  let input = Drawing(catalog, options: DiagramOptions())
  for (format, ext) in [(OutputFormat.dot, "dot"), (.mermaid, "mmd"), (.json, "json")] {
    let text = String(decoding: try format.renderer.render(input).bytes, as: UTF8.self)
    if let diff = Golden.compare(text, to: "\(name).\(ext)", in: Golden.directory(for: testFile)) {
      Issue.record("\(diff)")
    }
    if format == .mermaid, MermaidCheck.available || Paths.toolsRequired {
      let outcome = try MermaidCheck.check(text)
      #expect(outcome.ok, "\(name).mmd: \(outcome.message)")
    }
  }
}
