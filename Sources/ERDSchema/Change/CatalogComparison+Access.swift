extension CatalogComparison {
  /// Grants and policies of a table present in both catalogs, and its owner when both know it
  /// (DDL rarely names owners, and an unknown owner is no change).
  func accessChanges(_ old: Table, _ new: Table, table: FoldedName) -> [(Element, Action)] {
    var out = ownerChange(old.owner, new.owner)
    out += privilegeChanges(old.privileges, new.privileges, table: table)
    let exact: (Policy, String) -> String = { policy, _ in "\u{1}" + policy.name }
    let before = Self.index(old.policies, name: \.name, key: { fold($0.name) }, exact: exact)
    let after = Self.index(new.policies, name: \.name, key: { fold($0.name) }, exact: exact)
    for (key, policy) in before {
      guard let match = after[key] else {
        out.append((.policy(policy), .removed))
        continue
      }
      out += Policy.changeRules.actions(policy, match, folding).map { (.policy(match), $0) }
    }
    for (key, policy) in after where before[key] == nil { out.append((.policy(policy), .added)) }
    return out
  }

  /// Grants and owner of a view present in both catalogs.
  func accessChanges(_ old: View, _ new: View, table: FoldedName) -> [(Element, Action)] {
    ownerChange(old.owner, new.owner) + privilegeChanges(old.privileges, new.privileges, table: table)
  }

  private func ownerChange(_ old: String?, _ new: String?) -> [(Element, Action)] {
    guard let old, let new, old != new else { return [] }
    return [(.object, .changed(.owner, old: .text(old), new: .text(new)))]
  }

  /// What was granted and revoked, one privilege at a time, then grouped as a catalog groups
  /// grants: one change per role and set of columns.
  private func privilegeChanges(_ old: [Privilege], _ new: [Privilege], table: FoldedName) -> [(Element, Action)] {
    guard old != new else { return [] }
    func keyed(_ atoms: [PrivilegeAtom], column: (String) -> String) -> [PrivilegeAtom: PrivilegeAtom] {
      var out: [PrivilegeAtom: PrivilegeAtom] = [:]
      for atom in atoms {
        var key = atom
        key.column = atom.column.map(column)
        out[key] = atom
      }
      return out
    }
    let before = keyed(old.flatMap(\.atoms)) { translatedColumn($0, in: table) }
    let after = keyed(new.flatMap(\.atoms), column: fold)
    let revoked = Privilege.grouping(before.filter { after[$0.key] == nil }.map(\.value))
    let granted = Privilege.grouping(after.filter { before[$0.key] == nil }.map(\.value))
    return revoked.map { (.privilege($0), .removed) } + granted.map { (.privilege($0), .added) }
  }
}
