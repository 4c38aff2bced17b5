import ERDGraph
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDRender

/// DBML's quoting rules, then whole files read back by pydbml, the real parser.
@Suite struct DBMLTextTests {
  @Test(arguments: [
    ("order_line", "order_line"), ("my table", "\"my table\""), ("billing.invoice", "\"billing.invoice\""),
    ("Note", "\"Note\""), ("客户", "\"客户\""), ("quote\"d", "\"quote＂d\""), ("new\nline", "\"new line\""), ("", "\" \""),
  ])
  func names(name: String, expected: String) { #expect(DBMLText.name(name) == expected) }

  @Test(arguments: [
    ("1", "1"), ("1.5", "1.5"), ("-1", "`-1`"), ("'cart'", "'cart'"), ("'it''s'", "'it\\'s'"),
    ("datetime('now')", "`datetime('now')`"), ("NULL", "null"), ("TRUE", "true"), ("'a\\b'", "'''a\\\\b'''"),
    ("'</script>'", "'</script>'"), ("`x`", "'`x`'"),
  ])
  func defaults(sql: String, expected: String) { #expect(DBMLText.defaultValue(sql) == expected) }

  @Test(arguments: [
    ("INTEGER", "INTEGER"), ("numeric(10,2)", "numeric(10,2)"), ("numeric(10, 2)", "numeric(10, 2)"),
    ("int[]", "int[]"),
    ("enum('a','b')", "enum('a','b')"), ("double precision", "\"double precision\""),
    ("character varying(255)", "\"character varying(255)\""), ("", "\"(no type)\""), ("a\"b", "\"a＂b\""),
  ])
  func types(type: String, expected: String) { #expect(DBMLText.type(type) == expected) }

  @Test func strings() {
    #expect(DBMLText.string("plain") == "'plain'")
    #expect(DBMLText.string("it's") == "'it\\'s'")
    #expect(DBMLText.string("two\nlines") == "'''two\nlines'''")
    #expect(DBMLText.string("back\\slash") == "'''back\\\\slash'''")
  }
}

@Suite(.enabled(if: PythonTools.available || Paths.toolsRequired, "needs the test venv with pydbml (scripts/test)"))
struct DBMLParserTests {
  static func input(_ name: String) throws -> Drawing? {
    if name == "chinook" {
      guard let script = Paths.corpusFile("Chinook_Sqlite.sql") else { return nil }
      return try renderInput(script)
    }
    return try renderInput(try #require(RenderGoldenTests.cases.first { $0.name == name }).fixture)
  }

  @Test(arguments: RenderGoldenTests.cases.map(\.name) + ["chinook"])
  func pydbmlReadsEveryTableColumnAndReference(name: String) throws {
    guard let input = try Self.input(name) else { return }
    let model = try PythonTools.dbmlModel(try text(.dbml, input))
    let tables = model["tables"]?.arrayValue ?? []
    #expect(tables.count == input.diagram.entities.count, "\(name): tables")
    for entity in input.diagram.entities {
      let dbmlName = DBMLText.representable(entity.name.name)
      let table = try #require(tables.first { $0["name"]?.stringValue == dbmlName }, "\(name): \(dbmlName)")
      let definition = try #require(input.definition(of: entity.name))
      let columns = table["columns"]?.arrayValue ?? []
      #expect(
        columns.compactMap { $0["name"]?.stringValue } == definition.columns.map { DBMLText.representable($0.name) })
      guard case .table(let t) = definition else { continue }
      for (column, parsed) in zip(t.columns, columns) {
        #expect(parsed["not_null"]?.boolValue == !column.nullable, "\(name): \(t.name).\(column.name) not null")
        let pk = t.primaryKey?.columns == [column.name]
        #expect(parsed["pk"]?.boolValue == pk, "\(name): \(t.name).\(column.name) pk")
        #expect(parsed["note"]?.stringValue.map { $0.isEmpty ? nil : $0 } ?? nil == Self.note(column), "\(name): note")
      }
      if let pk = t.primaryKey, pk.columns.count > 1 {
        let indexes = table["indexes"]?.arrayValue ?? []
        #expect(
          indexes.contains {
            $0["pk"]?.boolValue == true && ($0["subjects"]?.arrayValue?.count ?? 0) == pk.columns.count
          })
      }
    }
    let refs = model["refs"]?.arrayValue ?? []
    let foreignKeys = input.diagram.edges.filter { $0.kind == .foreignKey }
    #expect(refs.count == foreignKeys.count, "\(name): one Ref per foreign key")
    for edge in foreignKeys {
      let from = edge.fromColumns.map(DBMLText.representable)
      let ref = refs.first { ref in
        ref["from"]?.arrayValue?.first?.arrayValue?[1].stringValue == DBMLText.representable(edge.from.name)
          && ref["from"]?.arrayValue?.compactMap({ $0.arrayValue?[2].stringValue }) == from
      }
      let found = try #require(ref, "\(name): no Ref for \(edge.from)(\(edge.fromColumns))")
      #expect(found["type"]?.stringValue == (edge.fromCardinality == .zeroOrOne ? "-" : ">"), "\(name): cardinality")
      #expect(
        found["to"]?.arrayValue?.compactMap { $0.arrayValue?[2].stringValue }
          == edge.toColumns.map(DBMLText.representable))
    }
  }

  static func note(_ column: Column) -> String? {
    var notes: [String] = []
    if let comment = column.comment, !comment.isEmpty { notes.append(comment) }
    if let g = column.generated { notes.append("Generated as (\(g.expression))\(g.stored ? " stored" : "")") }
    if let base = column.baseType, base != column.type { notes.append("Type \(column.type) over \(base)") }
    return notes.isEmpty ? nil : notes.joined(separator: "\n")
  }

  /// Every name, comment and default survives, except the two characters DBML cannot quote.
  @Test func hostileNamesAreIntact() throws {
    let input = try #require(try Self.input("hostile_names"))
    let rendered = try DBMLRenderer().render(input)
    #expect(rendered.warnings.count == 2, "\(rendered.warnings)")
    #expect(rendered.warnings.allSatisfy { $0.contains("\"quote\\\"d\"") || $0.contains("\"new\\nline\"") })
    let model = try PythonTools.dbmlModel(String(decoding: rendered.bytes, as: UTF8.self))
    let names = Set((model["tables"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
    for (qualified, _) in input.catalog.allTables where qualified.name != "quote\"d" {
      #expect(names.contains(qualified.name), "table \(qualified.name)")
    }
    #expect(names.contains("quote＂d"))
    let evil = try #require(
      (model["tables"]?.arrayValue ?? []).first { $0["name"]?.stringValue?.hasPrefix("</script>") == true })
    #expect(
      evil["note"]?.stringValue
        == "<img src=x onerror=\"window.__erdvizInjected='comment'\"> </script><script>alert('comment')</script> ]]> <!-- -->"
    )
    let columns = evil["columns"]?.arrayValue ?? []
    #expect(
      columns.compactMap { $0["name"]?.stringValue } == [
        "id", "<img src=x onerror=alert(1)>", "{{script}}", "emoji 😀 | pipe", "invoice_no",
      ])
    #expect(columns[1]["default"]?.stringValue == "</script><script>window.__erdvizInjected='default'</script>")
    #expect(columns[3]["default"]?.stringValue == "it's \"quoted\" & <b>bold</b>")
    #expect(columns[2]["note"]?.stringValue == "{{csp}} ${alert(1)} <svg onload=\"window.__erdvizInjected='svg'\">")
    let index = (evil["indexes"]?.arrayValue ?? []).first
    #expect(index?["name"]?.stringValue == "<svg onload=alert('index')>")
  }

  /// Two schemas: qualified names, a TableGroup each, enums, and a reference across schemas.
  @Test func schemasBecomeTableGroups() throws {
    let catalog = Catalog(
      engine: "postgresql",
      schemas: [
        Schema(
          name: "billing",
          tables: [
            Table(
              name: "invoice",
              columns: [
                .init(name: "id", ordinal: 1, type: "bigint", nullable: false),
                .init(name: "customer_id", ordinal: 2, type: "bigint", nullable: false),
                .init(
                  name: "state", ordinal: 3, type: "invoice_state", nullable: false,
                  defaultValue: "'open'::invoice_state"),
              ],
              primaryKey: .init(columns: ["id"]),
              foreignKeys: [
                .init(
                  name: "invoice_customer_fk", columns: ["customer_id"],
                  referencedTable: .init(schema: "crm", name: "customer"), referencedColumns: ["id"],
                  onDelete: .restrict)
              ])
          ], enums: [.init(name: "invoice_state", values: ["open", "paid", "written off"])]),
        Schema(
          name: "crm",
          tables: [
            Table(
              name: "customer",
              columns: [.init(name: "id", ordinal: 1, type: "bigint", nullable: false, identity: .always)],
              primaryKey: .init(columns: ["id"]))
          ]),
      ])
    let input = Drawing(catalog)
    let dbml = try text(.dbml, input)
    let model = try PythonTools.dbmlModel(dbml)
    let groups = model["groups"]?.arrayValue ?? []
    #expect(groups.compactMap { $0["name"]?.stringValue } == ["billing", "crm"])
    #expect(groups.first?["items"]?.arrayValue?.first?.arrayValue?.compactMap(\.stringValue) == ["billing", "invoice"])
    let tables = model["tables"]?.arrayValue ?? []
    #expect(tables.compactMap { $0["schema"]?.stringValue } == ["billing", "crm"])
    #expect(
      model["enums"]?.arrayValue?.first?["items"]?.arrayValue?.compactMap(\.stringValue) == [
        "open", "paid", "written off",
      ])
    let ref = try #require(model["refs"]?.arrayValue?.first)
    #expect(ref["name"]?.stringValue == "invoice_customer_fk")
    #expect(ref["to"]?.arrayValue?.first?.arrayValue?.compactMap(\.stringValue) == ["crm", "customer", "id"])
    #expect(ref["on_delete"]?.stringValue == "restrict")
    #expect(tables.last?["columns"]?.arrayValue?.first?["increment"]?.boolValue == true)
    #expect(model["project"]?["items"]?["database_type"]?.stringValue == "PostgreSQL")
  }
}
