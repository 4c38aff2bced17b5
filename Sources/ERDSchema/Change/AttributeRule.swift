/// One attribute of a model value that a change reports: how to show it and how to compare it.
///
/// Kept as tables of rules (one per model type) rather than chains of ifs, so that adding an
/// attribute is one line and every attribute is compared, shown and written the same way.
struct AttributeRule<T>: Sendable {
  typealias Attribute = SchemaChange.Attribute
  typealias Value = SchemaChange.Value

  var attribute: Attribute
  /// The value as the source wrote it, for people and for JSON.
  var value: @Sendable (T) -> Value
  /// The value two catalogs are compared by (folded names, normalised SQL text).
  var key: @Sendable (T, NameFolding) -> Value

  init(_ attribute: Attribute, _ value: @escaping @Sendable (T) -> Value) {
    self.attribute = attribute
    self.value = value
    self.key = { item, _ in value(item) }
  }

  init(
    _ attribute: Attribute, _ value: @escaping @Sendable (T) -> Value,
    key: @escaping @Sendable (T, NameFolding) -> Value
  ) {
    self.attribute = attribute
    self.value = value
    self.key = key
  }

  /// A text attribute compared after `transform` (a normalisation), shown as written.
  static func normalized(
    _ attribute: Attribute, _ text: @escaping @Sendable (T) -> String?,
    _ transform: @escaping @Sendable (String) -> String
  ) -> AttributeRule {
    AttributeRule(attribute, { Value(text($0)) }, key: { item, _ in Value(text(item).map(transform)) })
  }

  /// The change of this attribute from `old` to `new`, or nil when they compare equal.
  func action(_ old: T, _ new: T, _ folding: NameFolding) -> SchemaChange.Action? {
    guard key(old, folding) != key(new, folding) else { return nil }
    return .changed(attribute, old: value(old), new: value(new))
  }
}

extension Array {
  /// The changes of every attribute these rules name, in the rules' order; none for equal values,
  /// without computing a key (most of two catalogs is the same, and keys cost string work).
  func actions<T: Equatable>(_ old: T, _ new: T, _ folding: NameFolding) -> [SchemaChange.Action]
  where Element == AttributeRule<T> {
    old == new ? [] : compactMap { $0.action(old, new, folding) }
  }
}

extension Table {
  static let changeRules: [AttributeRule<Table>] = [
    AttributeRule(.kind) { .text($0.kind.rawValue) },
    AttributeRule(.comment) { .init($0.comment) },
    AttributeRule(.rowLevelSecurity) { .init($0.rowLevelSecurity?.rawValue) },
  ]
}

extension Policy {
  static let changeRules: [AttributeRule<Policy>] = [
    AttributeRule(.command) { .text($0.command) },
    AttributeRule(.permissive) { .flag($0.permissive) },
    AttributeRule(.roles) { .list($0.roles) },
    .normalized(.using, \.using, SQLText.expressionKey),
    .normalized(.withCheck, \.check, SQLText.expressionKey),
    AttributeRule(.comment) { .init($0.comment) },
  ]
}

extension Column {
  static let changeRules: [AttributeRule<Column>] = [
    .normalized(.type, \.type, SQLText.typeKey),
    AttributeRule(.nullable) { .flag($0.nullable) },
    .normalized(.default, \.defaultValue, SQLText.expressionKey),
    AttributeRule(.identity) { .init($0.identity?.rawValue) },
    .normalized(.generated, \.generatedText, SQLText.expressionKey),
    AttributeRule(.comment) { .init($0.comment) },
  ]

  var generatedText: String? {
    generated.map { "\($0.expression) \($0.stored ? "stored" : "virtual")" }
  }
}

extension View {
  static let changeRules: [AttributeRule<View>] = [
    AttributeRule(.materialized) { .flag($0.materialized) },
    AttributeRule(
      .columns, { .list($0.columns.map(\.nameAndType)) },
      key: { view, folding in
        .list(view.columns.map { folding.fold($0.name) + " " + SQLText.typeKey($0.type) })
      }),
    .normalized(.definition, \.definition, SQLText.expressionKey),
    AttributeRule(.comment) { .init($0.comment) },
  ]
}

extension Column {
  /// `name type`, or the name alone when the source gave no type (SQLite views).
  var nameAndType: String { type.isEmpty ? name : "\(name) \(type)" }
}

extension EnumType {
  static let changeRules: [AttributeRule<EnumType>] = [
    AttributeRule(.values) { .list($0.values) },
    AttributeRule(.comment) { .init($0.comment) },
  ]
}

extension Domain {
  static let changeRules: [AttributeRule<Domain>] = [
    .normalized(.baseType, \.baseType, SQLText.typeKey),
    AttributeRule(.nullable) { .flag($0.nullable) },
    .normalized(.default, \.defaultValue, SQLText.expressionKey),
    AttributeRule(
      .checks, { .list($0.checks.map(\.expression)) },
      key: { domain, _ in .list(domain.checks.map { SQLText.expressionKey($0.expression) }.sorted()) }),
    AttributeRule(.comment) { .init($0.comment) },
  ]
}

extension ForeignKey {
  static let changeRules: [AttributeRule<ForeignKey>] = [
    AttributeRule(.onDelete) { .text($0.onDelete.rawValue) },
    AttributeRule(.onUpdate) { .text($0.onUpdate.rawValue) },
    AttributeRule(.deferrable) { .text($0.deferrability) },
  ]

  var deferrability: String {
    guard deferrable else { return "not deferrable" }
    return initiallyDeferred ? "deferrable initially deferred" : "deferrable"
  }
}
