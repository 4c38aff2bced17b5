import ERDSchema

/// A `RangeVar`: a table or view named in a statement.
struct PgRangeVar {
  var schema: String?
  var name = ""
  /// `p` permanent, `u` unlogged, `t` temporary.
  var persistence = "p"
  var alias: String?
  var location = 0

  init(_ message: PgMessage) {
    location = message.base
    for field in message {
      switch field.number {
      case Pg.RangeVar.schemaname: schema = field.string.isEmpty ? nil : field.string
      case Pg.RangeVar.relname: name = field.string
      case Pg.RangeVar.relpersistence: persistence = field.string
      case Pg.RangeVar.alias: alias = field.message.field(Pg.Alias.aliasname)?.string
      case Pg.RangeVar.location: location = field.location
      default: break
      }
    }
  }
}

/// A `Constraint` node: a column or table constraint, or a domain's.
struct PgConstraint {
  enum Kind {
    case null, notNull, defaultValue, identity, generated, check, primaryKey, unique, exclusion, foreignKey
    case deferrable, notDeferrable, initiallyDeferred, initiallyImmediate

    /// pg_query.proto's `ConstrType` values.
    static let byConstrType: [Int: Kind] = [
      Pg.ConstrType.constrNull: .null, Pg.ConstrType.constrNotnull: .notNull,
      Pg.ConstrType.constrDefault: .defaultValue, Pg.ConstrType.constrIdentity: .identity,
      Pg.ConstrType.constrGenerated: .generated, Pg.ConstrType.constrCheck: .check,
      Pg.ConstrType.constrPrimary: .primaryKey, Pg.ConstrType.constrUnique: .unique,
      Pg.ConstrType.constrExclusion: .exclusion, Pg.ConstrType.constrForeign: .foreignKey,
      Pg.ConstrType.constrAttrDeferrable: .deferrable, Pg.ConstrType.constrAttrNotDeferrable: .notDeferrable,
      Pg.ConstrType.constrAttrDeferred: .initiallyDeferred, Pg.ConstrType.constrAttrImmediate: .initiallyImmediate,
    ]
  }

  var kind: Kind?
  var name: String?
  var deferrable = false
  var initiallyDeferred = false
  var location = 0
  var expression: PgNode?
  /// `a` for GENERATED ALWAYS, `d` for BY DEFAULT.
  var generatedWhen = ""
  var nullsNotDistinct = false
  var keys: [String] = []
  /// The columns of an `EXCLUDE` constraint's elements (`expr` for expressions).
  var excludedColumns: [String] = []
  var referenced: PgRangeVar?
  var columns: [String] = []
  var referencedColumns: [String] = []
  var match = ""
  var onUpdate = ""
  var onDelete = ""

  init(_ message: PgMessage) {
    location = message.base
    for field in message {
      switch field.number {
      case Pg.Constraint.contype: kind = Kind.byConstrType[field.int]
      case Pg.Constraint.conname: name = field.string.isEmpty ? nil : field.string
      case Pg.Constraint.deferrable: deferrable = field.bool
      case Pg.Constraint.initdeferred: initiallyDeferred = field.bool
      case Pg.Constraint.location: location = field.location
      case Pg.Constraint.rawExpr: expression = field.node
      case Pg.Constraint.generatedWhen: generatedWhen = field.string
      case Pg.Constraint.nullsNotDistinct: nullsNotDistinct = field.bool
      case Pg.Constraint.keys: if let s = field.node?.string { keys.append(s) }
      case Pg.Constraint.exclusions:
        if let element = field.node?.listItems.first, element.tag == .indexElem {
          let name = element.body.field(Pg.IndexElem.name)?.string ?? ""
          excludedColumns.append(name.isEmpty ? "expr" : name)
        }
      case Pg.Constraint.pktable: referenced = PgRangeVar(field.message)
      case Pg.Constraint.fkAttrs: if let s = field.node?.string { columns.append(s) }
      case Pg.Constraint.pkAttrs: if let s = field.node?.string { referencedColumns.append(s) }
      case Pg.Constraint.fkMatchtype: match = field.string
      case Pg.Constraint.fkUpdAction: onUpdate = field.string
      case Pg.Constraint.fkDelAction: onDelete = field.string
      default: break
      }
    }
  }
}

extension ReferentialAction {
  /// libpg_query's one-letter action codes.
  init(pgCode: String) {
    switch pgCode {
    case "r": self = .restrict
    case "c": self = .cascade
    case "n": self = .setNull
    case "d": self = .setDefault
    default: self = .noAction
    }
  }
}
