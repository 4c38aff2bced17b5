import ERDSchema

/// A drawing split into pages (`--split group`): one page per group, a group of more than
/// `pageLimit` tables in parts, each page drawing its tables in full and, as stubs, the tables of
/// other pages that they reference or that reference them; and the links between pages, weighted
/// by the foreign keys between them, for the overview.
public struct SplitPages: Hashable, Sendable {
  /// The most tables and views a page draws in full.
  public static let pageLimit = 60

  /// One page: its file stem (identifier characters, unique, lower case), its title, its group
  /// and its diagram.
  public struct Page: Hashable, Sendable {
    public var key: String
    public var title: String
    public var group: Group
    public var diagram: Diagram
  }

  /// Foreign keys from the tables of one page to those of another.
  public struct Link: Hashable, Sendable {
    public var from: String
    public var to: String
    public var count: Int
  }

  public var pages: [Page] = []
  public var links: [Link] = []
  /// The key of the page that draws each table or view in full.
  public var pageOf: [QualifiedName: String] = [:]

  /// Splits a drawing's diagram, built with `options`, into pages drawn from `catalog`.
  init(_ diagram: Diagram, catalog: Catalog, options: DiagramOptions) {
    var allocator = KeyAllocator()
    for (group, names) in Self.parts(of: diagram) {
      let key = allocator.key(for: QualifiedName(schema: "", name: group.key.lowercased()), qualified: false)
      pages.append(Page(key: key, title: group.label, group: group, diagram: Self.page(names, group, catalog, options)))
      for name in names { pageOf[name] = key }
    }
    links = Self.links(diagram.edges, pageOf: pageOf)
  }
}

extension SplitPages {
  /// Past this many links the overview is a thicket that no one reads and Graphviz lays out for
  /// minutes (2,000 generated tables: 60 pages, 487 links, 95 s); it then draws each page's
  /// `strongestLinksPerPage` strongest links only (0.15 s). README.md and index.html list all.
  public static let overviewLinksUpTo = 80
  public static let strongestLinksPerPage = 3

  /// The links the overview draws: every one, or past `overviewLinksUpTo` the union of each
  /// page's strongest (most foreign keys; of equals, the first), in the order of `links`.
  public var overviewLinks: [Link] {
    guard links.count > Self.overviewLinksUpTo else { return links }
    var ofPage: [String: [Int]] = [:]
    for (i, link) in links.enumerated() {
      ofPage[link.from, default: []].append(i)
      ofPage[link.to, default: []].append(i)
    }
    let stronger = { (a: Int, b: Int) in links[a].count != links[b].count ? links[a].count > links[b].count : a < b }
    let kept = Set(ofPage.values.flatMap { $0.sorted(by: stronger).prefix(Self.strongestLinksPerPage) })
    return links.indices.filter(kept.contains).map { links[$0] }
  }

  /// What the overview leaves out, for stderr and its title; nil when it draws every link.
  public var overviewNote: String? {
    let drawn = overviewLinks.count
    guard drawn < links.count else { return nil }
    return "the overview draws each page's \(Self.strongestLinksPerPage) strongest links (\(drawn) of "
      + "\(links.count)); README.md and index.html list every reference"
  }
}
