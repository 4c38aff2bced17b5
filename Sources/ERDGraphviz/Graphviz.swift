import CGraphviz
import Foundation
import Synchronization

/// Lays out DOT text and renders it in-process with Graphviz's C library (libgvc); no `dot`
/// subprocess. Knows nothing of schemas: it only ever sees DOT.
public enum Graphviz {
  /// The output formats this wrapper asks libgvc for.
  public enum Format: String, Sendable, CaseIterable {
    case svg
    case png
    case pdf
    /// DOT with layout positions, as `dot -Tdot` writes it.
    case layoutDOT = "dot"

    /// Whether cairo draws this format's text with the pango layout Graphviz made for each span
    /// (so every span must be measured afresh, not answered from the table of text sizes).
    var drawsPangoLayouts: Bool { self == .png || self == .pdf }
  }

  /// Graphviz keeps global state (its error handler, the string pool, plugin tables); every call
  /// goes through this lock.
  private static let lock = Mutex(())

  /// The rendered bytes and the warnings Graphviz printed while making them.
  public struct Output: Sendable {
    public var bytes: [UInt8]
    public var warnings: [String]
  }

  /// Lays out `dot` with the `dot` engine and renders it.
  public static func render(_ dot: String, as format: Format) throws(GraphvizError) -> Output {
    do {
      return try lock.withLock { _ throws(GraphvizError) in try renderLocked(dot, format: format) }
    } catch {
      throw error
    }
  }

  private static func renderLocked(_ dot: String, format: Format) throws(GraphvizError) -> Output {
    GraphvizMessages.reset()
    agseterr(AGWARN)
    _ = agseterrf(graphvizErrorHandler)
    guard let context = SharedContext.context else { throw .unavailable("cannot create a Graphviz context") }
    guard let graph = erd_read_dot(dot) else {
      throw .invalidDOT(GraphvizMessages.text.isEmpty ? "syntax error in DOT" : GraphvizMessages.text)
    }
    defer { agclose(graph) }
    erd_text_sizes_enable(format.drawsPangoLayouts ? 0 : 1)
    guard gvLayout(context, graph, "dot") == 0 else {
      throw .layoutFailed(GraphvizMessages.text.isEmpty ? "layout failed" : GraphvizMessages.text)
    }
    defer { gvFreeLayout(context, graph) }
    var result: UnsafeMutablePointer<CChar>?
    var length = 0
    // cairo dates a PDF in local time, so its length varies with TZ: render in UTC, then date it.
    let rendered = PDFDate.inUTC(format == .pdf) {
      erd_gv_render_data(context, graph, format.rawValue, &result, &length)
    }
    guard rendered == 0, let result else {
      let detail = GraphvizMessages.text
      throw .unavailable("cannot render \(format.rawValue)" + (detail.isEmpty ? "" : ": \(detail)"))
    }
    defer { gvFreeRenderData(result) }
    let bytes = result.withMemoryRebound(to: UInt8.self, capacity: length) {
      Array(UnsafeBufferPointer(start: $0, count: length))
    }
    return Output(bytes: format == .pdf ? PDFDate.fixed(bytes) : bytes, warnings: GraphvizMessages.lines)
  }

  /// Makes the context, loads the plugins and the fonts on a thread of its own, so that a run
  /// reading its source meanwhile does not wait for them at its first render (about 20 ms, a
  /// tenth of a 500-table layout). Once per process; `settle` waits for it.
  public static func prepare() { _ = warmingUp }

  /// Waits for `prepare`'s work, if any: a process must not exit while Graphviz is loading.
  public static func settle() { warming.wait() }

  private static let warming = DispatchGroup()
  /// Started on first use only: a static is initialized once, whichever thread asks first.
  private static let warmingUp: Void = {
    warming.enter()
    Thread.detachNewThread {
      _ = try? render(warmUpDOT, as: .svg)
      warming.leave()
    }
  }()
  /// One HTML-like label in the diagrams' font: what makes pango load its fonts.
  private static let warmUpDOT =
    #"digraph { node [shape=plain, fontname="Helvetica,Arial,sans-serif", fontsize=10]; a [label=<<table><tr><td><b>a</b></td></tr></table>>] }"#

  /// Whether each distinct text is measured once (the layer of `text_sizes.h` found pango's
  /// engine); without it every span goes to Graphviz's own choice, as in `dot`.
  public static var measuresEachTextOnce: Bool {
    lock.withLock { _ in SharedContext.context != nil && erd_text_sizes_installed() != 0 }
  }

  /// Graphviz's own version string, for `erdviz --version`.
  public static var version: String {
    lock.withLock { _ in
      guard let context = SharedContext.context, let info = gvcVersion(context) else { return "unknown" }
      return String(cString: info)
    }
  }
}

/// The one Graphviz context of the process, made on first use and never freed. It measures each
/// distinct text once (`text_sizes.h` in CGraphviz puts that in front of pango).
///
/// Graphviz 2.42's text-size cache (in the pango plugin) keeps font names that `gvFreeContext`
/// frees, so a second context reads freed memory (AddressSanitizer found it: `make fuzz`,
/// json-catalog). One context for every render avoids that, and loads the plugins once. Only
/// touched while `Graphviz.lock` is held.
private enum SharedContext {
  nonisolated(unsafe) private static var made: OpaquePointer?
  nonisolated(unsafe) private static var tried = false

  static var context: OpaquePointer? {
    if !tried {
      tried = true
      made = erd_gv_context()
    }
    return made
  }
}

/// What went wrong inside Graphviz, with Graphviz's own message.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalidDOT(String)
  case layoutFailed(String)
  case unavailable(String)

  public var description: String {
    switch self {
    case .invalidDOT(let m): return "graphviz: invalid DOT: \(m)"
    case .layoutFailed(let m): return "graphviz: layout failed: \(m)"
    case .unavailable(let m): return "graphviz: \(m)"
    }
  }
}

/// Messages Graphviz reported during the current call. Only touched while `Graphviz.lock` is held.
private enum GraphvizMessages {
  nonisolated(unsafe) static var lines: [String] = []

  static func reset() { lines = [] }

  static var text: String { lines.joined(separator: "; ") }
}

private func graphvizErrorHandler(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
  guard let message else { return 0 }
  let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
  if !text.isEmpty { GraphvizMessages.lines.append(text) }
  return 0
}
