import ERDSchema
import Testing

/// A small catalog that has one of everything a change can touch.
let changeBase = Catalog(
  engine: "postgresql",
  schemas: [
    Schema(
      name: "public",
      tables: [
        Table(
          name: "customer",
          columns: [
            Column(name: "id", ordinal: 1, type: "integer", nullable: false),
            Column(name: "email", ordinal: 2, type: "varchar(100)", nullable: false),
            Column(name: "note", ordinal: 3, type: "text"),
          ],
          primaryKey: PrimaryKey(name: "customer_pkey", columns: ["id"]),
          uniqueConstraints: [UniqueConstraint(name: "customer_email_key", columns: ["email"])],
          indexes: [Index(name: "customer_note", keys: [.column("note")])],
          checks: [CheckConstraint(name: "customer_email_check", expression: "length(email) > 3")],
          comment: "people"),
        Table(
          name: "order",
          columns: [
            Column(name: "id", ordinal: 1, type: "integer", nullable: false),
            Column(name: "customer_id", ordinal: 2, type: "integer", nullable: false),
            Column(name: "total", ordinal: 3, type: "numeric(10,2)", defaultValue: "0"),
          ],
          primaryKey: PrimaryKey(columns: ["id"]),
          foreignKeys: [
            ForeignKey(
              name: "order_customer_fk", columns: ["customer_id"],
              referencedTable: QualifiedName(schema: "public", name: "customer"), referencedColumns: ["id"])
          ]),
        Table(
          name: "legacy",
          columns: [
            Column(name: "id", ordinal: 1, type: "integer"), Column(name: "payload", ordinal: 2, type: "text"),
          ]),
      ],
      views: [
        View(
          name: "order_total", columns: [Column(name: "id", ordinal: 1, type: "integer")],
          definition: "SELECT id FROM \"order\"")
      ],
      enums: [EnumType(name: "mood", values: ["sad", "ok"])],
      domains: [Domain(name: "address", baseType: "text", checks: [CheckConstraint(expression: "VALUE <> ''")])])
  ])

extension Catalog {
  /// A copy with `edit` applied to the table `name` of the first schema.
  func editing(table name: String, _ edit: (inout Table) -> Void) -> Catalog {
    var copy = self
    if let i = copy.schemas[0].tables.firstIndex(where: { $0.name == name }) { edit(&copy.schemas[0].tables[i]) }
    return copy
  }

  func editing(_ edit: (inout Schema) -> Void) -> Catalog {
    var copy = self
    edit(&copy.schemas[0])
    return copy
  }
}

/// One case: a new catalog made from `changeBase` and the lines the change from the base reads as.
struct ChangeCase: Sendable, CustomTestStringConvertible {
  var name: String
  var new: Catalog
  var lines: [String]
  var testDescription: String { name }

  init(_ name: String, _ new: Catalog, _ lines: [String]) {
    self.name = name
    self.new = new
    self.lines = lines
  }
}

let customerFK = ForeignKey(
  columns: ["customer_id"], referencedTable: QualifiedName(schema: "public", name: "customer"),
  referencedColumns: ["id"])

let tableCases: [ChangeCase] = [
  ChangeCase("nothing", changeBase, []),
  ChangeCase("table added", changeBase.editing { $0.tables.append(Table(name: "newcomer")) }, ["+ table newcomer"]),
  ChangeCase("table removed", changeBase.editing { $0.tables.removeAll { $0.name == "legacy" } }, ["− table legacy"]),
  ChangeCase(
    "table comment", changeBase.editing(table: "customer") { $0.comment = "customers" },
    ["~ table customer: comment people → customers"]),
  ChangeCase(
    "table kind", changeBase.editing(table: "legacy") { $0.kind = .partitioned },
    ["~ table legacy: kind table → partitioned"]),
  ChangeCase(
    "triggers and partitions are not compared",
    changeBase.editing(table: "legacy") {
      $0.triggers = [Trigger(name: "t")]
      $0.partitionKey = "RANGE (id)"
    }, []),
]

