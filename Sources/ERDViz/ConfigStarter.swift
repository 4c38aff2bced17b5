import Foundation

/// The commented `erdviz.yml` that `erdviz init` writes, with a source guessed from the folder:
/// a Django project's provider, `$DATABASE_URL`, an SQLite file, or an SQL file.
public enum ConfigStarter {
  public static func text(folder: String, environment: [String: String]) -> String {
    header + "diagrams:\n  - " + source(folder: folder, environment: environment) + body
  }

  /// The source line (or lines) for what the folder holds.
  static func source(folder: String, environment: [String: String]) -> String {
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    if files.contains("manage.py") {
      return """
        # The Django project here, through Atlas's provider (pip install atlas-provider-django,
        # and add "atlas_provider_django" to INSTALLED_APPS).
            exec: [python, manage.py, atlas-provider-django, --dialect, postgresql]

        """
    }
    if let url = environment["DATABASE_URL"], !url.isEmpty {
      return "# The database $DATABASE_URL names, read only (the URL itself is not written here).\n"
        + "    source: $DATABASE_URL\n"
    }
    if let database = files.first(where: { isSQLite(folder + "/" + $0) }) {
      return "# The SQLite database in this folder, opened read-only.\n    source: \(quoted(database))\n"
    }
    if let script = files.first(where: { $0.hasSuffix(".sql") }) {
      return "# SQL DDL (the dialect is sniffed; add `dialect:` to say it).\n    source: \(quoted(script))\n"
    }
    return "# What to draw: a database URL (postgres://…, mysql://…), an SQLite file, a .sql or\n"
      + "    # erdviz .json file, or `exec:` with a provider program and its arguments.\n"
      + "    source: schema.sql\n"
  }

  static let header = """
    # erdviz.yml: the diagrams of this project, for docs builds.
    #   erdviz generate           writes every output below
    #   erdviz generate --check   writes nothing; exits 1 naming stale outputs and what changed
    # Paths are relative to this file's folder. Every key of a diagram is optional except a
    # source (`source:` or `exec:`) and `outputs:`; an unknown key is an error.

    """

  static let body = """
        # include: ["shop_*"]        # glob patterns over table names (schema.name or name)
        # exclude: ["django_*"]
        # focus: [order]             # draw only these and their neighbours...
        # depth: 1                   # ...this many relationship hops away
        # columns: all               # all, keys or none
        # direction: LR              # LR, RL, TB or BT
        # title: "Our schema"
        # views: true
        # schemas: [public]
        outputs:
          - docs/erd.svg             # the extension picks the format: .svg .png .pdf .dot .mmd
          - docs/erd.md              #   .json .html .md .dbml
          - docs/erd.json            # the catalog: lets --check say what changed
          # - docs/schema/           # a folder: one Markdown page per table

    """

  private static func isSQLite(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 16)).map(Array.init) == Array("SQLite format 3\0".utf8)
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension ConfigStarter {
  /// Writes the starter atomically.
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try FileCommit.checkWritable(path)
    try FileCommit.write([(path, Array(text.utf8))])
  }
}
