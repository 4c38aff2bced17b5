import ERDGraph
import ERDSchema

extension JSONValue {
  /// The catalog's JSON with `"group": "<label>"` after the name of each table and view the
  /// diagram draws in a group; readers of the catalog ignore the key.
  func adding(groups diagram: Diagram) -> JSONValue {
    let labels = Dictionary(uniqueKeysWithValues: diagram.groups.map { ($0.key, $0.label) })
    var groupOf: [QualifiedName: String] = [:]
    for entity in diagram.entities {
      if let key = entity.group, let label = labels[key] { groupOf[entity.name] = label }
    }
    guard !groupOf.isEmpty, case .object(var members) = self,
      let at = members.firstIndex(where: { $0.key == "schemas" }), case .array(let schemas) = members[at].value
    else { return self }
    members[at].value = .array(schemas.map { $0.addingGroups(groupOf) })
    return .object(members)
  }

  /// One schema's tables and views, each with its group.
  private func addingGroups(_ groupOf: [QualifiedName: String]) -> JSONValue {
    guard case .object(var members) = self, let schema = self["name"]?.stringValue else { return self }
    let grouped: @Sendable (JSONValue) -> JSONValue = { $0.addingGroup(schema: schema, groupOf) }
    for i in members.indices where members[i].key == "tables" || members[i].key == "views" {
      switch members[i].value {
      case .array(let items): members[i].value = .array(items.map(grouped))
      case .items(let items): members[i].value = .items(items.transformed(grouped))
      default: continue
      }
    }
    return .object(members)
  }

  /// A table's or view's JSON with its group after its name.
  private func addingGroup(schema: String, _ groupOf: [QualifiedName: String]) -> JSONValue {
    guard case .object(var fields) = self, let name = self["name"]?.stringValue,
      let group = groupOf[QualifiedName(schema: schema, name: name)]
    else { return self }
    let after = (fields.firstIndex { $0.key == "name" } ?? -1) + 1
    fields.insert(.init("group", .string(group)), at: after)
    return .object(fields)
  }
}
