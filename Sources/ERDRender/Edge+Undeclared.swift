import ERDGraph
import ERDSchema

extension Edge {
  /// `orders(user_id) → users(id)`: a reference's ends as tooltips and notes show them.
  func referenceText(from: String, to: String) -> String {
    let target = toColumns.isEmpty ? to : "\(to)(\(toColumns.joined(separator: ", ")))"
    return "\(from)(\(fromColumns.joined(separator: ", "))) → \(target)"
  }

  /// `inferred: orders(user_id) → users(id), named after the table, in the singular`, or
  /// `declared: …, <label>`: what an undeclared reference is and why it is drawn.
  func undeclaredText(from: String, to: String) -> String {
    let note = note.map { ", \($0)" } ?? ""
    return "\(kind.rawValue): \(referenceText(from: from, to: to))\(note)"
  }

  /// `inferred`, or `declared` with its label: the words an edge carries in formats that label edges.
  var undeclaredLabel: String {
    guard kind == .declared, let note, !note.isEmpty else { return kind.rawValue }
    return "declared: \(note)"
  }
}

extension DOTTheme {
  /// Dashed in a colour of their own, so neither passes for a declared foreign key.
  static func undeclared(_ kind: Edge.Kind) -> String { kind == .declared ? "#7c3aed" : "#c2410c" }
}

extension JSONValue {
  /// The catalog's JSON with `"relations": [{"table", "columns", "references": {…}, "inferred": true,
  /// "rule"}, {…, "declared": true, "label"}]` after its schemas, when the diagram draws any.
  func appending(relations diagram: Diagram) -> JSONValue {
    let edges = diagram.edges.filter(\.kind.isUndeclaredReference)
    guard case .object(var members) = self, !edges.isEmpty else { return self }
    members.append(.init("relations", .array(edges.map(\.relationJSON))))
    return .object(members)
  }
}

extension Edge {
  fileprivate var relationJSON: JSONValue {
    var o = JSONObjectBuilder()
    o.set("schema", from.schema)
    o.set("table", from.name)
    o.set("columns", .array(fromColumns.map(JSONValue.string)))
    var ref = JSONObjectBuilder()
    ref.set("schema", to.schema)
    ref.set("table", to.name)
    ref.set("columns", .array(toColumns.map(JSONValue.string)))
    o.set("references", ref.value)
    o.flag(kind.rawValue, true)
    o.set(kind == .inferred ? "rule" : "label", note)
    return o.value
  }
}
