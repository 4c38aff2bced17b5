import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Parses XML (an SVG) and collects its text nodes; `wellFormed` is false on any XML error.
public struct XMLText {
  public var wellFormed: Bool
  public var error: String?
  /// Every text node, trimmed.
  public var texts: [String]

  public init(_ data: Data) {
    let parser = XMLParser(data: data)
    let collector = Collector()
    parser.delegate = collector
    wellFormed = parser.parse()
    error = parser.parserError.map { "\($0)" }
    texts = collector.texts
  }

  /// Joins the pieces the parser delivers (it splits text at every entity) into whole text nodes.
  private final class Collector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    private var buffer = ""

    func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) { flush() }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      flush()
    }

    private func flush() {
      let t = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
      if !t.isEmpty { texts.append(t) }
      buffer = ""
    }
  }
}
