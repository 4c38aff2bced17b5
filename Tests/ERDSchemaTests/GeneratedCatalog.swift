import ERDSchema

/// A seeded random generator, so a shuffled or generated catalog is the same on every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generated catalogs for order and size checks: `tables` tables in two schemas (every third in
/// `audit`), each with
/// columns, a key, a foreign key to its predecessor, an index and a check.
enum GeneratedCatalog {
  static func make(tables count: Int) -> Catalog {
    var schemas = [Schema(name: "app"), Schema(name: "audit")]
    for i in 0..<count {
      schemas[i % 3 == 0 ? 1 : 0].tables.append(table(i))
    }
    schemas[0].views = [
      View(name: "v", columns: [Column(name: "id", ordinal: 1, type: "integer")], definition: "SELECT 1")
    ]
    schemas[0].enums = [EnumType(name: "mood", values: ["sad", "ok"])]
    return Catalog(engine: "postgresql", schemas: schemas)
  }

  static func name(_ i: Int) -> QualifiedName { QualifiedName(schema: i % 3 == 0 ? "audit" : "app", name: "t\(i)") }

  static func table(_ i: Int) -> Table {
    var foreignKeys: [ForeignKey] = []
    if i > 0 {
      foreignKeys.append(ForeignKey(columns: ["ref_id"], referencedTable: name(i - 1), referencedColumns: ["id"]))
    }
    return Table(
      name: "t\(i)",
      columns: [
        Column(name: "id", ordinal: 1, type: "integer", nullable: false),
        Column(name: "name", ordinal: 2, type: "text", nullable: false),
        Column(name: "ref_id", ordinal: 3, type: "integer"),
        Column(name: "amount", ordinal: 4, type: "numeric(10,2)", defaultValue: "0"),
        Column(name: "note", ordinal: 5, type: "character varying(100)"),
      ],
      primaryKey: PrimaryKey(columns: ["id"]), foreignKeys: foreignKeys,
      uniqueConstraints: [UniqueConstraint(columns: ["name"])],
      indexes: [Index(name: "t\(i)_ref", keys: [.column("ref_id")])],
      checks: [CheckConstraint(expression: "amount >= 0")])
  }

  /// A copy with one table in twenty changed, four ways in turn: a column dropped, a type
  /// changed, a foreign key added, the table replaced by a new one.
  static func changed(_ catalog: Catalog) -> Catalog {
    var copy = catalog
    for s in copy.schemas.indices {
      copy.schemas[s].tables = copy.schemas[s].tables.map { table in
        guard let i = Int(table.name.dropFirst()) else { return table }
        var t = table
        if renamed(i - 1) { t.foreignKeys[0].referencedTable.name += "_new" }  // the key follows its target
        guard i % 20 == 0 else { return t }
        switch i / 20 % 4 {
        case 0: t.columns.removeLast()
        case 1: t.columns[1].type = "varchar(200)"
        case 2: t.foreignKeys.append(ForeignKey(columns: ["id"], referencedTable: name(0), referencedColumns: ["id"]))
        default: t.name += "_new"  // `renamed(i)`
        }
        return t
      }
    }
    return copy
  }

  private static func renamed(_ i: Int) -> Bool { i >= 0 && i % 20 == 0 && i / 20 % 4 == 3 }

  /// The same catalog with every list the model does not order by meaning shuffled.
  static func shuffled(_ catalog: Catalog, seed: UInt64) -> Catalog {
    var rng = SplitMix64(state: seed)
    var copy = catalog
    copy.schemas.shuffle(using: &rng)
    for s in copy.schemas.indices {
      copy.schemas[s].views.shuffle(using: &rng)
      copy.schemas[s].enums.shuffle(using: &rng)
      copy.schemas[s].domains.shuffle(using: &rng)
      copy.schemas[s].tables.shuffle(using: &rng)
      for t in copy.schemas[s].tables.indices {
        copy.schemas[s].tables[t].columns.shuffle(using: &rng)
        copy.schemas[s].tables[t].foreignKeys.shuffle(using: &rng)
        copy.schemas[s].tables[t].uniqueConstraints.shuffle(using: &rng)
        copy.schemas[s].tables[t].indexes.shuffle(using: &rng)
        copy.schemas[s].tables[t].checks.shuffle(using: &rng)
      }
    }
    return copy
  }
}
