/// English plurals and word splitting for table names, as Rails and Django name their tables.
///
/// A plural comes from three tables, checked in order: words without a plural (`equipment`,
/// `series`), irregular words (`person` → `people`, `mouse` → `mice`, `analysis` → `analyses`),
/// then suffix rules (`category` → `categories`, `box` → `boxes`, `status` → `statuses`); only a
/// word none of them covers gets a plain `s`.
public enum Inflector {
  /// The plural of one lower-case word.
  public static func plural(_ word: String) -> String {
    let word = word.lowercased()
    if uncountable.contains(word) { return word }
    if let irregular = irregulars[word] { return irregular }
    for rule in suffixRules where word.hasSuffix(rule.suffix) && word.count > rule.suffix.count {
      guard rule.unlessAfter.isEmpty || !rule.unlessAfter.contains(word.dropLast(rule.suffix.count).last ?? " ")
      else { continue }
      return String(word.dropLast(rule.drop)) + rule.add
    }
    return word + "s"
  }

  /// The plural of a name's last word: `order_item` → `order_items`, `OrderItem` → `order_items`.
  public static func plural(words: [String]) -> [String] {
    guard let last = words.last else { return words }
    return words.dropLast() + [plural(last)]
  }

  /// The lower-case words of a name, split at `_`, `-`, spaces and camel-case humps:
  /// `orderItemId` → `order item id`, `HTMLPage` → `html page`, `userID` → `user id`.
  public static func words(_ name: String) -> [String] {
    var words: [String] = []
    var current: [Character] = []
    let characters = Array(name)
    for (i, c) in characters.enumerated() {
      if c == "_" || c == "-" || c == " " || c == "." {
        if !current.isEmpty { words.append(String(current).lowercased()) }
        current = []
        continue
      }
      if c.isUppercase, let previous = current.last {
        let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
          words.append(String(current).lowercased())
          current = []
        }
      }
      current.append(c)
    }
    if !current.isEmpty { words.append(String(current).lowercased()) }
    return words
  }

  /// Words with no plural of their own: the table is named with the word itself.
  static let uncountable: Set<String> = [
    "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "deer", "moose", "bison",
    "news", "metadata", "data", "staff", "personnel", "feedback", "software", "hardware", "aircraft", "police",
    "advice", "knowledge", "luggage", "furniture", "traffic", "music", "media", "jeans", "offspring", "inventory",
  ]

  /// Plurals no suffix rule gives (and words a rule would get wrong: `safe`, `roof`, `photo`).
  static let irregulars: [String: String] = [
    "person": "people", "man": "men", "woman": "women", "child": "children", "ox": "oxen", "mouse": "mice",
    "louse": "lice", "goose": "geese", "foot": "feet", "tooth": "teeth", "die": "dice", "quiz": "quizzes",
    "axis": "axes", "matrix": "matrices", "vertex": "vertices", "index": "indices", "appendix": "appendices",
    "datum": "data", "medium": "media", "criterion": "criteria", "phenomenon": "phenomena",
    "curriculum": "curricula", "memorandum": "memoranda", "cactus": "cacti", "radius": "radii",
    "alumnus": "alumni", "stimulus": "stimuli", "knife": "knives", "wife": "wives", "life": "lives",
    "leaf": "leaves", "half": "halves", "shelf": "shelves", "wolf": "wolves", "calf": "calves", "loaf": "loaves",
    "thief": "thieves", "elf": "elves", "self": "selves", "scarf": "scarves", "hero": "heroes", "potato": "potatoes",
    "tomato": "tomatoes", "echo": "echoes", "veto": "vetoes", "torpedo": "torpedoes", "buffalo": "buffaloes",
  ]

  /// A suffix rule: drop `drop` characters and add `add`, unless the suffix follows one of `unlessAfter`.
  struct SuffixRule {
    var suffix: String
    var drop: Int
    var add: String
    var unlessAfter: Set<Character> = []
  }

  /// In order; the first rule whose suffix matches wins.
  static let suffixRules: [SuffixRule] = [
    SuffixRule(suffix: "sis", drop: 2, add: "es"),  // analysis → analyses
    SuffixRule(suffix: "y", drop: 1, add: "ies", unlessAfter: ["a", "e", "i", "o", "u"]),  // category, not day
    SuffixRule(suffix: "ch", drop: 0, add: "es"),
    SuffixRule(suffix: "sh", drop: 0, add: "es"),
    SuffixRule(suffix: "ss", drop: 0, add: "es"),  // address → addresses
    SuffixRule(suffix: "us", drop: 0, add: "es"),  // status → statuses, bus → buses
    SuffixRule(suffix: "as", drop: 0, add: "es"),  // alias → aliases
    SuffixRule(suffix: "x", drop: 0, add: "es"),  // box → boxes
    SuffixRule(suffix: "zz", drop: 0, add: "es"),  // buzz → buzzes
    SuffixRule(suffix: "z", drop: 0, add: "zes"),  // whiz → whizzes (quiz is irregular)
    SuffixRule(suffix: "s", drop: 0, add: ""),  // already plural: settings_id names `settings`
  ]
}
