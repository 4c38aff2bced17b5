import ERDGraph
import ERDSchema
import ERDTestSupport
import ERDViz
import Foundation
import Testing

/// Relations declared beside the schema: checked against it, drawn marked as declared.
@Suite struct DeclaredRelationTests {
  @Test func problemsNameTheRelationAndTheMissingPart() throws {
    let catalog = try Fixtures.rails()
    let relations = [
      DeclaredRelation(table: "payments", columns: ["invoice_id"], parentTable: "invoices"),
      DeclaredRelation(table: "payments", columns: ["invoice_no"], parentTable: "invoices"),
      DeclaredRelation(table: "payment", columns: ["invoice_id"], parentTable: "invoices"),
      DeclaredRelation(table: "payments", columns: ["invoice_id"], parentTable: "invoices", parentColumns: ["uuid"]),
      DeclaredRelation(table: "default.payments", columns: ["invoice_id", "user_id"], parentTable: "invoices"),
      DeclaredRelation(table: "payments", columns: [], parentTable: "invoices"),
    ]
    let problems = DeclaredRelation.problems(relations, in: catalog)
    #expect(problems.map(\.index) == [1, 2, 3, 4, 5])
    #expect(
      problems.map(\.error) == [
        .columnMissing(table: Fixtures.name("payments"), column: "invoice_no"), .tableMissing("payment"),
        .columnMissing(table: Fixtures.name("invoices"), column: "uuid"), .columnCountMismatch(2, 1), .noColumns,
      ])
    #expect(
      problems[0].description
        == "relation 2 (payments(invoice_no) → invoices): default.payments has no column invoice_no")
  }

  @Test func ambiguousAndKeylessParentsAreErrors() {
    let key = [Column(name: "id", ordinal: 1, type: "int")]
    let catalog = Catalog(schemas: [
      Schema(name: "a", tables: [Table(name: "t", columns: key)]),
      Schema(name: "b", tables: [Table(name: "t", columns: key)]),
    ])
    let relation = DeclaredRelation(table: "a.t", columns: ["id"], parentTable: "t")
    #expect(
      relation.resolve(in: catalog)
        == .failure(
          .ambiguousTable("t", [QualifiedName(schema: "a", name: "t"), QualifiedName(schema: "b", name: "t")])))
    let keyless = DeclaredRelation(table: "a.t", columns: ["id"], parentTable: "b.t")
    #expect(keyless.resolve(in: catalog) == .failure(.noParentKey(QualifiedName(schema: "b", name: "t"))))
  }

  /// Declared relations are drawn after the schema's own edges; an inferred one they cover is not.
  @Test func drawnMarkedDeclaredAndInferenceStepsAside() throws {
    let catalog = try Fixtures.rails()
    let options = DiagramOptions(
      inferRelations: true,
      relations: [
        DeclaredRelation(table: "payments", columns: ["invoice_id"], parentTable: "invoices", label: "billing"),
        DeclaredRelation(table: "orders", columns: ["user_id"], parentTable: "users", parentColumns: ["id"]),
      ])
    let diagram = DiagramBuilder.build(catalog, options: options)
    let declared = diagram.edges.filter { $0.kind == .declared }
    #expect(declared.map(\.from.name) == ["payments", "orders"])
    #expect(declared.first?.note == "billing")
    #expect(declared.first?.toColumns == ["id"])
    #expect(
      !diagram.edges.contains { $0.kind == .inferred && $0.from.name == "orders" && $0.fromColumns == ["user_id"] })
    #expect(diagram.edges.filter { $0.kind == .inferred }.count == RelationInferenceTests.intended.count - 1)
    let firstUndeclared = try #require(diagram.edges.firstIndex { $0.kind.isUndeclaredReference })
    #expect(diagram.edges[..<firstUndeclared].allSatisfy { !$0.kind.isUndeclaredReference })
  }

  @Test func edgesToTablesNotDrawnAreLeftOut() throws {
    let options = DiagramOptions(
      filter: NameFilter(exclude: ["users"]), inferRelations: true,
      relations: [DeclaredRelation(table: "payments", columns: ["user_id"], parentTable: "users")])
    let diagram = DiagramBuilder.build(try Fixtures.rails(), options: options)
    #expect(!diagram.edges.contains { $0.to.name == "users" })
  }
}

/// The pipeline checks declared relations before drawing: one that does not fit stops the run.
@Suite struct DeclaredRelationPipelineTests {
  @Test func aMissingColumnStopsTheRunWithUsageStatus() throws {
    let out = try Paths.temporaryDirectory().appendingPathComponent("erd.mmd")
    let relations = [
      DeclaredRelation(table: "payments", columns: ["invoice_id"], parentTable: "invoices"),
      DeclaredRelation(table: "payments", columns: ["invoice_no"], parentTable: "invoices"),
    ]
    let request = Request(
      source: .file(Fixtures.railsURL.path), outputs: [.file(out.path, .mermaid)],
      diagram: DiagramOptions(relations: relations))
    #expect(throws: RunError.self) { try Pipeline.run(request) }
    do {
      try Pipeline.run(request)
    } catch {
      #expect(error.exitStatus == .usage)
      #expect(
        error.description == "relation 2 (payments(invoice_no) → invoices): default.payments has no column invoice_no")
    }
    #expect(!FileManager.default.fileExists(atPath: out.path), "an output was written")
    var valid = request
    valid.diagram.relations = [relations[0]]
    try Pipeline.run(valid)
    let text = try String(contentsOf: out, encoding: .utf8)
    #expect(text.contains("t_payments }o..|| t_invoices : \"declared\""))
  }
}
