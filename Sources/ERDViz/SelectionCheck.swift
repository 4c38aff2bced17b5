import ERDGraph
import ERDInspect
import ERDSchema

/// No silent empty success: a source with no table, a schema or pattern that matches nothing.
enum SelectionCheck {
  /// Fails when the schemas asked for are not in the catalog (listing those that are), or when
  /// the catalog holds no table and no view at all.
  static func check(_ catalog: Catalog, schemas wanted: [String], source: Source) throws(InspectError) {
    let present = Set(catalog.schemas.map(\.name))
    let missing = wanted.filter { !present.contains($0) }
    if !missing.isEmpty {
      let have = catalog.schemas.map(\.name).sorted()
      let list = have.isEmpty ? "" : " (schemas there: \(have.joined(separator: ", ")))"
      throw .invalidInput(source.label, reason: "no schema \(missing.joined(separator: ", "))\(list)")
    }
    if catalog.schemas.allSatisfy({ $0.tables.isEmpty && $0.views.isEmpty }) {
      throw .invalidInput(source.label, reason: "no table or view to draw")
    }
  }

  /// Fails when the options leave nothing of a catalog that has tables; warns for each pattern
  /// that matches nothing.
  static func check(_ drawing: Drawing, options: DiagramOptions, log: Log) throws(RunError) {
    let names = drawing.catalog.allTables.map(\.name) + drawing.catalog.allViews.map(\.name)
    let patterns = [
      ("--include", options.filter.include), ("--exclude", options.filter.exclude), ("--focus", options.focus),
    ]
    for (flag, list) in patterns {
      for pattern in list where !names.contains(where: { NameFilter.matches(pattern, $0) }) {
        log.warning("\(flag) \(pattern) matches no table or view")
      }
    }
    if drawing.diagram.entities.isEmpty && !names.isEmpty {
      throw .usage("nothing to draw: the --include, --exclude and --focus patterns leave out every table and view")
    }
  }
}
