import ERDSchema
import Foundation

/// The real Mermaid parser, through `../shared/tools/mermaid-check`.
public enum MermaidCheck {
  public static let tool: URL = {
    if let custom = ProcessInfo.processInfo.environment["MERMAID_CHECK"], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    return Paths.shared.appendingPathComponent("tools/mermaid-check")
  }()

  public static var available: Bool { FileManager.default.isExecutableFile(atPath: tool.path) }

  public struct Outcome {
    public var ok: Bool
    public var message: String
    /// What Mermaid understood (`--model`): entities, attributes, relationships.
    public var model: JSONValue?

    public var entities: [JSONValue] { model?["entities"]?.arrayValue ?? [] }
    public var relationships: [JSONValue] { model?["relationships"]?.arrayValue ?? [] }
  }

  /// Parses `text` with Mermaid and returns its model of the diagram.
  public static func check(_ text: String) throws -> Outcome {
    let result = try run(tool, ["--json", "--model", "--expect", "er", "-"], stdin: Array(text.utf8))
    let json = try? JSONParser.parse(result.stdout)
    let ok = result.status == 0 && json?["ok"]?.boolValue != false
    return Outcome(ok: ok, message: result.stderr + result.stdoutText, model: json?["model"] ?? json)
  }

  /// Draws `text` with Mermaid in headless Chromium, as GitHub would: parsing is not enough, some
  /// text parses and then fails to draw. A failed render is retried once (Chromium can flake, see
  /// mermaid-check.md); `ok` only when one of the two renders drew an SVG.
  public static func render(_ text: String) throws -> Outcome {
    let dir = try Paths.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("diagram.mmd")
    try Data(text.utf8).write(to: input)
    var last = RunResult(status: -1, stdout: [], stderr: "")
    for _ in 0..<2 {
      last = try run(tool, ["--svg", dir.appendingPathComponent("diagram.svg").path, input.path])
      if last.status == 0 { return Outcome(ok: true, message: "", model: nil) }
    }
    return Outcome(ok: false, message: last.stderr + last.stdoutText, model: nil)
  }
}

/// Mermaid's entity codes (`#quot;`, `#35;`) back to characters, as Mermaid does when drawing.
public func decodeMermaidEntities(_ s: String) -> String {
  let named = ["quot": "\"", "lt": "<", "gt": ">", "amp": "&"]
  var out = ""
  var rest = Substring(s)
  while let hash = rest.firstIndex(of: "#") {
    out += rest[..<hash]
    let after = rest[rest.index(after: hash)...]
    if let semi = after.firstIndex(of: ";"), semi > after.startIndex {
      let code = String(after[..<semi])
      if let n = Int(code), let scalar = Unicode.Scalar(n) {
        out.unicodeScalars.append(scalar)
        rest = after[after.index(after: semi)...]
        continue
      }
      if let c = named[code] {
        out += c
        rest = after[after.index(after: semi)...]
        continue
      }
    }
    out += "#"
    rest = after
  }
  return out + rest
}
