import ERDGraph
import ERDSchema

/// The HTML page's "changes" panel, for the drawing of a schema change: the panel's markup, the
/// change list as JSON, and `templates/changes.js`/`changes.css`, which build the list, filter it
/// by action and select a change's table. A plain drawing's page gets none of it (every value
/// empty), so its bytes are what they were before the panel existed.
struct ChangePanel {
  var values: [String: String] = ["changeStyle": "", "changesPanel": "", "changeScript": ""]
  var contentSecurityPolicy = HTMLRenderer.contentSecurityPolicy

  init(_ drawing: Drawing) {
    guard let change = drawing.change else { return }
    let summary = PageTemplate.escape(change.summary.description)
    values["changeStyle"] = "\n<style>\(Templates.changesCSS)</style>"
    values["changesPanel"] = """

        <section id="changes" aria-label="Changes">
          <h2>Changes <span id="changes-summary" class="muted">\(summary)</span></h2>
          <div id="change-filter" class="segmented" role="radiogroup" aria-label="Show changes">\
      <button type="button" role="radio" data-filter="all" aria-checked="true">All</button>\
      <button type="button" role="radio" data-filter="added">Added</button>\
      <button type="button" role="radio" data-filter="removed">Removed</button>\
      <button type="button" role="radio" data-filter="changed">Changed</button></div>
          <ul id="change-list" aria-label="Changes"></ul>
        </section>
      """
    let json = JSONWriter(htmlSafe: true, pretty: false).string(Self.json(change, drawing.diagram))
    values["changeScript"] =
      "\n<script type=\"application/json\" id=\"erd-changes\">\(json)</script>\n<script>\(Templates.changesJS)</script>"
    contentSecurityPolicy = HTMLRenderer.policy(
      scripts: [Templates.pageJSSource, Templates.changesJSSource],
      styles: [Templates.pageCSSSource, Templates.changesCSSSource])
  }

  /// `{"summary": …, "changes": [{"action": "added", "line": "+ column order.note", "key": "order"}]}`:
  /// each change with the key of the entity it is drawn in, when it is drawn.
  static func json(_ change: SchemaChange, _ diagram: Diagram) -> JSONValue {
    var keys: [String: String] = [:]
    for entity in diagram.entities { for line in entity.change?.lines ?? [] { keys[line] = entity.key } }
    let items = change.changes.map { item -> JSONValue in
      let line = change.line(item)
      var o = JSONObjectBuilder()
      o.set("action", .string(item.actionKind))
      o.set("line", .string(line))
      o.set("key", keys[line])
      return o.value
    }
    var o = JSONObjectBuilder()
    o.set("summary", .string(change.summary.description))
    o.set("changes", .array(items))
    return o.value
  }
}
