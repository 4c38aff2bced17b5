extension SchemaChange {
  /// One short line per change, for `--check` listings and terminals: `+ table newcomer`,
  /// `− column legacy.note`, `~ column customer.email: type varchar(100) → varchar(200)`,
  /// `+ foreign key order(customer_id) → customer(id)`.
  ///
  /// Names are qualified by their schema only when a catalog has several; a name that is not a
  /// plain identifier is double-quoted, and control characters are escaped, so one change is one
  /// line whatever the names hold.
  public var lines: [String] { changes.map(line) }

  /// The line for one change of this list.
  public func line(_ change: Change) -> String {
    let phrase = phrase(change)
    return "\(phrase.sign) \(phrase.kind) \(phrase.subject)" + (phrase.detail.map { ": " + $0 } ?? "")
  }

  /// One change in the parts of its line, for renderers that lay them out (a Markdown table).
  public func phrase(_ change: Change) -> Phrase {
    let (kind, subject) = ChangeLineWriter(showsSchemas: showsSchemas).subject(change)
    switch change.action {
    case .added: return Phrase(sign: "+", kind: kind, subject: subject)
    case .removed: return Phrase(sign: "\u{2212}", kind: kind, subject: subject)
    case .renamed(let from):
      return Phrase(
        sign: "~", kind: kind, subject: subject, detail: "renamed from \(ChangeLineWriter.identifier(from))")
    case .changed(let attribute, let old, let new):
      return Phrase(
        sign: "~", kind: kind, subject: subject, detail: ChangeLineWriter.detail(attribute, old: old, new: new))
    }
  }

  /// A change line in parts: `+`, `−` or `~`; what sort of thing (`column`, `foreign key`); which
  /// one (`order.note`, `order(customer_id) → customer(id)`); and for a change or rename, how.
  public struct Phrase: Hashable, Sendable {
    public var sign: String
    public var kind: String
    public var subject: String
    public var detail: String?

    public init(sign: String, kind: String, subject: String, detail: String? = nil) {
      self.sign = sign
      self.kind = kind
      self.subject = subject
      self.detail = detail
    }
  }
}

/// Spells the parts of a change line.
struct ChangeLineWriter {
  var showsSchemas: Bool

  /// What changed, as its kind and its name: (`table`, `order`), (`column`, `order.note`),
  /// (`index`, `product_sku on product(sku)`).
  func subject(_ change: SchemaChange.Change) -> (kind: String, name: String) {
    let owner = name(change.object.name)
    switch change.element {
    case .object: return (change.object.kind.rawValue, owner)
    case .column(let column): return ("column", "\(owner).\(Self.identifier(column.name))")
    case .primaryKey(let key):
      // A changed key's line shows both column lists after the colon.
      if case .changed = change.action { return ("primary key", owner) }
      return ("primary key", "\(owner)\(Self.columns(key.columns))")
    case .foreignKey(let key):
      let target = key.referencedColumns.isEmpty ? "" : Self.columns(key.referencedColumns)
      return ("foreign key", "\(owner)\(Self.columns(key.columns)) → \(name(key.referencedTable))" + target)
    case .unique(let unique): return ("unique", "\(owner)\(Self.columns(unique.columns))")
    case .index(let index):
      var text = "\(Self.identifier(index.name)) on \(owner)(\(Self.clipped(index.keysText)))"
      if let predicate = index.predicate { text += " where " + Self.clipped(predicate) }
      if let method = index.method { text += " using " + Self.clipped(method) }
      return (index.unique ? "unique index" : "index", text)
    case .check(let check): return ("check", "on \(owner): \(Self.clipped(check.expression))")
    case .exclusion(let exclusion): return ("exclusion", "on \(owner): \(Self.clipped(exclusion.definition))")
    case .privilege(let grant):
      let columns = grant.columns.isEmpty ? "" : " " + Self.columns(grant.columns)
      let text = "\(grant.privileges.joined(separator: ", "))\(columns) on \(owner) to \(Self.identifier(grant.role))"
      return ("grant", text + (grant.grantable ? " with grant option" : ""))
    case .policy(let policy): return ("policy", "\(Self.identifier(policy.name)) on \(owner)")
    }
  }

  private func name(_ name: QualifiedName) -> String {
    let table = Self.identifier(name.name)
    return showsSchemas && !name.schema.isEmpty ? "\(Self.identifier(name.schema)).\(table)" : table
  }

  /// `type varchar(100) → varchar(200)`; nullability and flags read as words (`null → not null`).
  static func detail(_ attribute: SchemaChange.Attribute, old: SchemaChange.Value, new: SchemaChange.Value) -> String {
    switch attribute {
    case .nullable, .materialized, .deferrable, .permissive:
      return "\(value(old, attribute)) → \(value(new, attribute))"
    case .definition: return "definition changed"
    default: return "\(label(attribute)) \(value(old, attribute)) → \(value(new, attribute))"
    }
  }

  private static func label(_ attribute: SchemaChange.Attribute) -> String {
    switch attribute {
    case .baseType: return "base type"
    case .onDelete: return "on delete"
    case .onUpdate: return "on update"
    case .rowLevelSecurity: return "row level security"
    case .withCheck: return "with check"
    default: return attribute.rawValue
    }
  }

  private static func value(_ value: SchemaChange.Value, _ attribute: SchemaChange.Attribute) -> String {
    switch value {
    case .none: return "none"
    case .flag(let on):
      switch attribute {
      case .nullable: return on ? "null" : "not null"
      case .materialized: return on ? "materialized" : "not materialized"
      case .permissive: return on ? "permissive" : "restrictive"
      default: return on ? "yes" : "no"
      }
    case .text(let text):
      let actions: Set<SchemaChange.Attribute> = [.onDelete, .onUpdate]
      return clipped(actions.contains(attribute) ? text.lowercased() : text)
    case .list(let items): return "(" + clipped(items.joined(separator: ", ")) + ")"
    }
  }

  private static func columns(_ names: [String]) -> String {
    "(" + names.map(identifier).joined(separator: ", ") + ")"
  }

  /// A name as written when it is a plain identifier (letters, digits, `_`), else double-quoted.
  static func identifier(_ name: String) -> String {
    let plain =
      !name.isEmpty && name.first?.isNumber == false
      && name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    return plain ? name : "\"" + escaped(String(name.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] })) + "\""
  }

  /// SQL text on one line and at most 80 characters: long checks and comments end in `…`.
  static func clipped(_ text: String) -> String {
    let line = escaped(SQLText.collapsed(text))
    return line.count <= 80 ? line : line.prefix(79) + "…"
  }

  /// Control characters as `\n`, `\u{1b}`: a line is one line, and a name cannot drive a terminal.
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
  }
}
