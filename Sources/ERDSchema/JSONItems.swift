/// The items of a JSON array, made one by one as they are written rather than held.
///
/// The JSON of 300,000 tables is a tree of gigabytes; written from `JSONItems`, only a batch of
/// tables is ever a tree at once. Two item lists are equal when they make equal items.
public struct JSONItems: RandomAccessCollection, Hashable, Sendable {
  public let count: Int
  private let make: @Sendable (Int) -> JSONValue

  /// The JSON of each element, made when it is written.
  public init<C: RandomAccessCollection & Sendable>(
    _ elements: C, _ item: @escaping @Sendable (C.Element) -> JSONValue
  ) where C.Index == Int {
    count = elements.count
    let start = elements.startIndex
    make = { item(elements[start + $0]) }
  }

  private init(count: Int, make: @escaping @Sendable (Int) -> JSONValue) {
    self.count = count
    self.make = make
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { count }
  public subscript(i: Int) -> JSONValue { make(i) }

  /// Every item, made now.
  public var values: [JSONValue] { Array(self) }

  /// The same items, each changed by `transform` when it is made.
  public func transformed(_ transform: @escaping @Sendable (JSONValue) -> JSONValue) -> JSONItems {
    let make = self.make
    return JSONItems(count: count) { transform(make($0)) }
  }

  public static func == (a: JSONItems, b: JSONItems) -> Bool { a.count == b.count && a.values == b.values }

  public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
