import ERDSchema

/// Where a provider program declared each table, read from Atlas's `-- atlas:pos` comments:
///
///     -- atlas:pos polls_choice[type=table] /src/polls/models.py:12:1-18:32
///
/// Every Atlas provider prints them before its DDL, whatever the dialect, so one pre-pass over
/// the text serves every reader. Absolute paths are made relative (`SourcePaths`), so that the
/// same project gives the same diagram on every machine and in every folder.
struct AtlasPositions {
  /// By object name as printed (`polls_choice`, or `schema.name` when qualified).
  private(set) var locations: [String: SourceLocation] = [:]

  private static let marker = Array("-- atlas:pos ".utf8)

  init(_ bytes: [UInt8], workingDirectory: String? = nil) {
    var lineStart = 0
    // The block comes first; stop at the first line that is neither blank nor a comment.
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      let line = bytes[lineStart..<lineEnd]
      if line.starts(with: Self.marker) {
        if let (name, location) = Self.parse(String(decoding: line.dropFirst(Self.marker.count), as: UTF8.self)) {
          locations[name] = location
        }
      } else if !Self.isBlankOrComment(line) {
        break
      }
      lineStart = lineEnd + 1
    }
    let paths = SourcePaths(locations.values.map(\.file), workingDirectory: workingDirectory)
    for (name, location) in locations { locations[name]?.file = paths.relative(location.file) }
  }

  var isEmpty: Bool { locations.isEmpty }

  /// `name[type=table] path:line[:column[-line:column]]`.
  static func parse(_ text: String) -> (String, SourceLocation)? {
    guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
    let name = String(text[..<open]).trimmingSpaces()
    var rest = Substring(text[text.index(after: close)...].drop { $0 == " " })
    while let last = rest.last, last == "\r" || last == " " { rest.removeLast() }
    guard !name.isEmpty, !rest.isEmpty else { return nil }
    // The path may hold colons; the position is the run of `:digits`, `-` and digits at the end.
    var end = rest.endIndex
    while let colon = rest[..<end].lastIndex(of: ":"),
      !rest[rest.index(after: colon)..<end].isEmpty,
      rest[rest.index(after: colon)..<end].allSatisfy({ $0.isNumber || $0 == "-" })
    {
      end = colon
    }
    let path = String(rest[..<end])
    let position = rest[end...].split(separator: ":").first.flatMap { Int($0) }
    guard !path.isEmpty else { return nil }
    return (name, SourceLocation(file: path, line: position))
  }

  private static func isBlankOrComment(_ line: ArraySlice<UInt8>) -> Bool {
    let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    return trimmed.isEmpty || trimmed.starts(with: [0x2D, 0x2D])
  }
}

extension Catalog {
  /// The catalog with each table's and view's source location from provider metadata.
  func applying(_ positions: AtlasPositions) -> Catalog {
    guard !positions.isEmpty else { return self }
    var copy = self
    for s in copy.schemas.indices {
      let schema = copy.schemas[s].name
      func location(_ name: String) -> SourceLocation? {
        positions.locations["\(schema).\(name)"] ?? positions.locations[name]
      }
      for t in copy.schemas[s].tables.indices {
        if let l = location(copy.schemas[s].tables[t].name) { copy.schemas[s].tables[t].source = l }
      }
      for v in copy.schemas[s].views.indices {
        if let l = location(copy.schemas[s].views[v].name) { copy.schemas[s].views[v].source = l }
      }
    }
    return copy
  }
}
