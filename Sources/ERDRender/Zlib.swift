import CZlib

/// zlib's deflate and inflate, in the zlib format (header and Adler-32) that pako uses.
enum Zlib {
  /// Deflates at level 9, as mermaid.live does; the same input always gives the same bytes.
  /// Nil only when zlib itself fails (out of memory): compressBound is room enough by contract.
  static func deflate(_ input: [UInt8]) -> [UInt8]? {
    var length = compressBound(uLong(input.count))
    var output = [UInt8](repeating: 0, count: Int(length))
    let status = input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), 9)
      }
    }
    return status == Z_OK ? Array(output.prefix(Int(length))) : nil
  }

  /// Inflates zlib-format data, or nil when it is not.
  static func inflate(_ input: [UInt8]) -> [UInt8]? {
    var capacity = max(1024, input.count * 8)
    while capacity <= 1 << 30 {
      var length = uLong(capacity)
      var output = [UInt8](repeating: 0, count: capacity)
      let status = input.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
          uncompress(target.baseAddress, &length, source.baseAddress, uLong(source.count))
        }
      }
      if status == Z_OK { return Array(output.prefix(Int(length))) }
      guard status == Z_BUF_ERROR else { return nil }
      capacity *= 4
    }
    return nil
  }
}
