// The JSON form of owners, grants, policies, routines and roles (see Catalog+JSON.swift):
//   privileges: [{"role": "app", "privileges": ["SELECT", "INSERT"], "columns": [...], "grantOption": true}]
//   policies: [{"name": …, "command": "ALL", "restrictive": true, "roles": ["app"], "using": …, "check": …}]
//   defaultPrivileges: [{"forRole": "postgres", "objects": "tables", "role": "app", "privileges": [...]}]
//   routines: [{"name": …, "kind": "function", "arguments": "a integer", "returns": "integer",
//               "language": "sql", "securityDefiner": true, "owner": …, "comment": …}]
//   roles (on the catalog): [{"name": "app_user", "memberOf": ["app"]}]

extension Privilege {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    fill(&o)
    return o.value
  }

  func fill(_ o: inout JSONObjectBuilder) {
    o.set("role", role)
    o.set("privileges", .array(privileges.map(JSONValue.string)))
    o.set("columns", strings: columns)
    o.flag("grantOption", grantable)
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      role: try r.required("role"), privileges: try r.strings("privileges"), columns: try r.strings("columns"),
      grantable: try r.bool("grantOption") ?? false)
  }
}

extension DefaultPrivilege {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("forRole", forRole)
    o.set("objects", objects)
    grant.fill(&o)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(forRole: try r.string("forRole"), objects: try r.required("objects"), grant: try Privilege(json: r))
  }
}

extension Policy {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("command", command)
    o.flag("restrictive", !permissive)
    o.set("roles", .array(roles.map(JSONValue.string)))
    o.set("using", using)
    o.set("check", check)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    let roles = try r.strings("roles")
    self.init(
      name: try r.required("name"), command: try r.string("command") ?? "ALL",
      permissive: !(try r.bool("restrictive") ?? false), roles: roles.isEmpty ? [Privilege.everyone] : roles,
      using: try r.string("using"), check: try r.string("check"), comment: try r.string("comment"))
  }
}

extension Routine {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("kind", kind.rawValue)
    o.set("arguments", arguments.isEmpty ? nil : arguments)
    o.set("returns", returnType)
    o.set("language", language)
    o.flag("securityDefiner", securityDefiner)
    o.set("owner", owner)
    o.set("comment", comment)
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(
      name: try r.required("name"), kind: try r.enumValue("kind", RoutineKind.self) ?? .function,
      arguments: try r.string("arguments") ?? "", returnType: try r.string("returns"),
      language: try r.string("language"), securityDefiner: try r.bool("securityDefiner") ?? false,
      owner: try r.string("owner"), comment: try r.string("comment"))
  }
}

extension Role {
  var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("name", name)
    o.set("memberOf", .array(memberOf.map(JSONValue.string)))
    return o.value
  }

  init(json r: JSONReader) throws(CatalogDecodingError) {
    self.init(name: try r.required("name"), memberOf: try r.strings("memberOf"))
  }
}
