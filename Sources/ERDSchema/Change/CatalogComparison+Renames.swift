extension CatalogComparison {
  /// Removed and added tables of one schema with the same columns (folded names and types),
  /// paired when no other removed or added table has those columns.
  func guessTableRenames(removed: Set<FoldedName>, added: Set<FoldedName>) -> [TablePair] {
    func signature(_ key: FoldedName, _ table: Named<Table>?) -> String? {
      guard let columns = table?.value.columns, !columns.isEmpty else { return nil }
      let names = columns.map { fold($0.name) + " " + SQLText.typeKey($0.type) }.sorted()
      return ([key.schema] + names).joined(separator: "\u{1f}")
    }
    return Self.uniquePairs(
      Dictionary(uniqueKeysWithValues: removed.map { ($0, signature($0, oldTables[$0])) }),
      Dictionary(uniqueKeysWithValues: added.map { ($0, signature($0, newTables[$0])) })
    ) { _, signature in signature }
    .map { TablePair(old: $0.old, new: $0.new) }
  }

  /// Records the columns of one matched table that were renamed: a removed and an added column
  /// of the same type, when no other removed or added column has that type.
  mutating func guessColumnRenames(_ pair: TablePair) {
    guard let old = oldTables[pair.old]?.value, let new = newTables[pair.new]?.value, old.columns != new.columns
    else { return }
    let table = pair.new
    let before = Self.index(old.columns, key: fold)
    let after = Self.index(new.columns, key: fold)
    let removed = before.filter { after[$0.key] == nil }
    let added = after.filter { before[$0.key] == nil }
    for pair in Self.uniquePairs(removed, added, signature: { SQLText.typeKey($1.type) }) {
      if let column = added[pair.new] { recordColumnRename(from: pair.old, to: column.name, in: table) }
    }
  }

  /// Pairs a removed and an added item that share a signature no other removed or added item has.
  static func uniquePairs<K: Hashable, V>(
    _ removed: [K: V], _ added: [K: V], signature: (K, V) -> String?
  ) -> [(old: K, new: K)] {
    func bySignature(_ items: [K: V]) -> [String: [K]] {
      var out: [String: [K]] = [:]
      for (key, value) in items {
        if let s = signature(key, value) { out[s, default: []].append(key) }
      }
      return out
    }
    let after = bySignature(added)
    return bySignature(removed).compactMap { signature, keys in
      guard keys.count == 1, let matches = after[signature], matches.count == 1 else { return nil }
      return (keys[0], matches[0])
    }
  }
}
