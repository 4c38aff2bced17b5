import ERDSchema
import Foundation

/// Real parsers from PyPI, in the venv that `scripts/test` makes (`.build/pyvenv`): pydbml for
/// DBML and cmarkgfm (GitHub's cmark-gfm) for Markdown, driven by the scripts in Tests/Python.
public enum PythonTools {
  /// `$ERDVIZ_PYTHON`, else the test command's venv.
  public static let python: URL = {
    if let custom = ProcessInfo.processInfo.environment["ERDVIZ_PYTHON"], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    return Paths.packageRoot.appendingPathComponent(".build/pyvenv/bin/python")
  }()

  public static let scripts = Paths.packageRoot.appendingPathComponent("Tests/Python")

  public static var available: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// What pydbml understood of a DBML file; throws with the parser's message when it does not parse.
  public static func dbmlModel(_ text: String) throws -> JSONValue {
    try model("dbml_model.py", text, ext: "dbml")
  }

  /// What cmark-gfm renders of a Markdown file, read back from its HTML.
  public static func markdownModel(_ text: String) throws -> JSONValue {
    try model("markdown_model.py", text, ext: "md")
  }

  /// The HTML cmark-gfm makes of a Markdown file, as GitHub renders it before its own styling.
  public static func markdownHTML(_ text: String) throws -> String {
    String(decoding: try output("markdown_html.py", text, ext: "md"), as: UTF8.self)
  }

  private static func model(_ script: String, _ text: String, ext: String) throws -> JSONValue {
    try JSONParser.parse(try output(script, text, ext: ext))
  }

  private static func output(_ script: String, _ text: String, ext: String) throws -> [UInt8] {
    let file = try Paths.temporaryDirectory().appendingPathComponent("input.\(ext)")
    try Data(text.utf8).write(to: file)
    let result = try run(python, [scripts.appendingPathComponent(script).path, file.path])
    guard result.status == 0 else { throw Failure(description: "\(script): \(result.stderr)") }
    return result.stdout
  }
}
