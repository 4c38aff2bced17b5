import ERDInspect
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation

/// Test inputs read the way `erdviz inspect` reads them.
enum Fixtures {
  static func load(_ url: URL) throws -> Catalog { try Pipeline.load(.file(url.path), options: InspectOptions()) }

  /// The Rails-style schema without foreign keys whose every intended relation is known.
  static let railsURL = Paths.fixtures.appendingPathComponent("rails_like.sql")
  static func rails() throws -> Catalog { try load(railsURL) }

  static func shop() throws -> Catalog { try load(Paths.samples.appendingPathComponent("shop.sql")) }

  static func name(_ table: String) -> QualifiedName { QualifiedName(schema: "default", name: table) }
}
