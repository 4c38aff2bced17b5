import ERDSchema
import Foundation

/// Headless Chromium driving erdviz's HTML page, through `Tests/Browser/page-test.js` (node, the
/// DevTools protocol over a pipe). Every non-file: request is blocked and reported.
public enum Browser {
  /// `$ERDVIZ_CHROME`, else Debian's chromium.
  public static let chrome: URL? = locate("ERDVIZ_CHROME", ["/usr/bin/chromium", "/usr/bin/chromium-browser"])
  /// `$ERDVIZ_NODE`, else node on the usual paths.
  public static let node: URL? = locate("ERDVIZ_NODE", ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"])
  public static let driver = Paths.packageRoot.appendingPathComponent("Tests/Browser/page-test.js")

  public static var available: Bool { chrome != nil && node != nil }

  /// One thing a person does on the page; after each (but `wait` and `screenshot`) the driver
  /// reads the page's state.
  public enum Action {
    case load(hash: String = "")
    /// Loads without waiting for the page's script, for pages whose script is meant to fail.
    case loadDocument
    case search(String)
    case key(String)
    case clickList(String)
    case clickTable(String)
    case clickButton(selector: String)
    case clickLink(String)
    case wait(milliseconds: Int)
    case screenshot(URL)
    case snapshot

    var json: JSONValue {
      func step(_ name: String, _ extra: [JSONValue.Member] = []) -> JSONValue {
        .object([.init("do", .string(name))] + extra)
      }
      switch self {
      case .load(let hash): return step("load", [.init("hash", .string(hash))])
      case .loadDocument: return step("load", [.init("script", .bool(false))])
      case .search(let text): return step("search", [.init("text", .string(text))])
      case .key(let key): return step("key", [.init("key", .string(key))])
      case .clickList(let text): return step("clickList", [.init("text", .string(text))])
      case .clickTable(let name): return step("clickTable", [.init("table", .string(name))])
      case .clickButton(let selector): return step("clickButton", [.init("selector", .string(selector))])
      case .clickLink(let text): return step("clickLink", [.init("text", .string(text))])
      case .wait(let ms): return step("wait", [.init("ms", .int(ms))])
      case .screenshot(let url): return step("screenshot", [.init("path", .string(url.path))])
      case .snapshot: return step("snapshot")
      }
    }
  }

  /// What the page showed after one action, and how long the action took.
  public struct State {
    public var action: String
    public var milliseconds: Int
    public var json: JSONValue

    public func string(_ key: String) -> String? { json[key]?.stringValue }
    public func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public func bool(_ key: String) -> Bool { json[key]?.boolValue ?? false }
    public func int(_ key: String) -> Int? { json[key]?.intValue }
  }

  /// Everything the page did besides what the steps asked.
  public struct Report {
    public var states: [State]
    public var requests: [String]
    public var blocked: [String]
    public var exceptions: [String]
    public var consoleErrors: [String]
    public var logErrors: [String]
    public var dialogs: [String]
    public var raw: JSONValue

    /// Requests for anything but the page file itself.
    public var outsideRequests: [String] { requests.filter { !$0.hasPrefix("file:") } + blocked }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Opens `page` in a fresh headless Chromium and performs `actions` in order.
  public static func run(
    _ page: URL, _ actions: [Action], width: Int = 1280, height: Int = 800, dark: Bool = false,
    bypassCSP: Bool = false, timeoutSeconds: Int = 120
  ) throws -> Report {
    guard let chrome, let node else { throw Failure(description: "chromium or node is missing") }
    let plan: JSONValue = .object([
      .init("page", .string(page.path)), .init("chrome", .string(chrome.path)), .init("width", .int(width)),
      .init("height", .int(height)), .init("dark", .bool(dark)), .init("bypassCSP", .bool(bypassCSP)),
      .init("timeout", .int(timeoutSeconds)), .init("steps", .array(actions.map(\.json))),
    ])
    let planURL = try Paths.temporaryDirectory().appendingPathComponent("plan.json")
    try Data(JSONWriter().string(plan).utf8).write(to: planURL)
    let result = try ERDTestSupport.run(node, [driver.path, planURL.path])
    guard result.status == 0, let json = try? JSONParser.parse(result.stdout) else {
      throw Failure(description: "page-test.js failed (\(result.status)): \(result.stderr)")
    }
    let strings = { (key: String) in json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    let states = (json["results"]?.arrayValue ?? []).map {
      State(action: $0["do"]?.stringValue ?? "", milliseconds: $0["ms"]?.intValue ?? 0, json: $0["state"] ?? .null)
    }
    return Report(
      states: states, requests: strings("requests"), blocked: strings("blocked"), exceptions: strings("exceptions"),
      consoleErrors: strings("consoleErrors"), logErrors: strings("logErrors"), dialogs: strings("dialogs"), raw: json)
  }

  private static func locate(_ variable: String, _ candidates: [String]) -> URL? {
    if let custom = ProcessInfo.processInfo.environment[variable], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
  }
}
