import ERDInspect

/// A cursor over a statement's tokens with the few moves a tolerant DDL parser needs.
struct TokenStream {
  let tokens: ArraySlice<SQLToken>
  private(set) var index: Int

  init(_ tokens: ArraySlice<SQLToken>) {
    self.tokens = tokens
    index = tokens.startIndex
  }

  init(_ tokens: [SQLToken]) { self.init(tokens[...]) }

  var atEnd: Bool { index >= tokens.endIndex }
  var current: SQLToken? { peek(0) }
  /// The tokens not read yet.
  var rest: ArraySlice<SQLToken> { tokens[min(index, tokens.endIndex)...] }

  func peek(_ offset: Int) -> SQLToken? {
    let i = index + offset
    return i < tokens.endIndex && i >= tokens.startIndex ? tokens[i] : nil
  }

  mutating func advance(_ count: Int = 1) { index = min(tokens.endIndex, index + count) }

  func isWord(_ words: String...) -> Bool { current.map { t in words.contains { t.isWord($0) } } ?? false }

  func isSymbol(_ symbol: String) -> Bool { current?.isSymbol(symbol) ?? false }

  /// Consumes the current token when it is one of `words`.
  @discardableResult
  mutating func accept(_ words: String...) -> Bool {
    guard let t = current, words.contains(where: { t.isWord($0) }) else { return false }
    advance()
    return true
  }

  /// Consumes `words` when they come next, in order; consumes nothing otherwise.
  @discardableResult
  mutating func accept(sequence words: String...) -> Bool {
    for (k, word) in words.enumerated() where !(peek(k)?.isWord(word) ?? false) { return false }
    advance(words.count)
    return true
  }

  @discardableResult
  mutating func accept(symbol: String) -> Bool {
    guard isSymbol(symbol) else { return false }
    advance()
    return true
  }

  /// An identifier: a bare word, a quoted name, or (MySQL) a string where a name is expected.
  mutating func identifier() -> String? {
    guard let name = current?.identifier, current?.kind != .number else { return nil }
    advance()
    return name
  }

  /// `a`, `a.b`, `a.b.c`, `db..table`: the parts, empty ones kept.
  mutating func qualifiedName() -> [String] {
    guard let first = identifier() else { return [] }
    var parts = [first]
    while isSymbol(".") {
      advance()
      if isSymbol(".") {
        parts.append("")
        continue
      }
      guard let next = identifier() else { break }
      parts.append(next)
    }
    return parts
  }

  /// When the current token opens a parenthesis, consumes the group and returns its inner tokens.
  mutating func group() -> ArraySlice<SQLToken>? {
    guard isSymbol("(") else { return nil }
    let open = index
    var depth = 0
    while let t = current {
      if t.isSymbol("(") { depth += 1 }
      if t.isSymbol(")") {
        depth -= 1
        if depth == 0 {
          advance()
          return tokens[(open + 1)..<(index - 1)]
        }
      }
      advance()
    }
    return tokens[(open + 1)..<tokens.endIndex]
  }

  /// Consumes one expression-like unit: a group, a call `f(…)`, a signed number, or one token.
  mutating func term() -> ArraySlice<SQLToken> {
    let start = index
    if isSymbol("(") {
      _ = group()
    } else if isSymbol("-") || isSymbol("+"), peek(1)?.kind == .number {
      advance(2)
    } else {
      advance()
      while isSymbol("."), let next = peek(1), next.identifier != nil {
        advance(2)
      }
      if isSymbol("(") { _ = group() }
    }
    return tokens[start..<index]
  }
}

extension ArraySlice where Element == SQLToken {
  /// The pieces between top-level commas.
  func splitAtTopLevelCommas() -> [ArraySlice<SQLToken>] {
    var parts: [ArraySlice<SQLToken>] = []
    var depth = 0
    var start = startIndex
    for i in indices {
      if self[i].isSymbol("(") { depth += 1 }
      if self[i].isSymbol(")") { depth -= 1 }
      if depth == 0 && self[i].isSymbol(",") {
        parts.append(self[start..<i])
        start = i + 1
      }
    }
    parts.append(self[start..<endIndex])
    return parts.filter { !$0.isEmpty }
  }

  /// The first name of each comma-separated item: `(a, b(10) DESC, [c] ASC)` → `a, b, c`.
  var columnNames: [String] {
    splitAtTopLevelCommas().compactMap { $0.first?.identifier }
  }
}
