import ERDSchema
import Testing

/// How names are matched: renames when asked, folding per engine, type spellings, schema pairing.
@Suite struct SchemaChangeMatchingTests {
  struct RenameCase: Sendable, CustomTestStringConvertible {
    var name: String
    var new: Catalog
    var without: [String]
    var with: [String]
    var testDescription: String { name }
  }

  static let renameCases: [RenameCase] = [
    RenameCase(
      name: "table with the same columns",
      new: changeBase.editing(table: "legacy") { $0.name = "archive" },
      without: ["+ table archive", "− table legacy"], with: ["~ table archive: renamed from legacy"]),
    RenameCase(
      name: "renamed table keeps the foreign keys to it",
      new: changeBase.editing(table: "customer") { $0.name = "client" }
        .editing(table: "order") { $0.foreignKeys[0].referencedTable.name = "client" },
      without: [
        "+ table client", "− table customer", "+ foreign key order(customer_id) → client(id)",
        "− foreign key order(customer_id) → customer(id)",
      ],
      with: ["~ table client: renamed from customer"]),
    RenameCase(
      name: "table whose columns differ is not a rename",
      new: changeBase.editing(table: "legacy") {
        $0.name = "archive"
        $0.columns[1].type = "jsonb"
      },
      without: ["+ table archive", "− table legacy"], with: ["+ table archive", "− table legacy"]),
    RenameCase(
      name: "two candidates are no guess",
      new: changeBase.editing { schema in
        schema.tables.removeAll { $0.name == "legacy" }
        let columns = [
          Column(name: "id", ordinal: 1, type: "integer"), Column(name: "payload", ordinal: 2, type: "text"),
        ]
        schema.tables += [Table(name: "a", columns: columns), Table(name: "b", columns: columns)]
      },
      without: ["+ table a", "+ table b", "− table legacy"], with: ["+ table a", "+ table b", "− table legacy"]),
    RenameCase(
      name: "column of the same type",
      new: changeBase.editing(table: "customer") {
        $0.columns[2].name = "remark"
        $0.indexes[0].keys = [.column("remark")]
      },
      without: [
        "− column customer.note", "+ column customer.remark", "− index customer_note on customer(note)",
        "+ index customer_note on customer(remark)",
      ],
      with: ["~ column customer.remark: renamed from note"]),
    RenameCase(
      name: "renamed column keeps its key and foreign keys to it",
      new: changeBase.editing(table: "customer") {
        $0.columns[0].name = "customer_no"
        $0.primaryKey?.columns = ["customer_no"]
      }
      .editing(table: "order") { $0.foreignKeys[0].referencedColumns = ["customer_no"] },
      without: [
        "+ column customer.customer_no", "− column customer.id",
        "~ primary key customer: columns (id) → (customer_no)",
        "+ foreign key order(customer_id) → customer(customer_no)",
        "− foreign key order(customer_id) → customer(id)",
      ],
      with: ["~ column customer.customer_no: renamed from id"]),
    RenameCase(
      name: "renamed column whose type changed too is no guess",
      new: changeBase.editing(table: "customer") {
        $0.columns[2].name = "remark"
        $0.columns[2].type = "jsonb"
        $0.indexes = []
      },
      without: ["− column customer.note", "+ column customer.remark", "− index customer_note on customer(note)"],
      with: ["− column customer.note", "+ column customer.remark", "− index customer_note on customer(note)"]),
  ]

  @Test(arguments: renameCases)
  func guessesRenamesOnlyWhenAsked(_ c: RenameCase) {
    #expect(SchemaChange(from: changeBase, to: c.new).lines == c.without)
    #expect(SchemaChange(from: changeBase, to: c.new, options: .init(renames: true)).lines == c.with)
  }

  @Test func renamesAreCountedAndMarked() {
    let new = changeBase.editing(table: "legacy") {
      $0.name = "archive"
      $0.comment = "old rows"
    }
    let change = SchemaChange(from: changeBase, to: new, options: .init(renames: true))
    #expect(change.lines == ["~ table archive: renamed from legacy", "~ table archive: comment none → old rows"])
    #expect(change.summary.description == "1 table renamed, 1 table changed")
    let tables = change.objects(.table)
    #expect(tables.changed == [QualifiedName(schema: "public", name: "archive")])
    #expect(tables.renamedFrom == [QualifiedName(schema: "public", name: "archive"): "legacy"])
    #expect(change.json["changes"]?.arrayValue?.first?["from"] == .string("legacy"))
  }

  // MARK: Folding

  @Test(
    arguments: [
      ("postgresql", "postgresql", NameFolding.exact), ("sqlite", "sqlite", .caseInsensitive),
      ("mysql", "mysql", .caseInsensitive), ("mariadb", "mariadb", .caseInsensitive),
      ("mssql", "mssql", .caseInsensitive),
      ("postgresql", "sqlite", .caseInsensitive), ("postgresql", nil, .caseInsensitive), (nil, nil, .exact),
      ("PostgreSQL", "postgresql", .exact),
    ] as [(String?, String?, NameFolding)])
  func foldsAsTheEnginesDo(old: String?, new: String?, folding: NameFolding) {
    #expect(NameFolding.forEngines(old, new) == folding)
  }

