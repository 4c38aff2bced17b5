import ERDDDL
import ERDInspect
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// The MySQL half of the differential test: each MySQL script of the corpus and of our fixtures,
/// loaded into the throwaway MariaDB, inspected live, must give what `information_schema` says
/// (tables, columns, foreign keys) and what the DDL reader reads from the same file (tables,
/// columns with types and nullability, keys, foreign keys, indexes, views, triggers).
@Suite(.enabled(if: TestMySQL.enabled, "needs the throwaway MariaDB server of `make test`"))
struct MySQLDifferentialTests {
  /// A script, and the database it creates for itself (nil: it is loaded into a new one).
  struct Script: Sendable, CustomTestStringConvertible {
    var name: String
    var url: URL?
    var creates: String?
    var testDescription: String { name }
  }

  static let scripts: [Script] = [
    Script(name: "mysql_features.sql", url: featuresFixture, creates: "shop"),
    Script(name: "mysql-sakila-schema.sql", url: Paths.corpusFile("mysql-sakila-schema.sql"), creates: "sakila"),
    Script(name: "Chinook_MySql.sql", url: Paths.corpusFile("Chinook_MySql.sql"), creates: "Chinook"),
    Script(name: "django_polls_catalog.mysql.sql", url: Paths.corpusFile("django_polls_catalog.mysql.sql")),
  ]

  /// Corpus files take part when ../shared is beside the checkout (always under `make test` in CI).
  @Test(arguments: scripts.filter { $0.url != nil || Paths.toolsRequired })
  func liveEqualsInformationSchemaAndTheDDLReader(script: Script) throws {
    let url = try #require(script.url, "needs ../shared/corpus")
    try TestMySQL.withScript(url, creates: script.creates) { database in
      let live = try Pipeline.load(.mysql(TestMySQL.url(database: database)), options: InspectOptions())
      let truth = try TestMySQL.sql(Self.truth(database)).split(separator: "\n").map(String.init).sorted()
      #expect(Self.lines(live) == truth)
      #expect(truth.count > 3)

      var ddl = try DDLInspector(bytes: Array(try Data(contentsOf: url)), label: script.name)
        .inspect(InspectOptions(dialect: .mysql))
      // A script that chooses no database puts its tables in the reader's neutral schema.
      if script.creates == nil { ddl = Self.renaming("default", to: database, in: ddl) }
      let (liveFacts, ddlFacts) = (MySQLFacts.facts(live), MySQLFacts.facts(ddl))
      let onlyLive = liveFacts.filter { !ddlFacts.contains($0) }
      let onlyDDL = ddlFacts.filter { !liveFacts.contains($0) }
      #expect(
        onlyLive.isEmpty && onlyDDL.isEmpty,
        "live only:\n\(onlyLive.joined(separator: "\n"))\nDDL only:\n\(onlyDDL.joined(separator: "\n"))")
    }
  }

  /// The catalog with schema `old` called `new`, in its references too.
  static func renaming(_ old: String, to new: String, in catalog: Catalog) -> Catalog {
    var catalog = catalog
    for s in catalog.schemas.indices where catalog.schemas[s].name == old {
      catalog.schemas[s].name = new
    }
    for s in catalog.schemas.indices {
      for t in catalog.schemas[s].tables.indices {
        for f in catalog.schemas[s].tables[t].foreignKeys.indices
        where catalog.schemas[s].tables[t].foreignKeys[f].referencedTable.schema == old {
          catalog.schemas[s].tables[t].foreignKeys[f].referencedTable.schema = new
        }
      }
    }
    return catalog
  }

  /// What `information_schema` says, one line per table: schema, table, its columns in order,
  /// its foreign keys as `columns->schema.table`.
  static func truth(_ database: String) -> String {
    """
    SET SESSION group_concat_max_len = 1000000;
    SELECT CONCAT_WS('\\t', t.TABLE_SCHEMA, t.TABLE_NAME, c.list, COALESCE(f.list, ''))
    FROM information_schema.TABLES t
    JOIN (SELECT TABLE_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') AS list
          FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '\(database)' GROUP BY TABLE_NAME) c
      ON c.TABLE_NAME = t.TABLE_NAME
    LEFT JOIN (SELECT TABLE_NAME, GROUP_CONCAT(CONCAT(cols, '->', rs, '.', rt) ORDER BY BINARY cols SEPARATOR ';') AS list
               FROM (SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_SCHEMA AS rs, REFERENCED_TABLE_NAME AS rt,
                            GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ',') AS cols
                     FROM information_schema.KEY_COLUMN_USAGE
                     WHERE TABLE_SCHEMA = '\(database)' AND REFERENCED_TABLE_NAME IS NOT NULL
                     GROUP BY TABLE_NAME, CONSTRAINT_NAME, rs, rt) k
               GROUP BY TABLE_NAME) f
      ON f.TABLE_NAME = t.TABLE_NAME
    WHERE t.TABLE_SCHEMA = '\(database)' AND t.TABLE_TYPE = 'BASE TABLE'
    """
  }

  static func lines(_ catalog: Catalog) -> [String] {
    catalog.allTables.map { name, table in
      let fks = table.foreignKeys.map { "\($0.columns.joined(separator: ","))->\($0.referencedTable)" }.sorted()
      return [name.schema, name.name, table.columns.map(\.name).joined(separator: ","), fks.joined(separator: ";")]
        .joined(separator: "\t")
    }.sorted()
  }
}
