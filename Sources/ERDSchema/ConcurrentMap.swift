import Dispatch

extension Array where Element: Sendable {
  /// `map(transform)` in `chunks` contiguous parts run at once: the same result as `map`, sooner
  /// on a machine with cores to spare. Each part is written straight into the result, so nothing
  /// is held twice. Short arrays are mapped in place.
  public func concurrentMap<T: Sendable>(
    chunks: Int = 2, atLeast threshold: Int = 512, _ transform: @Sendable (Element) -> T
  ) -> [T] {
    guard count >= threshold, chunks > 1 else { return map(transform) }
    let size = (count + chunks - 1) / chunks
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      let result = DisjointSlots(buffer)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for i in Swift.min(chunk * size, count)..<Swift.min((chunk + 1) * size, count) {
          result.initialize(i, to: transform(self[i]))
        }
      }
      initialized = count
    }
  }
}

/// The result's storage, shared by the chunks of `concurrentMap`.
private struct DisjointSlots<T>: @unchecked Sendable {
  // Unchecked: each slot is initialized once, by the one chunk whose range holds it, and the
  // result is read only after concurrentPerform returns, which orders every write first.
  let base: UnsafeMutablePointer<T>?

  init(_ buffer: UnsafeMutableBufferPointer<T>) { base = buffer.baseAddress }

  func initialize(_ i: Int, to value: T) { base?.advanced(by: i).initialize(to: value) }
}
