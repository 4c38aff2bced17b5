import ERDTestSupport
import Foundation
import Testing

/// A migration holding a lock must not make erdviz wait for ever: `lock_timeout` ends the read,
/// and the message names the table that is locked and the setting that ended it.
@Suite(.enabled(if: TestPostgres.enabled, "needs the throwaway PostgreSQL cluster of `make test`"))
struct PostgresLockTests {
  @Test(arguments: [
    (["--lock-timeout", "1"], [String: String](), "lock_timeout 1s"),
    // Without the option, a setting the connection already makes is kept (here PGOPTIONS).
    ([], ["PGOPTIONS": "-c lock_timeout=1500"], "lock_timeout 1500ms"),
  ])
  func aLockHeldByAMigrationTimesOutNamingTheTable(
    options: [String], environment: [String: String], setting: String
  ) throws {
    try withDatabase(fixture: "postgres_features.sql") { database in
      let migration = try HeldTransaction(
        database: database, "BEGIN; SET search_path = crm; ALTER TABLE customer ADD COLUMN x int;")
      defer { migration.end() }
      try migration.waitUntilLocked("customer")
      let start = Date()
      let result = try run(
        Paths.binary, ["inspect", TestPostgres.url(database: database), "-f", "json"] + options,
        environment: environment)
      #expect(result.status == 69, "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(result.stderr.contains("lock timeout"), "\(result.stderr)")
      #expect(result.stderr.contains(setting), "\(result.stderr)")
      #expect(result.stderr.contains("crm.customer (AccessExclusiveLock held by process"), "\(result.stderr)")
      #expect(Date().timeIntervalSince(start) < 8)
    }
  }

  @Test func timeoutOptionsAreValidated() throws {
    for arguments in [["--lock-timeout", "-1"], ["--statement-timeout", "x"]] {
      let result = try run(Paths.binary, ["inspect", "postgres://h/db"] + arguments)
      #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }
  }
}

/// A `psql` session that runs some SQL and then holds its transaction open until `end()`.
final class HeldTransaction {
  private let process = Process()
  private let input = Pipe()
  private let database: String

  struct NeverLocked: Error {
    var table: String
  }

  init(database: String, _ sql: String) throws {
    self.database = database
    process.executableURL = TestPostgres.binDirectory.appendingPathComponent("psql")
    process.arguments = ["-X", "-q", "-d", TestPostgres.url(database: database)]
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data((sql + "\n").utf8))
  }

  /// Polls `pg_locks` until another session holds `table` exclusively (at most 10 s).
  func waitUntilLocked(_ table: String) throws {
    for _ in 0..<200 {
      let held = try TestPostgres.psql(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
          + "WHERE c.relname = '\(table)' AND l.mode = 'AccessExclusiveLock' AND l.granted",
        database: database)
      if held.trimmingCharacters(in: .whitespacesAndNewlines) != "0" { return }
      usleep(50_000)
    }
    throw NeverLocked(table: table)
  }

  func end() {
    input.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }
}
