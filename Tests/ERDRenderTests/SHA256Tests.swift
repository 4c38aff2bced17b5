@testable import ERDRender
import Testing

/// SHA-256 against FIPS 180-4's examples and against Python's hashlib at block boundaries.
@Suite struct SHA256Tests {
  static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(($0 * 7 + 3) % 256) } }

  static let cases: [(name: String, input: [UInt8], hex: String)] = [
    ("empty", [], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "448 bits", Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    ("a million a", [UInt8](repeating: 0x61, count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ("UTF-8", Array("😀 </script>".utf8), "555c912c6e7ddf3e1cf07f1221a87582b1e966e52a59aec4153dd712f7fd7f9b"),
    ("55 bytes", bytes(55), "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
    ("56 bytes", bytes(56), "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
    ("63 bytes", bytes(63), "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
    ("64 bytes", bytes(64), "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
    ("65 bytes", bytes(65), "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
    ("119 bytes", bytes(119), "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
    ("120 bytes", bytes(120), "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
  ]

  @Test(arguments: cases.map(\.name))
  func knownAnswer(name: String) throws {
    let c = try #require(Self.cases.first { $0.name == name })
    let hex = SHA256.digest(c.input).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
    #expect(hex.joined() == c.hex)
  }

  @Test func cspSourceIsBase64() {
    #expect(SHA256.cspSource("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
  }
}
