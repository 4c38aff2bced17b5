extension CatalogComparison {
  /// Removed and added tables of one schema with the same columns (folded names and types),
  /// paired when no other removed or added table has those columns.
  func guessTableRenames(
    removed: [FoldedName: Named<Table>], added: [FoldedName: Named<Table>]
  ) -> [(old: FoldedName, new: FoldedName)] {
    Self.uniquePairs(removed, added) { key, table in
      guard !table.value.columns.isEmpty else { return nil }
      let columns = table.value.columns.map { fold($0.name) + " " + SQLText.typeKey($0.type) }.sorted()
      return ([key.schema] + columns).joined(separator: "\u{1f}")
    }
  }

  /// Records the columns of one matched table that were renamed: a removed and an added column
  /// of the same type, when no other removed or added column has that type.
  mutating func guessColumnRenames(_ old: Table, _ new: Table, in table: FoldedName) {
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