let columnCases: [ChangeCase] = [
  ChangeCase(
    "column added",
    changeBase.editing(table: "order") { $0.columns.append(Column(name: "note", ordinal: 4, type: "text")) },
    ["+ column order.note"]),
  ChangeCase(
    "column removed with its index",
    changeBase.editing(table: "customer") {
      $0.columns.removeLast()
      $0.indexes = []
    },
    ["− column customer.note", "− index customer_note on customer(note)"]),
  ChangeCase(
    "column type", changeBase.editing(table: "customer") { $0.columns[1].type = "varchar(200)" },
    ["~ column customer.email: type varchar(100) → varchar(200)"]),
  ChangeCase(
    "type spelled in another case", changeBase.editing(table: "customer") { $0.columns[1].type = "VARCHAR (100)" },
    []),
  ChangeCase(
    "nullability", changeBase.editing(table: "customer") { $0.columns[2].nullable = false },
    ["~ column customer.note: null → not null"]),
  ChangeCase(
    "default", changeBase.editing(table: "order") { $0.columns[2].defaultValue = "1" },
    ["~ column order.total: default 0 → 1"]),
  ChangeCase(
    "default dropped", changeBase.editing(table: "order") { $0.columns[2].defaultValue = nil },
    ["~ column order.total: default 0 → none"]),
  ChangeCase(
    "identity", changeBase.editing(table: "customer") { $0.columns[0].identity = .always },
    ["~ column customer.id: identity none → always"]),
  ChangeCase(
    "generated",
    changeBase.editing(table: "order") {
      $0.columns[2].generated = GeneratedColumn(expression: "id * 2", stored: true)
    },
    ["~ column order.total: generated none → id * 2 stored"]),
  ChangeCase(
    "column comment", changeBase.editing(table: "customer") { $0.columns[2].comment = "free\ntext" },
    [#"~ column customer.note: comment none → free text"#]),
  ChangeCase(
    "several attributes of one column",
    changeBase.editing(table: "customer") {
      $0.columns[2].type = "varchar(10)"
      $0.columns[2].nullable = false
    },
    ["~ column customer.note: type text → varchar(10)", "~ column customer.note: null → not null"]),
  ChangeCase(
    "ordinal and collation are not compared",
    changeBase.editing(table: "customer") {
      $0.columns[2].ordinal = 9
      $0.columns[2].collation = "C"
    }, []),
]

let keyCases: [ChangeCase] = [
  ChangeCase(
    "primary key changed",
    changeBase.editing(table: "customer") { $0.primaryKey = PrimaryKey(columns: ["id", "email"]) },
    ["~ primary key customer: columns (id) → (id, email)"]),
  ChangeCase("primary key renamed only", changeBase.editing(table: "customer") { $0.primaryKey?.name = "pk" }, []),
  ChangeCase(
    "primary key removed", changeBase.editing(table: "order") { $0.primaryKey = nil },
    ["− primary key order(id)"]),
  ChangeCase(
    "primary key added", changeBase.editing(table: "legacy") { $0.primaryKey = PrimaryKey(columns: ["id"]) },
    ["+ primary key legacy(id)"]),
  ChangeCase(
    "foreign key added",
    changeBase.editing(table: "legacy") {
      $0.foreignKeys = [
        ForeignKey(
          columns: ["id"], referencedTable: QualifiedName(schema: "public", name: "order"), referencedColumns: ["id"])
      ]
    },
    ["+ foreign key legacy(id) → order(id)"]),
  ChangeCase(
    "foreign key removed", changeBase.editing(table: "order") { $0.foreignKeys = [] },
    ["− foreign key order(customer_id) → customer(id)"]),
  ChangeCase(
    "foreign key matched by definition, not name",
    changeBase.editing(table: "order") { $0.foreignKeys = [customerFK] }, []),
  ChangeCase(
    "foreign key with its target columns left out (the primary key)",
    changeBase.editing(table: "order") { $0.foreignKeys[0].referencedColumns = [] }, []),
  ChangeCase(
    "foreign key actions",
    changeBase.editing(table: "order") {
      $0.foreignKeys[0].onDelete = .cascade
      $0.foreignKeys[0].deferrable = true
    },
    [
      "~ foreign key order(customer_id) → customer(id): on delete no action → cascade",
      "~ foreign key order(customer_id) → customer(id): not deferrable → deferrable",
    ]),
  ChangeCase(
    "foreign key to another column is another key",
    changeBase.editing(table: "order") { $0.foreignKeys[0].referencedColumns = ["email"] },
    ["+ foreign key order(customer_id) → customer(email)", "− foreign key order(customer_id) → customer(id)"]),
  ChangeCase(
    "unique added",
    changeBase.editing(table: "customer") { $0.uniqueConstraints.append(UniqueConstraint(columns: ["note", "id"])) },
    ["+ unique customer(note, id)"]),
  ChangeCase(
    "unique removed", changeBase.editing(table: "customer") { $0.uniqueConstraints = [] },
    ["− unique customer(email)"]),
]

let indexAndCheckCases: [ChangeCase] = [
  ChangeCase("index renamed only", changeBase.editing(table: "customer") { $0.indexes[0].name = "ix_note" }, []),
  ChangeCase(
    "index method btree is the default", changeBase.editing(table: "customer") { $0.indexes[0].method = "BTREE" },
    []),
  ChangeCase(
    "index made unique", changeBase.editing(table: "customer") { $0.indexes[0].unique = true },
    ["− index customer_note on customer(note)", "+ unique index customer_note on customer(note)"]),
  ChangeCase(
    "index gains a predicate and a method",
    changeBase.editing(table: "customer") {
      $0.indexes[0].predicate = "note IS NOT NULL"
      $0.indexes[0].method = "gin"
    },
    [
      "− index customer_note on customer(note)",
      "+ index customer_note on customer(note) where note IS NOT NULL using gin",
    ]),
  ChangeCase(
    "expression index added",
    changeBase.editing(table: "customer") {
      $0.indexes.append(Index(name: "lower_email", keys: [.expression("lower(email)")]))
    },
    ["+ index lower_email on customer(lower(email))"]),
  ChangeCase(
    "check added",
    changeBase.editing(table: "order") { $0.checks.append(CheckConstraint(name: "c", expression: "total >= 0")) },
    ["+ check on order: total >= 0"]),
  ChangeCase(
    "check removed", changeBase.editing(table: "customer") { $0.checks = [] },
    ["− check on customer: length(email) > 3"]),
  ChangeCase(
    "check respaced and renamed",
    changeBase.editing(table: "customer") { $0.checks = [CheckConstraint(expression: "length(email)  >  3")] }, []),
  ChangeCase(
    "exclusion added",
    changeBase.editing(table: "order") {
      $0.exclusions = [ExclusionConstraint(definition: "EXCLUDE USING gist (id WITH =)")]
    },
    ["+ exclusion on order: EXCLUDE USING gist (id WITH =)"]),
]

let otherObjectCases: [ChangeCase] = [
  ChangeCase("view added", changeBase.editing { $0.views.append(View(name: "v")) }, ["+ view v"]),
  ChangeCase("view removed", changeBase.editing { $0.views = [] }, ["− view order_total"]),
  ChangeCase(
    "view definition", changeBase.editing { $0.views[0].definition = "SELECT 1 AS id" },
    ["~ view order_total: definition changed"]),
  ChangeCase(
    "view definition respaced", changeBase.editing { $0.views[0].definition = "SELECT id\n  FROM \"order\"" }, []),
  ChangeCase(
    "view columns",
    changeBase.editing { $0.views[0].columns.append(Column(name: "total", ordinal: 2, type: "numeric")) },
    ["~ view order_total: columns (id integer) → (id integer, total numeric)"]),
  ChangeCase(
    "view materialized", changeBase.editing { $0.views[0].materialized = true },
    ["~ view order_total: not materialized → materialized"]),
  ChangeCase(
    "enum added", changeBase.editing { $0.enums.append(EnumType(name: "size", values: ["s"])) }, ["+ enum size"]),
  ChangeCase("enum removed", changeBase.editing { $0.enums = [] }, ["− enum mood"]),
  ChangeCase(
    "enum values", changeBase.editing { $0.enums[0].values.append("happy") },
    ["~ enum mood: values (sad, ok) → (sad, ok, happy)"]),
  ChangeCase(
    "enum values reordered", changeBase.editing { $0.enums[0].values = ["ok", "sad"] },
    ["~ enum mood: values (sad, ok) → (ok, sad)"]),
  ChangeCase(
    "domain added", changeBase.editing { $0.domains.append(Domain(name: "d", baseType: "int")) }, ["+ domain d"]),
  ChangeCase("domain removed", changeBase.editing { $0.domains = [] }, ["− domain address"]),
  ChangeCase(
    "domain base type", changeBase.editing { $0.domains[0].baseType = "varchar(200)" },
    ["~ domain address: base type text → varchar(200)"]),
  ChangeCase(
    "domain checks", changeBase.editing { $0.domains[0].checks = [] },
    ["~ domain address: checks (VALUE <> '') → ()"]),
  ChangeCase(
    "domain not null", changeBase.editing { $0.domains[0].nullable = false },
    ["~ domain address: null → not null"]),
]

@Suite struct SchemaChangeTests {
  @Test(arguments: tableCases + columnCases + keyCases + indexAndCheckCases + otherObjectCases)
  func reportsEachKindOfChange(_ c: ChangeCase) {
    let change = SchemaChange(from: changeBase, to: c.new)
    #expect(change.lines == c.lines)
    #expect(change.isEmpty == c.lines.isEmpty)
    // The reverse change lists the same things, removals for additions.
    #expect(SchemaChange(from: c.new, to: changeBase).changes.count == change.changes.count)
  }

  @Test func aCatalogAgainstItselfIsNoChange() {
    for catalog in [changeBase, everyField, Catalog()] {
      let change = SchemaChange(from: catalog, to: catalog)
      #expect(change.isEmpty)
      #expect(change.summary.description == "no change")
      #expect(change.json["summary"]?["total"] == .int(0))
    }
  }

  @Test func summaryCountsThingsNotAttributes() {
    let new =
      changeBase
      .editing {
        $0.tables.append(Table(name: "a"))
        $0.tables.append(Table(name: "b"))
      }
      .editing { $0.tables.removeAll { $0.name == "legacy" } }
      .editing(table: "customer") {
        $0.columns[2].type = "varchar(10)"
        $0.columns[2].nullable = false
        $0.columns[1].type = "text"
      }
      .editing(table: "order") {
        $0.foreignKeys.append(
          ForeignKey(
            columns: ["id"], referencedTable: QualifiedName(schema: "public", name: "a"), referencedColumns: []))
      }
    let summary = SchemaChange(from: changeBase, to: new).summary
    #expect(summary.description == "+2 tables, −1 table, 2 columns changed, +1 foreign key")
    #expect(summary.counts[.columns] == SchemaChange.Counts(changed: 2))
    #expect(summary.counts[.views] == nil)
  }
}
