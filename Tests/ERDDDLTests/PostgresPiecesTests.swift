import ERDInspect
import ERDSchema
import ERDTestSupport
import Foundation
import Testing

@testable import ERDDDL

/// The PostgreSQL reader parses a script in pieces cut between statements (so a 100 MB dump never
/// has its whole parse tree in memory): a script read one statement at a time must give the same
/// model, the same report and the same errors as read in one piece.
@Suite struct PostgresPiecesTests {
  static let scripts: [(String, URL?)] = [
    ("postgresql_features.sql", Paths.fixtures.appendingPathComponent("ddl/postgresql_features.sql")),
    ("pagila-schema.sql", Paths.corpusFile("pagila-schema.sql")),
    ("Chinook_PostgreSql.sql", Paths.corpusFile("Chinook_PostgreSql.sql")),
    ("django_polls_catalog.postgresql.sql", Paths.corpusFile("django_polls_catalog.postgresql.sql")),
  ]

  @Test(arguments: scripts.map(\.0))
  func aScriptReadStatementByStatementGivesTheSameModel(_ name: String) throws {
    guard let url = Self.scripts.first(where: { $0.0 == name })?.1 else {
      // The corpus must be there when the test command says the shared tree is.
      #expect(!Paths.toolsRequired, "\(name) is not in ../shared/corpus")
      print("skipping \(name): ../shared/corpus not found")
      return
    }
    let bytes = Array(try Data(contentsOf: url))
    let whole = try PostgresDDLReader.read(bytes, label: name, pieceSize: Int.max)
    let pieces = try PostgresDDLReader.read(bytes, label: name, pieceSize: 1)
    #expect(pieces.0 == whole.0)
    #expect(pieces.1.statements == whole.1.statements)
    #expect(pieces.1.ignored == whole.1.ignored)
    #expect(pieces.1.skipped.map(\.summary) == whole.1.skipped.map(\.summary))
  }

  /// A `;` inside `BEGIN ATOMIC … END` or a rule's parenthesised actions is no statement end:
  /// the cut there is mended, and the statements after it are read.
  @Test func semicolonsInsideABodyDoNotCutTheStatement() throws {
    let text = """
      CREATE TABLE a (id int PRIMARY KEY);
      CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; SELECT 3; END;
      CREATE RULE r AS ON INSERT TO a DO ALSO (NOTIFY a; NOTIFY b; NOTIFY c);
      CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id));
      """
    for size in [1, 40, 80, Int.max] {
      let (catalog, report) = try PostgresDDLReader.read(Array(text.utf8), label: "t.sql", pieceSize: size)
      #expect(catalog.tableNames == ["public.a", "public.b"], "piece size \(size)")
      #expect(report.statements == 4, "piece size \(size)")
    }
  }

  /// A syntax error is reported where it is, whichever piece it falls in.
  @Test(arguments: [1, 30, Int.max])
  func aSyntaxErrorIsReportedAtItsLine(pieceSize: Int) {
    let text =
      "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int,, x int);\nCREATE TABLE d (id int);\n"
    #expect {
      _ = try PostgresDDLReader.read(Array(text.utf8), label: "t.sql", pieceSize: pieceSize)
    } throws: { error in
      guard case .invalidInput(_, let reason, let location) = error as? InspectError else { return false }
      return location?.line == 3 && location?.column == 24 && reason.contains("syntax error")
    }
  }

  /// Past the documented size limit the read is refused with a reason, not attempted.
  @Test func inputPastTheSizeLimitIsRefused() {
    let text = String(repeating: "CREATE TABLE a (id int);\n", count: 100)
    #expect {
      _ = try DDLInspector(bytes: Array(text.utf8), label: "big.sql", sizeLimit: 1024).inspect(InspectOptions())
    } throws: { error in
      (error as? InspectError)?.description.hasPrefix("big.sql: 0 MiB of SQL DDL is past erdviz's limit") == true
    }
  }
}
