import ERDGraph
import ERDSchema
import Foundation

/// Where a share link opens.
public enum ShareService: String, CaseIterable, Sendable {
  /// The Mermaid Live Editor; the diagram rides in the URL fragment, which browsers never send.
  case mermaidLive = "mermaid-live"
  /// An SVG image drawn by mermaid.ink; the diagram is in the path, so mermaid.ink receives it.
  case mermaidInk = "mermaid-ink"
  /// dbdiagram.io's DBML-in-link page; the DBML rides in the URL fragment.
  case dbdiagram

  public var label: String {
    switch self {
    case .mermaidLive: return "mermaid.live"
    case .mermaidInk: return "mermaid.ink"
    case .dbdiagram: return "dbdiagram.io"
    }
  }
}

/// One link that carries the diagram itself.
public struct ShareLink: Hashable, Sendable {
  public var service: ShareService
  public var url: String
}

/// Links that carry the diagram in the URL: erdviz uploads nothing.
///
/// mermaid.live and mermaid.ink read `pako:` + unpadded URL-safe base64 of the zlib-deflated JSON
/// state `{"code": …, "mermaid": "{…config…}", …}` (mermaid-live-editor's `serde.ts`); dbdiagram.io
/// reads `embed#c=` + the URL-encoded `pako:` + base64 of the deflated DBML (its "DBML-in-Link"
/// documentation).
public enum ShareLinks {
  /// Past this, links break: RFC 9110 only asks software to handle URLs of 8,000 octets, common
  /// servers (nginx, so mermaid.ink) refuse longer request lines, and chat tools cut or refuse
  /// long messages.
  public static let dependableLength = 8_000

  /// The three links, and warnings for the ones too long to travel well.
  public static func links(for drawing: Drawing) throws(RenderError) -> (links: [ShareLink], warnings: [String]) {
    let mermaid = try MermaidRenderer().render(drawing)
    let dbml = try DBMLRenderer().render(drawing)
    let code = String(decoding: mermaid.bytes, as: UTF8.self)
    let state = try mermaidState(code)
    let links = [
      ShareLink(service: .mermaidLive, url: "https://mermaid.live/edit#" + state),
      ShareLink(service: .mermaidInk, url: "https://mermaid.ink/svg/" + state),
      ShareLink(service: .dbdiagram, url: try dbdiagramURL(String(decoding: dbml.bytes, as: UTF8.self))),
    ]
    var warnings = mermaid.warnings + dbml.warnings
    for link in links where link.url.utf8.count > dependableLength {
      warnings.append(
        "share: the \(link.service.label) link is \(link.url.utf8.count) characters, past the \(dependableLength) that "
          + "browsers, servers and chat tools dependably accept; share the HTML page instead "
          + "(erdviz inspect SOURCE -o erd.html), or narrow the diagram with --include, --exclude or --columns keys")
    }
    return (links, warnings)
  }

  /// `pako:…`: the Mermaid Live Editor's state, as its own serializer writes it.
  public static func mermaidState(_ code: String) throws(RenderError) -> String {
    let config = JSONWriter(pretty: true).string(.object([.init("theme", .string("default"))]))
    let state: JSONValue = .object([
      .init("code", .string(code)),
      .init("mermaid", .string(String(config.dropLast()))),
      .init("autoSync", .bool(true)),
      .init("rough", .bool(false)),
      .init("updateDiagram", .bool(true)),
    ])
    let json = JSONWriter(pretty: false).string(state)
    return "pako:" + base64URL(try deflate(json))
  }

  /// The Mermaid text inside a `pako:` state, or nil when it is not one.
  public static func mermaidCode(fromState state: String) -> String? {
    guard state.hasPrefix("pako:"), let bytes = bytes(base64URL: String(state.dropFirst(5))),
      let json = Zlib.inflate(bytes), let value = try? JSONParser.parse(json)
    else { return nil }
    return value["code"]?.stringValue
  }

  static func dbdiagramURL(_ dbml: String) throws(RenderError) -> String {
    let value = "pako:" + Data(try deflate(dbml)).base64EncodedString()
    return "https://dbdiagram.io/embed#c=" + encodeURIComponent(value)
  }

  private static func deflate(_ text: String) throws(RenderError) -> [UInt8] {
    guard let bytes = Zlib.deflate(Array(text.utf8)) else { throw .share("zlib could not deflate the link's data") }
    return bytes
  }

  /// Base64 with `-` and `_` for `+` and `/`, and no `=` padding.
  static func base64URL(_ bytes: [UInt8]) -> String {
    var s = Data(bytes).base64EncodedString()
    s = s.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    while s.hasSuffix("=") { s.removeLast() }
    return s
  }

  static func bytes(base64URL s: String) -> [UInt8]? {
    var b64 = s.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while b64.count % 4 != 0 { b64 += "=" }
    return Data(base64Encoded: b64).map(Array.init)
  }

  /// JavaScript's `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` escaped.
  static func encodeURIComponent(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
      let c = Unicode.Scalar(byte)
      let unreserved = ("A"..."Z").contains(c) || ("a"..."z").contains(c) || ("0"..."9").contains(c)
      if unreserved || "-_.!~*'()".unicodeScalars.contains(c) {
        out.unicodeScalars.append(c)
      } else {
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
