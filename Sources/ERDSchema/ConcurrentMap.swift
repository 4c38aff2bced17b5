import Dispatch

extension Array where Element: Sendable {
  /// `map(transform)` in `chunks` contiguous parts run at once, joined in order: the same
  /// result as `map`, sooner on a machine with cores to spare. Short arrays are mapped in place.
  public func concurrentMap<T: Sendable>(
    chunks: Int = 2, atLeast threshold: Int = 512, _ transform: @Sendable (Element) -> T
  ) -> [T] {
    guard count >= threshold, chunks > 1 else { return map(transform) }
    let parts = Parts<T>(count: chunks)
    let size = (count + chunks - 1) / chunks
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = Swift.min(chunk * size, count)..<Swift.min((chunk + 1) * size, count)
      parts.store(self[range].map(transform), at: chunk)
    }
    return parts.joined()
  }
}

/// The mapped parts of `concurrentMap`, one slot per chunk, each written by one thread only.
private final class Parts<T: Sendable>: @unchecked Sendable {
  // Unchecked: each slot is written once, by its own chunk, through a pointer (no shared
  // array is mutated), and read after concurrentPerform returns, which orders the writes first.
  private let slots: UnsafeMutableBufferPointer<[T]>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: [])
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ part: [T], at index: Int) { slots[index] = part }

  /// The parts in order, each freed once copied, so no more than one part is held twice.
  func joined() -> [T] {
    var all: [T] = []
    all.reserveCapacity(slots.reduce(0) { $0 + $1.count })
    for i in slots.indices {
      all.append(contentsOf: slots[i])
      slots[i] = []
    }
    return all
  }
}
