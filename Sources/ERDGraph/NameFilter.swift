import ERDSchema

/// Chooses tables and views by glob patterns over their names (`billing.*`, `*_audit`, `django_?*`).
///
/// A pattern matches a qualified `schema.name` or, when it contains no dot, the bare name. With no
/// include patterns everything is included; an exclude pattern always wins. The filter only
/// decides what is drawn: it never removes a table, or a reference to one, from the catalog.
public struct NameFilter: Hashable, Sendable {
  public var include: [String]
  public var exclude: [String]

  public init(include: [String] = [], exclude: [String] = []) {
    self.include = include
    self.exclude = exclude
  }

  public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

  public func admits(_ name: QualifiedName) -> Bool {
    if exclude.contains(where: { Self.matches($0, name) }) { return false }
    return include.isEmpty || include.contains { Self.matches($0, name) }
  }

  /// Whether one pattern matches a qualified name.
  public static func matches(_ pattern: String, _ name: QualifiedName) -> Bool {
    if Glob(pattern).matches(name.description) { return true }
    return !pattern.contains(".") && Glob(pattern).matches(name.name)
  }
}

/// Shell-style wildcards: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!x]` a set.
struct Glob {
  private let pattern: [Character]

  init(_ pattern: String) { self.pattern = Array(pattern) }

  func matches(_ text: String) -> Bool {
    let t = Array(text)
    var p = 0
    var i = 0
    var star: Int?
    var resume = 0
    while i < t.count {
      if p < pattern.count, pattern[p] == "*" {
        star = p
        resume = i
        p += 1
      } else if p < pattern.count, let next = matchOne(at: p, t[i]) {
        p = next
        i += 1
      } else if let s = star {
        p = s + 1
        resume += 1
        i = resume
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }

  /// The pattern position after matching `c` at `p`, or nil when it does not match.
  private func matchOne(at p: Int, _ c: Character) -> Int? {
    switch pattern[p] {
    case "?": return p + 1
    case "[":
      var q = p + 1
      let negated = q < pattern.count && (pattern[q] == "!" || pattern[q] == "^")
      if negated { q += 1 }
      var found = false
      var first = true
      while q < pattern.count, pattern[q] != "]" || first {
        first = false
        if q + 2 < pattern.count, pattern[q + 1] == "-", pattern[q + 2] != "]" {
          if pattern[q] <= c && c <= pattern[q + 2] { found = true }
          q += 3
        } else {
          if pattern[q] == c { found = true }
          q += 1
        }
      }
      guard q < pattern.count else { return pattern[p] == c ? p + 1 : nil }  // no closing ]: literal
      return found != negated ? q + 1 : nil
    default:
      return pattern[p] == c ? p + 1 : nil
    }
  }
}