  /// `Customer.Email` against `customer.email`: one table and column for every engine but PostgreSQL.
  @Test(arguments: ["postgresql", "sqlite", "mysql", "mariadb", "mssql"])
  func matchesNamesAsTheEngineFoldsThem(engine: String) {
    func catalog(_ table: String, _ column: String) -> Catalog {
      Catalog(
        engine: engine,
        schemas: [
          Schema(name: "s", tables: [Table(name: table, columns: [Column(name: column, ordinal: 1, type: "text")])])
        ])
    }
    let change = SchemaChange(from: catalog("Customer", "Email"), to: catalog("customer", "email"))
    if engine == "postgresql" {
      #expect(change.lines == ["− table Customer", "+ table customer"])
    } else {
      #expect(change.isEmpty, "\(change.lines)")
    }
    let columnOnly = SchemaChange(from: catalog("customer", "Email"), to: catalog("customer", "email"))
    #expect(columnOnly.isEmpty == (engine != "postgresql"))
  }

  @Test func explicitFoldingWins() {
    let old = Catalog(engine: "postgresql", schemas: [Schema(name: "s", tables: [Table(name: "T")])])
    let new = Catalog(engine: "postgresql", schemas: [Schema(name: "s", tables: [Table(name: "t")])])
    #expect(SchemaChange(from: old, to: new, options: .init(folding: .caseInsensitive)).isEmpty)
    #expect(SchemaChange(from: old, to: new).folding == .exact)
  }

  /// PostgreSQL's `Order` and `order` against MySQL DDL's one `order`: deterministic, nothing lost.
  @Test func namesThatFoldAlikeStayDistinct() {
    let old = Catalog(
      engine: "postgresql", schemas: [Schema(name: "app", tables: [Table(name: "order"), Table(name: "Order")])])
    let new = Catalog(engine: "mysql", schemas: [Schema(name: "app", tables: [Table(name: "ORDER")])])
    #expect(SchemaChange(from: old, to: new).lines == ["− table order"])
  }

  // MARK: Types and schemas

  @Test(arguments: [
    ("VARCHAR(200)", "varchar(200)", true), ("numeric(10, 2)", "NUMERIC (10,2)", true), ("int4", "integer", true),
    ("INT", "integer", true), ("int8", "bigint", true), ("bool", "boolean", true),
    ("varchar(20)", "character varying(20)", true), ("float8", "double  precision", true), ("int[]", "integer[]", true),
    ("timestamptz", "timestamp with time zone", true), ("decimal(8,2)", "numeric(8,2)", true),
    ("text", "varchar", false), ("timestamp", "timestamptz", false), ("varchar(20)", "varchar(21)", false),
    ("integer", "bigint", false), ("serial", "integer", false), ("", "text", false),
  ])
  func comparesTypesAfterNormalising(a: String, b: String, same: Bool) {
    #expect((SQLText.typeKey(a) == SQLText.typeKey(b)) == same)
  }

  /// ASCII text takes a byte-level path, other text the `Character` one: both give the same keys.
  @Test(arguments: [
    ("NUMERIC ( 10 , 2 )", "numeric(10,2)"), ("NUMÉRIC ( 10 , 2 )", "numéric(10,2)"),
    ("character  VARYING(20)", "character varying(20)"), ("character\tvaryinG (20) ", "character varying(20)"),
    ("Caractère  VARYING ( 20 )", "caractère varying(20)"), (" int ", "integer"), ("\nINT4[ ]", "integer[]"),
    ("text", "text"), ("", ""),
  ])
  func typeKeys(type: String, key: String) {
    #expect(SQLText.typeKey(type) == key)
  }

  @Test(arguments: [
    ("  a\n  + B ", "a + B"), ("é  +\t'X'", "é + 'X'"), ("lower( name )", "lower( name )"), ("x", "x"), (" ", ""),
    // Quotes an identifier does not need (a DDL file's "line_no", PostgreSQL's line_no) are dropped;
    // needed ones and string literals stay.
    ("\"line_no\" >= 0", "line_no >= 0"), ("\"Line\" >= 0", "\"Line\" >= 0"), ("'\"x\"' = \"x\"", "'\"x\"' = x"),
    ("\"a b\" > \"_c1\"", "\"a b\" > _c1"), ("\"1a\" = \"é\"", "\"1a\" = \"é\""),
  ])
  func expressionKeys(expression: String, key: String) {
    #expect(SQLText.expressionKey(expression) == key)
  }

  @Test func pairsTheOnlySchemaOfEachCatalog() {
    let old = Catalog(engine: "sqlite", schemas: [Schema(name: "main", tables: [Table(name: "t")])])
    let new = Catalog(engine: "mysql", schemas: [Schema(name: "app", tables: [Table(name: "t")])])
    #expect(SchemaChange(from: old, to: new).isEmpty)
    #expect(
      SchemaChange(from: old, to: new, options: .init(pairSingleSchemas: false)).lines == ["+ table t", "− table t"])
  }

  @Test func qualifiesNamesWhenThereAreSeveralSchemas() {
    let old = Catalog(engine: "postgresql", schemas: [Schema(name: "a"), Schema(name: "b")])
    var new = old
    new.schemas[1].tables = [Table(name: "t", columns: [Column(name: "x", ordinal: 1, type: "int")])]
    new.schemas[0].tables = [
      Table(
        name: "u",
        foreignKeys: [
          ForeignKey(columns: ["x"], referencedTable: .init(schema: "b", name: "t"), referencedColumns: ["x"])
        ])
    ]
    #expect(SchemaChange(from: old, to: new).lines == ["+ table a.u", "+ table b.t"])
    let addedKey = SchemaChange(from: new.editing(table: "u") { $0.foreignKeys = [] }, to: new)
    #expect(addedKey.lines == ["+ foreign key a.u(x) → b.t(x)"])
  }
}
