import ERDSchema

/// `CREATE POLICY`, `ALTER POLICY`, `CREATE FUNCTION` and `CREATE PROCEDURE`.
extension PostgresDDLReader {
  mutating func createPolicy(_ m: PgMessage, _ s: Statement) {
    guard let rv = m.field(Pg.CreatePolicyStmt.table).map({ PgRangeVar($0.message) }) else { return }
    let roles = m.nodes(Pg.CreatePolicyStmt.roles).compactMap(Self.roleName)
    let policy = Policy(
      name: m.field(Pg.CreatePolicyStmt.policyName)?.string ?? "",
      command: (m.field(Pg.CreatePolicyStmt.cmdName)?.string ?? "all").uppercased(),
      permissive: m.field(Pg.CreatePolicyStmt.permissive)?.bool ?? false,
      roles: roles.isEmpty ? [Privilege.everyone] : roles,
      using: m.field(Pg.CreatePolicyStmt.qual) == nil ? nil : policyText("USING", rv, s),
      check: m.field(Pg.CreatePolicyStmt.withCheck) == nil ? nil : policyText("CHECK", rv, s))
    let name = lookupName(rv)
    guard builder.updateTable(name, { $0.policies.append(policy) }) else {
      return skip(s, "no table \(name) for this policy")
    }
    report.ignore("CREATE POLICY")
  }

  mutating func alterPolicy(_ m: PgMessage, _ s: Statement) {
    guard let rv = m.field(Pg.AlterPolicyStmt.table).map({ PgRangeVar($0.message) }) else { return }
    let policy = m.field(Pg.AlterPolicyStmt.policyName)?.string ?? ""
    let roles = m.nodes(Pg.AlterPolicyStmt.roles).compactMap(Self.roleName)
    let using = m.field(Pg.AlterPolicyStmt.qual) == nil ? nil : policyText("USING", rv, s)
    let check = m.field(Pg.AlterPolicyStmt.withCheck) == nil ? nil : policyText("CHECK", rv, s)
    let name = lookupName(rv)
    let found = builder.updateTable(name) { table in
      for i in table.policies.indices where table.policies[i].name == policy {
        if !roles.isEmpty { table.policies[i].roles = roles }
        if let using { table.policies[i].using = using }
        if let check { table.policies[i].check = check }
      }
    }
    if !found { return skip(s, "no table \(name) for this policy") }
    report.ignore("ALTER POLICY")
  }

  /// A policy's `USING (…)` or `WITH CHECK (…)` expression as written.
  private func policyText(_ keyword: String, _ rv: PgRangeVar, _ s: Statement) -> String? {
    source.group(after: keyword, from: rv.location, limit: s.range.upperBound)
  }

  mutating func createFunction(_ m: PgMessage, _ s: Statement) {
    let isProcedure = m.field(Pg.CreateFunctionStmt.isProcedure)?.bool ?? false
    report.ignore(isProcedure ? "CREATE PROCEDURE" : "CREATE FUNCTION")
    let parts = m.strings(Pg.CreateFunctionStmt.funcname)
    guard let name = parts.last else { return }
    let schema = parts.count >= 2 ? parts[parts.count - 2] : creationSchema
    let parameters = RoutineParameters(m.nodes(Pg.CreateFunctionStmt.parameters), procedure: isProcedure)
    var routine = Routine(
      name: name, kind: isProcedure ? .procedure : .function, arguments: parameters.arguments.joined(separator: ", "))
    if !isProcedure {
      routine.returnType = parameters.returnType(m.field(Pg.CreateFunctionStmt.returnType)?.message)
    }
    for option in m.nodes(Pg.CreateFunctionStmt.options) where option.tag == .defElem {
      let arg = option.body.field(Pg.DefElem.arg)?.node
      switch option.body.field(Pg.DefElem.defname)?.string {
      case "language": routine.language = arg?.string
      case "security": routine.securityDefiner = arg?.body.field(Pg.Boolean.boolval)?.bool ?? false
      default: break
      }
    }
    if routine.language == nil, m.field(Pg.CreateFunctionStmt.sqlBody) != nil { routine.language = "sql" }
    builder.addSchema(schema)
    builder.access.routines[schema, default: [:]][parameters.key(name)] = routine
  }

