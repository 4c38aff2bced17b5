/// One node of libpg_query's parse tree: its type tag and the message that holds its fields.
struct PgNode {
  /// Nil for a node type this build of libpg_query has and our table does not.
  let tag: PgTag?
  let body: PgMessage

  /// Reads a `Node` message: a oneof whose one field is the node.
  init?(_ message: PgMessage) {
    guard let field = message.first(where: { _ in true }) else { return nil }
    tag = PgTag(rawValue: field.number)
    body = field.message
  }

  /// The value of a `String` node.
  var string: String? { tag == .string ? body.field(Pg.String.sval)?.string ?? "" : nil }

  /// The value of an `Integer` node, or of an `A_Const` holding one.
  var integer: Int? {
    switch tag {
    case .integer: return body.field(Pg.Integer.ival)?.int ?? 0
    case .aConst: return body.field(Pg.AConst.ival).map { $0.message.field(Pg.Integer.ival)?.int ?? 0 }
    default: return nil
    }
  }

  /// The text of an `A_Const` string, or of a `String` node.
  var constantString: String? {
    switch tag {
    case .string: return string
    case .aConst: return body.field(Pg.AConst.sval).map { $0.message.field(Pg.String.sval)?.string ?? "" }
    default: return nil
    }
  }

  /// The items of a `List` node.
  var listItems: [PgNode] { tag == .list ? body.nodes(Pg.List.items) : [] }
}

extension PgMessage {
  /// The nodes of a `repeated Node` field.
  func nodes(_ number: Int) -> [PgNode] { compactMap { $0.number == number ? $0.node : nil } }

  /// The values of a `repeated Node` field of `String` nodes: a qualified name, a column list.
  func strings(_ number: Int) -> [String] { nodes(number).compactMap(\.string) }

  /// Every field numbered `number`: the elements of a repeated field.
  func fields(_ number: Int) -> [PgField] { filter { $0.number == number } }
}

/// Walks any subtree of the parse tree: every field that holds a message is descended.
enum PgTreeWalker {
  /// Calls `visit` on `node` and every node below it, depth first; returning false from
  /// `visit` skips the node's children.
  static func walk(_ node: PgNode, _ visit: (PgNode) -> Bool) {
    guard visit(node) else { return }
    walk(message: node.body, visit)
  }

  static func walk(message: PgMessage, _ visit: (PgNode) -> Bool) {
    for field in message where field.holdsMessage {
      if field.holdsNode {
        if let child = field.node { walk(child, visit) }
      } else {
        walk(message: field.message, visit)
      }
    }
  }
}
