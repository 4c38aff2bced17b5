import Foundation

extension TestPostgres {
  private static let roleLock = NSLock()
  nonisolated(unsafe) private static var roleUsers: [String: Int] = [:]

  /// The roles of `Tests/Fixtures/privileges.sql` and `supabase_style.sql`.
  public static let fixtureRoles = ["app", "app_user", "auditor", "anon", "authenticated", "service_role"]

  /// Runs `body` with the cluster-wide roles `names` in place: created when the first test that
  /// needs them starts (if a run that crashed did not leave them), dropped when the last one ends.
  /// Tests drop their databases before this returns, so nothing depends on the roles by then.
  public static func withRoles<T>(_ names: [String] = fixtureRoles, _ body: () throws -> T) throws -> T {
    try retain(names)
    defer { release(names) }
    return try body()
  }

  private static func retain(_ names: [String]) throws {
    roleLock.lock()
    defer { roleLock.unlock() }
    let fresh = names.filter { (roleUsers[$0] ?? 0) == 0 }
    for name in names { roleUsers[name, default: 0] += 1 }
    guard !fresh.isEmpty else { return }
    let creates = fresh.map {
      "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\($0)') THEN CREATE ROLE \($0); END IF;"
    }
    try psql("DO $$ BEGIN \(creates.joined(separator: " ")) END $$")
  }

  private static func release(_ names: [String]) {
    roleLock.lock()
    defer { roleLock.unlock() }
    var gone: [String] = []
    for name in names {
      roleUsers[name, default: 1] -= 1
      if roleUsers[name] == 0 { gone.append(name) }
    }
    if !gone.isEmpty { _ = try? psql("DROP ROLE IF EXISTS \(gone.joined(separator: ", "))") }
  }
}
