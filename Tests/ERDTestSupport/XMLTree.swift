import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An XML document (an SVG) as a tree of elements, for tests that read attributes: the class of
/// a node, the fill of its cells, a link's title.
public final class XMLElement: @unchecked Sendable {
  public let name: String
  public let attributes: [String: String]
  public private(set) var children: [XMLElement] = []
  /// The text directly inside this element.
  public private(set) var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Parses a document; nil when it is not well-formed.
  public static func parse(_ data: Data) -> XMLElement? {
    let parser = XMLParser(data: data)
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse() else { return nil }
    return builder.root.children.first
  }

  /// This element and every element under it, in document order.
  public var descendants: [XMLElement] { [self] + children.flatMap(\.descendants) }

  /// The first element (this one or under it) whose `id` is `id`.
  public func element(id: String) -> XMLElement? { descendants.first { $0.attributes["id"] == id } }

  /// The words of the `class` attribute.
  public var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }

  /// Every text under this element, trimmed, in order.
  public var texts: [String] {
    descendants.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
  }

  private final class Builder: NSObject, XMLParserDelegate {
    let root = XMLElement(name: "", attributes: [:])
    private var stack: [XMLElement] = []

    override init() {
      super.init()
      stack = [root]
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let element = XMLElement(name: elementName, attributes: attributes)
      stack.last?.children.append(element)
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
  }
}
