import ERDSchema

/// An output's bytes: held whole, or made in pieces as they are written, so that a large output
/// (the JSON of 300,000 tables is 600 MB) is never held whole.
public enum OutputContent: Sendable {
  case held([UInt8])
  /// Hands its pieces to the function given, stopping when it refuses one; whether all were taken.
  case streamed(@Sendable (_ consume: ([UInt8]) -> Bool) -> Bool)

  /// Passes the bytes on in pieces; false when `consume` refused one (a failed write).
  public func write(to consume: ([UInt8]) -> Bool) -> Bool {
    switch self {
    case .held(let bytes): return consume(bytes)
    case .streamed(let produce): return produce(consume)
    }
  }

  /// Every byte, made now.
  public var bytes: [UInt8] {
    switch self {
    case .held(let bytes): return bytes
    case .streamed:
      var all: [UInt8] = []
      _ = write { piece in
        all.append(contentsOf: piece)
        return true
      }
      return all
    }
  }
}
