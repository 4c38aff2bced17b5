import Foundation
import Synchronization

/// Cuts a script into pieces of whole statements, each about `pieceSize` bytes, and parses them
/// one after the other.
///
/// A syntax error in a piece's last statement may come from the cut (a `;` inside
/// `BEGIN ATOMIC … END`): the piece then takes in more statements, twice as many each time, and
/// is parsed again; an error anywhere else in a piece is the input's.
struct PgPieces {
  private let text: [UInt8]
  private let ends: [Int]
  private let pieceSize: Int
  private var start = 0
  private var next = 0  // the first end not yet parsed

  init(_ script: PsqlScript, pieceSize: Int) {
    text = script.bytes
    var ends = script.statementEnds
    if ends.last ?? 0 < text.count { ends.append(text.count) }
    self.ends = ends
    self.pieceSize = pieceSize
  }

  /// Whether the whole script is one piece.
  var isOnePiece: Bool { (ends.last ?? 0) <= pieceSize }

  /// The next piece's parse tree; nil after the last.
  mutating func parseNext() throws(PgQuery.Failure) -> PgQuery.ParseTree? {
    guard next < ends.count else { return nil }
    var last = next
    while last + 1 < ends.count, ends[last + 1] - start <= pieceSize { last += 1 }
    var more = 1
    while true {
      do {
        let tree = try PgQuery.ParseTree(text, start..<ends[last])
        start = ends[last]
        next = last + 1
        return tree
      } catch .syntax(_, let offset) where last + 1 < ends.count && offset >= (last > next ? ends[last - 1] : start) {
        last = min(last + more, ends.count - 1)
        more *= 2
      }
    }
  }

  /// Parses every piece on a thread of its own, a few pieces ahead of `body`, which reads them
  /// in order on the calling thread: parsing and reading the model overlap on two cores.
  /// Stops at the first failure, after `body` has had every piece before it.
  consuming func parseAhead(_ body: (PgQuery.ParseTree) -> Void) throws(PgQuery.Failure) {
    let handoff = Handoff<Result<PgQuery.ParseTree, PgQuery.Failure>>(capacity: 2)
    let start = self
    let parser = Thread {
      var pieces = start
      while true {
        do throws(PgQuery.Failure) {
          guard let tree = try pieces.parseNext() else { break }
          handoff.put(.success(tree))
        } catch {
          handoff.put(.failure(error))
          break
        }
      }
      handoff.finish()
    }
    // The parser's recursion is the main thread's: give it the same 8 MB of stack.
    parser.stackSize = 8 << 20
    parser.start()
    while let piece = handoff.take() {
      body(try piece.get())
    }
  }
}

/// A bounded queue from one producing thread to one consuming thread: `put` waits while it is
/// full, `take` while it is empty; after `finish`, `take` returns nil once it is drained.
private final class Handoff<Element: Sendable>: Sendable {
  private let items = Mutex<[Element]>([])
  private let free: DispatchSemaphore
  private let filled = DispatchSemaphore(value: 0)

  init(capacity: Int) { free = DispatchSemaphore(value: capacity) }

  func put(_ item: Element) {
    free.wait()
    items.withLock { $0.append(item) }
    filled.signal()
  }

  /// Signals with nothing put: the one signal `take` finds no item for.
  func finish() { filled.signal() }

  func take() -> Element? {
    filled.wait()
    let item: Element? = items.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    if item != nil { free.signal() }
    return item
  }
}
