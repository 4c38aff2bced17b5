import ERDGraphviz
import Testing

/// The layer that measures each distinct text once is in place where Graphviz has its pango
/// plugin (Debian's libgraphviz-dev does), and a drawing of repeated texts is the same each time.
@Suite struct GraphvizTextSizesTests {
  @Test func eachTextIsMeasuredOnce() throws {
    #expect(Graphviz.measuresEachTextOnce)
    let dot = #"digraph g { node [shape=plain]; a [label=<<b>id</b>>]; b [label=<<b>id</b>>]; a -> b }"#
    let first = try Graphviz.render(dot, as: .svg).bytes
    #expect(try Graphviz.render(dot, as: .svg).bytes == first)
  }
}
