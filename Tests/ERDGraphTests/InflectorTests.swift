import ERDGraph
import Testing

/// Plurals from the inflection tables, word splitting, and the key-type compatibility table.
@Suite struct InflectorTests {
  @Test(arguments: [
    ("user", "users"), ("category", "categories"), ("person", "people"), ("address", "addresses"),
    ("status", "statuses"), ("company", "companies"), ("box", "boxes"), ("mouse", "mice"), ("analysis", "analyses"),
    ("child", "children"), ("day", "days"), ("key", "keys"), ("match", "matches"), ("wish", "wishes"),
    ("alias", "aliases"), ("bus", "buses"), ("knife", "knives"), ("safe", "safes"), ("roof", "roofs"),
    ("hero", "heroes"), ("photo", "photos"), ("datum", "data"), ("album", "albums"), ("quiz", "quizzes"),
    ("buzz", "buzzes"), ("equipment", "equipment"), ("series", "series"), ("staff", "staff"), ("index", "indices"),
    ("settings", "settings"), ("Category", "categories"),
  ])
  func plurals(word: String, plural: String) { #expect(Inflector.plural(word) == plural) }

  @Test func pluralOfTheLastWord() {
    #expect(Inflector.plural(words: ["order", "item"]) == ["order", "items"])
    #expect(Inflector.plural(words: ["sales", "person"]) == ["sales", "people"])
  }

  @Test(arguments: [
    ("order_item_id", ["order", "item", "id"]), ("orderItemId", ["order", "item", "id"]), ("UserID", ["user", "id"]),
    ("HTMLPage", ["html", "page"]), ("address2_id", ["address2", "id"]), ("OrderItems", ["order", "items"]),
    ("id", ["id"]), ("__x__", ["x"]),
  ])
  func words(name: String, words: [String]) { #expect(Inflector.words(name) == words) }

  @Test(arguments: [
    ("bigint", "int", true), ("int(11) unsigned", "integer", true), ("INTEGER", "bigint", true),
    ("uuid", "char(36)", true), ("char(36)", "uuid", true), ("binary(16)", "uuid", true),
    ("uniqueidentifier", "uuid", true), ("varchar(255)", "text", true), ("char(36)", "bigint", false),
    ("uuid", "integer", false), ("varchar(40)", "integer", false), ("", "bigint", true),
    ("numeric(10)", "integer", true), ("numeric(10,2)", "integer", false), ("my_enum", "my_enum", true),
    ("my_enum", "text", false),
  ])
  func keyTypes(column: String, key: String, compatible: Bool) {
    #expect(TypeFamily.compatible(column, key) == compatible, "\(column) ~ \(key)")
  }

  @Test(arguments: [
    ("int4", "integer", true), ("int(11)", "integer", true), ("serial", "integer", true),
    ("character varying(100)", "varchar(200)", true), ("bigint", "integer", false),
    ("int unsigned", "int", false), ("timestamp(6) without time zone", "timestamp", true),
  ])
  func sameBase(a: String, b: String, same: Bool) { #expect(SQLType(a).sameBase(as: SQLType(b)) == same) }
}
