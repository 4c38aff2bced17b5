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
    for field in message {
      switch field.number {
      case 2: schema = field.string.isEmpty ? nil : field.string
      case 3: name = field.string
      case 5: persistence = field.string
      case 6: alias = field.message.field(1)?.string
      case 7: location = field.int
      default: break
      }
    }
  }
}

/// A `Constraint` node: a column or table constraint, or a domain's.
struct PgConstraint {
  enum Kind: Int {
    case null = 1, notNull, defaultValue, identity, generated, check, primaryKey, unique, exclusion, foreignKey
    case deferrable, notDeferrable, initiallyDeferred, initiallyImmediate
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
    for field in message {
      switch field.number {
      case 1: kind = Kind(rawValue: field.int)
      case 2: name = field.string.isEmpty ? nil : field.string
      case 3: deferrable = field.bool
      case 4: initiallyDeferred = field.bool
      case 5: location = field.int
      case 7: expression = field.node
      case 9: generatedWhen = field.string
      case 10: nullsNotDistinct = field.bool
      case 11: if let s = field.node?.string { keys.append(s) }
      case 13:
        if let element = field.node?.listItems.first, element.tag == .indexElem {
          let name = element.body.field(1)?.string ?? ""
          excludedColumns.append(name.isEmpty ? "expr" : name)
        }
      case 20: referenced = PgRangeVar(field.message)
      case 21: if let s = field.node?.string { columns.append(s) }
      case 22: if let s = field.node?.string { referencedColumns.append(s) }
      case 23: match = field.string
      case 24: onUpdate = field.string
      case 25: onDelete = field.string
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