  /// The schema and key (`RoutineParameters.key`) of the routine an `ObjectWithArgs` names;
  /// without an argument list, the one routine of that name.
  func routineKey(_ node: PgNode) -> QualifiedName? {
    guard node.tag == .objectWithArgs else { return nil }
    let parts = node.body.strings(Pg.ObjectWithArgs.objname)
    guard let name = parts.last else { return nil }
    let schemas = parts.count >= 2 ? [parts[parts.count - 2]] : searchPath
    let types = node.body.nodes(Pg.ObjectWithArgs.objargs).filter { $0.tag == .typeName }
      .map { RoutineParameters.argumentType(PgTypeName($0.body).text) }
    let unspecified = node.body.field(Pg.ObjectWithArgs.argsUnspecified)?.bool ?? false
    for schema in schemas {
      let routines = builder.access.routines[schema] ?? [:]
      if !unspecified {
        let key = RoutineParameters.key(name, types)
        if routines[key] != nil { return QualifiedName(schema: schema, name: key) }
      } else {
        let named = routines.keys.filter { $0.hasPrefix(name + "(") }
        if named.count == 1, let key = named.first { return QualifiedName(schema: schema, name: key) }
      }
    }
    return nil
  }

  /// The function a trigger executes: in its schema, or the first on the search path that has one
  /// of that name.
  func triggerRoutine(_ parts: [String]) -> QualifiedName? {
    guard let name = parts.last else { return nil }
    if parts.count >= 2 { return QualifiedName(schema: parts[parts.count - 2], name: name) }
    let schema = searchPath.first { (builder.access.routines[$0] ?? [:]).keys.contains { $0.hasPrefix(name + "(") } }
    return QualifiedName(schema: schema ?? creationSchema, name: name)
  }

  /// `DROP POLICY name ON table` and `DROP FUNCTION|PROCEDURE|ROUTINE name(…)`.
  mutating func dropAccess(_ kind: Int, _ objects: [PgNode]) {
    for object in objects {
      switch kind {
      case Pg.ObjectType.objectPolicy:
        let parts = object.listItems.compactMap(\.string)
        guard parts.count >= 2, let policy = parts.last, let table = lookupName(parts: Array(parts.dropLast()))
        else { continue }
        builder.updateTable(table) { $0.policies.removeAll { $0.name == policy } }
      case Pg.ObjectType.objectFunction, Pg.ObjectType.objectProcedure, Pg.ObjectType.objectRoutine:
        if let key = routineKey(object) { builder.access.routines[key.schema]?[key.name] = nil }
      default: break
      }
    }
  }
}

/// A routine's parameters, spelled as `pg_get_function_identity_arguments` and
/// `pg_get_function_result` print them: modes, names, and types without modifiers.
struct RoutineParameters {
  var arguments: [String] = []
  /// The input types, which tell overloads apart.
  var inputs: [String] = []
  var outputs: [String] = []
  var tableColumns: [String] = []

  init(_ nodes: [PgNode], procedure: Bool) {
    for node in nodes where node.tag == .functionParameter {
      let p = node.body
      let name = p.field(Pg.FunctionParameter.name)?.string ?? ""
      let type = Self.argumentType(p.field(Pg.FunctionParameter.argType).map { PgTypeName($0.message).text } ?? "")
      let text = (name.isEmpty ? "" : PgIdentifier.quoted(name) + " ") + type
      switch p.field(Pg.FunctionParameter.mode)?.int ?? Pg.FunctionParameterMode.funcParamDefault {
      case Pg.FunctionParameterMode.funcParamTable: tableColumns.append(text)
      case Pg.FunctionParameterMode.funcParamOut:
        arguments.append("OUT " + text)
        outputs.append(type)
      case Pg.FunctionParameterMode.funcParamInout:
        arguments.append("INOUT " + text)
        inputs.append(type)
        outputs.append(type)
      case Pg.FunctionParameterMode.funcParamVariadic:
        arguments.append("VARIADIC " + text)
        inputs.append(type)
      default:
        arguments.append((procedure ? "IN " : "") + text)
        inputs.append(type)
      }
    }
  }

  /// `RETURNS TABLE(…)`, `RETURNS SETOF t`, `RETURNS t`, or what the `OUT` parameters make.
  func returnType(_ declared: PgMessage?) -> String? {
    if !tableColumns.isEmpty { return "TABLE(" + tableColumns.joined(separator: ", ") + ")" }
    if let declared {
      let setof = declared.field(Pg.TypeName.setof)?.bool ?? false
      return (setof ? "SETOF " : "") + PgTypeName(declared).text
    }
    return outputs.count == 1 ? outputs[0] : outputs.isEmpty ? nil : "record"
  }

  func key(_ name: String) -> String { Self.key(name, inputs) }

  static func key(_ name: String, _ types: [String]) -> String { name + "(" + types.joined(separator: ",") + ")" }

  /// A type as an argument has it: PostgreSQL keeps no modifiers there (`varchar(10)` is
  /// `character varying`, `timestamp(3) with time zone` is `timestamp with time zone`).
  static func argumentType(_ type: String) -> String {
    guard let open = type.firstIndex(of: "("), !type.hasPrefix("\""),
      let close = type[open...].firstIndex(of: ")")
    else { return type }
    let rest = type[type.index(after: close)...]
    return (String(type[..<open]) + rest).split(separator: " ").joined(separator: " ")
  }
}
