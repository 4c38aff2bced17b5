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
    for i in members.indices where members[i].key == "tables" || members[i].key == "views" {
      guard case .array(let items) = members[i].value else { continue }
      members[i].value = .array(
        items.map { item in
          guard case .object(var fields) = item, let name = item["name"]?.stringValue,
            let group = groupOf[QualifiedName(schema: schema, name: name)]
          else { return item }
          let after = (fields.firstIndex { $0.key == "name" } ?? -1) + 1
          fields.insert(.init("group", .string(group)), at: after)
          return .object(fields)
        })
    }
    return .object(members)
  }
}
