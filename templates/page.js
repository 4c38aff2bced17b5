// erdviz page script. Every piece of schema text reaches the DOM through textContent or
// createTextNode, never innerHTML: names and comments stay inert whatever they hold.
(function () {
  'use strict';

  var doc = document;
  var root = doc.documentElement;
  var $ = function (id) { return doc.getElementById(id); };
  var index = JSON.parse($('erd-index').textContent);
  var catalog = JSON.parse($('erd-catalog').textContent);

  var viewport = $('viewport');
  var canvas = $('canvas');
  var list = $('list');
  var search = $('search');
  var details = $('details');
  var detailsBody = $('details-body');

  var COLUMN_HIT_LIMIT = 200;
  var MIN_SCALE = 0.02;
  var MAX_SCALE = 4;
  var reduceMotion = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;

  // ---- The model: entities from the diagram index, definitions from the catalog -------------

  var entities = index.entities;
  var byKey = new Map();
  var byQualified = new Map();
  var byName = new Map();
  var defs = new Map();
  var incoming = new Map();
  var readers = new Map();
  var edgesByKey = new Map();

  function qualify(schema, name) { return schema ? schema + '.' + name : name; }

  (catalog.schemas || []).forEach(function (schema) {
    (schema.tables || []).forEach(function (t) {
      var q = qualify(schema.name, t.name);
      defs.set(q, { def: t, view: false, schema: schema.name });
      (t.foreignKeys || []).forEach(function (fk) {
        var target = qualify(fk.references.schema, fk.references.table);
        if (!incoming.has(target)) incoming.set(target, []);
        incoming.get(target).push({ from: q, fk: fk });
      });
    });
    (schema.views || []).forEach(function (v) {
      var q = qualify(schema.name, v.name);
      defs.set(q, { def: v, view: true, schema: schema.name });
      (v.dependsOn || []).forEach(function (d) {
        var target = qualify(d.schema, d.name);
        if (!readers.has(target)) readers.set(target, []);
        readers.get(target).push(q);
      });
    });
  });

  entities.forEach(function (e) {
    e.qualified = qualify(e.schema, e.name);
    e.lower = e.label.toLowerCase();
    e.entry = defs.get(e.qualified) || { def: { name: e.name, columns: [] }, view: false };
    byKey.set(e.key, e);
    byQualified.set(e.qualified, e);
    var n = e.name.toLowerCase();
    byName.set(n, byName.has(n) ? null : e);
    edgesByKey.set(e.key, []);
  });
  index.edges.forEach(function (edge) {
    if (edgesByKey.has(edge.from)) edgesByKey.get(edge.from).push(edge);
    if (edge.to !== edge.from && edgesByKey.has(edge.to)) edgesByKey.get(edge.to).push(edge);
  });
  // Inferred and declared references live only in the diagram index: the catalog is the schema.
  var UNDECLARED = { inferred: 'inferred from column names', declared: 'declared beside the schema' };
  function isUndeclared(edge) { return UNDECLARED.hasOwnProperty(edge.kind); }

  function entityFor(text) {
    return byQualified.get(text) || byName.get(text.toLowerCase()) || null;
  }

  // ---- Pan and zoom: one CSS transform on the canvas, applied at most once a frame ---------

  var view = { x: 0, y: 0, k: 1 };
  var size = { w: 1, h: 1 };
  var frame = 0;
  var animation = 0;

  function render() {
    frame = 0;
    canvas.style.transform = 'translate(' + view.x + 'px,' + view.y + 'px) scale(' + view.k + ')';
  }
  function schedule() { if (!frame) frame = requestAnimationFrame(render); }
  function clampScale(k) { return Math.min(MAX_SCALE, Math.max(Math.min(MIN_SCALE, fitScale()), k)); }
  function viewportSize() { return { w: viewport.clientWidth || 1, h: viewport.clientHeight || 1 }; }
  function fitScale() {
    var v = viewportSize();
    return Math.min(v.w / size.w, v.h / size.h) * 0.95;
  }

  function zoomAt(factor, cx, cy) {
    stopAnimation();
    var k = clampScale(view.k * factor);
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    schedule();
  }
  function zoomCentered(factor) { var v = viewportSize(); zoomAt(factor, v.w / 2, v.h / 2); }
  function panBy(dx, dy) { stopAnimation(); view.x += dx; view.y += dy; schedule(); }

  function fitView(animate) {
    var v = viewportSize();
    var k = Math.min(1.5, fitScale());
    moveTo({ k: k, x: (v.w - size.w * k) / 2, y: (v.h - size.h * k) / 2 }, animate);
  }

  function moveTo(target, animate) {
    stopAnimation();
    if (!animate || reduceMotion) {
      view.x = target.x; view.y = target.y; view.k = target.k;
      schedule();
      return;
    }
    var from = { x: view.x, y: view.y, k: view.k };
    var start = performance.now();
    var step = function (now) {
      var t = Math.min(1, (now - start) / 280);
      var e = 1 - Math.pow(1 - t, 3);
      view.x = from.x + (target.x - from.x) * e;
      view.y = from.y + (target.y - from.y) * e;
      view.k = from.k + (target.k - from.k) * e;
      render();
      animation = t < 1 ? requestAnimationFrame(step) : 0;
    };
    animation = requestAnimationFrame(step);
  }
  function stopAnimation() { if (animation) { cancelAnimationFrame(animation); animation = 0; } }

  /** Where an entity's node is, in canvas pixels, measured with the transform actually applied. */
  function nodeBox(key) {
    var node = current.nodes.get(key);
    if (!node) return null;
    if (frame) { cancelAnimationFrame(frame); render(); }
    var box = canvas.getBoundingClientRect();
    var r = node.getBoundingClientRect();
    return { x: (r.left - box.left) / view.k, y: (r.top - box.top) / view.k, w: r.width / view.k, h: r.height / view.k };
  }

  /** Centres an entity, zooming in when it would be too small to read. */
  function reveal(key, animate) {
    var b = nodeBox(key);
    if (!b) return;
    var v = viewportSize();
    var room = Math.min((v.w * 0.8) / b.w, (v.h * 0.8) / b.h);
    var k = view.k < 0.7 ? Math.min(1, room) : Math.min(view.k, room);
    moveTo({ k: k, x: v.w / 2 - (b.x + b.w / 2) * k, y: v.h / 2 - (b.y + b.h / 2) * k }, animate);
  }

  /** Pans just enough to bring an entity back into view (the details panel may have covered it). */
  function keepVisible(key) {
    var b = nodeBox(key);
    if (!b) return;
    var v = viewportSize();
    var left = view.x + b.x * view.k;
    var top = view.y + b.y * view.k;
    var right = left + b.w * view.k;
    var bottom = top + b.h * view.k;
    var dx = right > v.w - 16 ? v.w - 16 - right : 0;
    var dy = bottom > v.h - 16 ? v.h - 16 - bottom : 0;
    if (left + dx < 16) dx = 16 - left;
    if (top + dy < 16) dy = 16 - top;
    if (dx || dy) moveTo({ k: view.k, x: view.x + dx, y: view.y + dy }, true);
  }

  viewport.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    hideHint();
    var unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1;
    var speed = ev.ctrlKey ? 0.01 : 0.0016;
    var r = viewport.getBoundingClientRect();
    zoomAt(Math.exp(-ev.deltaY * unit * speed), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });

  // Pointer events cover mouse, pen and touch; two touches pinch.
  var pointers = new Map();
  var press = null;

  viewport.addEventListener('pointerdown', function (ev) {
    if (ev.pointerType === 'mouse' && ev.button !== 0) return;
    hideHint();
    viewport.focus({ preventScroll: true });
    try { viewport.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic pointers */ }
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    if (pointers.size === 1) {
      press = { x: ev.clientX, y: ev.clientY, target: ev.target, moved: false };
    } else {
      press = null;
    }
  });

  viewport.addEventListener('pointermove', function (ev) {
    var p = pointers.get(ev.pointerId);
    if (!p) return;
    if (pointers.size === 1) {
      if (press && !press.moved && Math.abs(ev.clientX - press.x) + Math.abs(ev.clientY - press.y) > 4) {
        press.moved = true;
        viewport.classList.add('dragging');
      }
      if (!press || press.moved) panBy(ev.clientX - p.x, ev.clientY - p.y);
    } else if (pointers.size === 2) {
      var other = null;
      pointers.forEach(function (q, id) { if (id !== ev.pointerId) other = q; });
      var before = Math.hypot(p.x - other.x, p.y - other.y);
      var after = Math.hypot(ev.clientX - other.x, ev.clientY - other.y);
      var r = viewport.getBoundingClientRect();
      var mx = (ev.clientX + other.x) / 2 - r.left;
      var my = (ev.clientY + other.y) / 2 - r.top;
      panBy((ev.clientX - p.x) / 2, (ev.clientY - p.y) / 2);
      if (before > 0) zoomAt(after / before, mx, my);
    }
    p.x = ev.clientX;
    p.y = ev.clientY;
  });

  function endPointer(ev) {
    if (!pointers.delete(ev.pointerId)) return;
    viewport.classList.remove('dragging');
    if (ev.type === 'pointerup' && press && !press.moved && pointers.size === 0) {
      var node = press.target && press.target.closest ? press.target.closest('.node') : null;
      var key = node ? keyOfNode(node) : null;
      if (key && byKey.has(key)) select(key, { pan: false });
      else if (node) followLink(node);
      else clearSelection();
      // A node that is no table (an enum's legend) shows all it has in the drawing itself.
    }
    if (pointers.size === 0) press = null;
  }
  /** A stub of a split drawing links to the page that draws its table: pointer capture keeps the click from the link. */
  function followLink(node) {
    var a = node.querySelector('a');
    var href = a && (a.getAttribute('href') || a.getAttribute('xlink:href'));
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href)) location.href = href;
  }
  viewport.addEventListener('pointerup', endPointer);
  viewport.addEventListener('pointercancel', endPointer);

  $('zoom-in').addEventListener('click', function () { zoomCentered(1.25); });
  $('zoom-out').addEventListener('click', function () { zoomCentered(0.8); });
  $('zoom-fit').addEventListener('click', function () { fitView(true); });
  window.addEventListener('resize', function () { schedule(); });

  // ---- The drawing at three detail levels; the others wait in <template>s ------------------

  var current = { level: index.detail, svg: null, nodes: new Map(), edges: new Map() };
  var drawings = {};

  function keyOfNode(node) { return node.id && node.id.indexOf('n_') === 0 ? node.id.slice(2) : null; }

  function adopt(level) {
    if (drawings[level]) return drawings[level];
    var svg = null;
    if (level === index.detail) {
      svg = canvas.querySelector('svg');
    } else {
      var t = $('level-' + level);
      if (t && t.content && t.content.firstElementChild) svg = doc.adoptNode(t.content.firstElementChild);
    }
    if (!svg) return null;
    // Graphviz sizes the drawing in points; the page works in CSS pixels.
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var w = vb && vb.width ? vb.width * 4 / 3 : 800;
    var h = vb && vb.height ? vb.height * 4 / 3 : 600;
    svg.setAttribute('width', String(w));
    svg.setAttribute('height', String(h));
    var nodes = new Map();
    var edges = new Map();
    svg.querySelectorAll('g.node').forEach(function (g) { var k = keyOfNode(g); if (k) nodes.set(k, g); });
    svg.querySelectorAll('g.edge').forEach(function (g) { if (g.id) edges.set(g.id, g); });
    drawings[level] = { level: level, svg: svg, nodes: nodes, edges: edges, w: w, h: h };
    return drawings[level];
  }

  function showLevel(level, keepView) {
    var next = adopt(level);
    if (!next) return;
    unpaint();
    if (current.svg && current.svg !== next.svg) current.svg.remove();
    if (next.svg.parentNode !== canvas) canvas.appendChild(next.svg);
    current = next;
    size = { w: next.w, h: next.h };
    doc.querySelectorAll('#detail button').forEach(function (b) {
      b.setAttribute('aria-checked', String(b.dataset.detail === level));
    });
    paintSelection();
    paintHits(search.value.trim().toLowerCase());
    if (selected && keepView) reveal(selected, false);
    else if (keepView) fitView(false);
  }

  doc.querySelectorAll('#detail button').forEach(function (b) {
    var available = b.dataset.detail === index.detail || $('level-' + b.dataset.detail);
    if (!available) { b.disabled = true; b.title = 'Not in this page'; }
    b.addEventListener('click', function () {
      if (b.dataset.detail !== current.level) { showLevel(b.dataset.detail, true); writeHash(); }
    });
  });

  // ---- Selection: the table, its neighbours and its edges light up ------------------------

  var selected = null;
  var highlighted = [];

  /** Takes every mark off the drawing on show, before another drawing replaces it. */
  function unpaint() {
    highlighted.forEach(function (n) { n.classList.remove('sel', 'nb', 'hl'); });
    highlighted = [];
    hits.forEach(function (n) { n.classList.remove('hit'); });
    hits = [];
    if (current.svg) current.svg.classList.remove('focus');
  }

  function paintSelection() {
    highlighted.forEach(function (n) { n.classList.remove('sel', 'nb', 'hl'); });
    highlighted = [];
    var svg = current.svg;
    if (!selected) { svg.classList.remove('focus'); return; }
    svg.classList.add('focus');
    var mark = function (node, cls) { if (node) { node.classList.add(cls); highlighted.push(node); } };
    mark(current.nodes.get(selected), 'sel');
    (edgesByKey.get(selected) || []).forEach(function (edge) {
      mark(current.edges.get(edge.id), 'hl');
      var other = edge.from === selected ? edge.to : edge.from;
      if (other !== selected) mark(current.nodes.get(other), 'nb');
    });
  }

  function select(key, options) {
    var e = byKey.get(key);
    if (!e) return;
    options = options || {};
    selected = key;
    paintSelection();
    renderDetails(e, options.column);
    markListSelection();
    if (options.pan) reveal(key, options.animate !== false);
    else keepVisible(key);
    if (options.hash !== false) writeHash();
  }

  function clearSelection() {
    if (!selected) return;
    selected = null;
    paintSelection();
    details.hidden = true;
    markListSelection();
    writeHash();
  }

  // ---- Deep links: #table=schema.name[&columns=keys] --------------------------------------

  function readHash() {
    var out = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var i = part.indexOf('=');
      if (i <= 0) return;
      try { out[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1)); } catch (e) { /* malformed */ }
    });
    return out;
  }

  function hashFor(key) {
    var parts = [];
    if (key) parts.push('table=' + encodeURIComponent(byKey.get(key).qualified));
    if (current.level !== index.detail) parts.push('columns=' + current.level);
    return parts.length ? '#' + parts.join('&') : '';
  }

  function writeHash() {
    var hash = hashFor(selected);
    if (hash === location.hash || (!hash && !location.hash)) return;
    var url = location.href.replace(/#.*$/, '') + hash;
    try { history.replaceState(null, '', url); } catch (e) { /* some file: setups refuse */ }
  }

  function followHash(animate) {
    var h = readHash();
    if (h.columns && h.columns !== current.level && (h.columns === index.detail || $('level-' + h.columns))) {
      showLevel(h.columns, false);
    }
    var e = h.table ? entityFor(h.table) : null;
    if (e) select(e.key, { pan: true, animate: animate, hash: false });
    return !!e;
  }
  window.addEventListener('hashchange', function () { followHash(true); });

  // ---- Search over table and column names, with keyboard navigation -----------------------

  var results = [];
  var active = -1;
  var searchIndex = [];
  entities.forEach(function (e) {
    (e.entry.def.columns || []).forEach(function (c) {
      searchIndex.push({ entity: e, column: c.name, lower: c.name.toLowerCase(), type: c.type || '' });
    });
  });
  var sortedEntities = entities.slice().sort(function (a, b) {
    return a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0;
  });

  function rank(text, q) {
    if (text === q) return 0;
    var i = text.indexOf(q);
    if (i === 0) return 1;
    if (i > 0) return /[^a-z0-9]/.test(text.charAt(i - 1)) ? 2 : 3;
    return -1;
  }

  // ---- Groups: a filter over the list, each group in the colour of its drawing -------------

  var groups = index.groups || [];
  var groupColours = new Map();
  groups.forEach(function (g) { groupColours.set(g.key, g.colour); });
  var groupFilter = null;
  function inGroup(e) { return groupFilter === null || e.group === groupFilter; }

  function swatch(colour) {
    var s = el('span', 'swatch');
    s.style.background = colour;
    return s;
  }

  (function groupBar() {
    if (!groups.length) return;
    var bar = el('div', 'groups');
    bar.id = 'groups';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Show one group');
    [{ key: null, label: 'All' }].concat(groups).forEach(function (g) {
      var b = el('button');
      b.type = 'button';
      b.dataset.group = g.key === null ? '' : g.key;
      if (g.colour) b.appendChild(swatch(g.colour));
      var n = entities.filter(function (e) { return g.key === null || e.group === g.key; }).length;
      b.appendChild(doc.createTextNode(g.label + ' ' + n));
      b.setAttribute('aria-pressed', String(g.key === null));
      b.addEventListener('click', function () {
        groupFilter = g.key;
        bar.querySelectorAll('button').forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
        runSearch();
      });
      bar.appendChild(b);
    });
    $('sidebar').insertBefore(bar, list);
  })();

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results = [];
    if (!q) {
      sortedEntities.forEach(function (e) { if (inGroup(e)) results.push({ entity: e }); });
    } else {
      var tables = [];
      entities.forEach(function (e) {
        if (!inGroup(e)) return;
        var byLabel = rank(e.lower, q);
        var byName = rank(e.name.toLowerCase(), q);
        var r = Math.min(byLabel < 0 ? 9 : byLabel, byName < 0 ? 9 : byName);
        if (r < 9) tables.push({ entity: e, rank: r });
      });
      tables.sort(function (a, b) { return a.rank - b.rank || (a.entity.lower < b.entity.lower ? -1 : 1); });
      var columns = [];
      searchIndex.forEach(function (c) {
        if (!inGroup(c.entity)) return;
        var r = rank(c.lower, q);
        if (r >= 0) columns.push({ entity: c.entity, column: c.column, type: c.type, rank: r });
      });
      columns.sort(function (a, b) { return a.rank - b.rank || (a.entity.lower < b.entity.lower ? -1 : a.entity.lower > b.entity.lower ? 1 : 0); });
      results = tables.concat(columns.slice(0, COLUMN_HIT_LIMIT));
      results.more = Math.max(0, columns.length - COLUMN_HIT_LIMIT);
      results.tableCount = tables.length;
      results.columnCount = columns.length;
    }
    active = q && results.length ? 0 : -1;
    renderList(q);
    paintHits(q);
  }

  function appendHighlighted(parent, text, q) {
    var lower = text.toLowerCase();
    var i = q && lower.length === text.length ? lower.indexOf(q) : -1;
    if (i < 0) { parent.appendChild(doc.createTextNode(text)); return; }
    parent.appendChild(doc.createTextNode(text.slice(0, i)));
    var m = doc.createElement('mark');
    m.textContent = text.slice(i, i + q.length);
    parent.appendChild(m);
    parent.appendChild(doc.createTextNode(text.slice(i + q.length)));
  }

  function kindLabel(kind) {
    return { table: '', partitioned: 'partitioned', foreign: 'foreign', virtual: 'virtual', view: 'view', materializedView: 'mat. view' }[kind] || '';
  }

  function renderList(q) {
    var fragment = doc.createDocumentFragment();
    results.forEach(function (r, i) {
      var li = doc.createElement('li');
      li.id = 'hit-' + i;
      li.setAttribute('role', 'option');
      li.dataset.i = String(i);
      li.dataset.key = r.entity.key;
      var name = doc.createElement('span');
      name.className = 'name';
      if (r.column) {
        li.className = 'column';
        var t = doc.createElement('span');
        t.className = 'table';
        t.textContent = r.entity.label + '.';
        name.appendChild(t);
        appendHighlighted(name, r.column, q);
        li.appendChild(name);
        if (r.type) {
          var sub = doc.createElement('span');
          sub.className = 'sub';
          sub.textContent = r.type.length > 24 ? r.type.slice(0, 23) + '…' : r.type;
          li.appendChild(sub);
        }
      } else {
        if (groupColours.has(r.entity.group)) li.appendChild(swatch(groupColours.get(r.entity.group)));
        appendHighlighted(name, r.entity.label, q);
        li.appendChild(name);
        var kind = kindLabel(r.entity.kind);
        if (kind) {
          var badge = doc.createElement('span');
          badge.className = 'kind';
          badge.textContent = kind;
          li.appendChild(badge);
        }
        var count = doc.createElement('span');
        count.className = 'sub';
        count.textContent = String((r.entity.entry.def.columns || []).length);
        count.title = 'columns';
        li.appendChild(count);
      }
      fragment.appendChild(li);
    });
    if (results.more) {
      var more = doc.createElement('li');
      more.className = 'more';
      more.textContent = results.more + ' more columns match; type more to narrow';
      fragment.appendChild(more);
    }
    list.replaceChildren(fragment);
    var tables = entities.filter(function (e) { return !e.entry.view; }).length;
    var views = entities.length - tables;
    if (!q) {
      $('count').textContent = plural(tables, 'table') + (views ? ', ' + plural(views, 'view') : '');
    } else if (!results.length) {
      $('count').textContent = 'Nothing matches “' + search.value.trim() + '”';
    } else {
      $('count').textContent = plural(results.tableCount, 'table') + ' and ' + plural(results.columnCount, 'column') + ' match';
    }
    markActive();
    markListSelection();
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function markActive() {
    var old = list.querySelector('li.active');
    if (old) old.classList.remove('active');
    var li = active >= 0 ? $('hit-' + active) : null;
    if (li) {
      li.classList.add('active');
      li.scrollIntoView({ block: 'nearest' });
      search.setAttribute('aria-activedescendant', li.id);
    } else {
      search.removeAttribute('aria-activedescendant');
    }
  }

  function markListSelection() {
    list.querySelectorAll('li.selected').forEach(function (li) { li.classList.remove('selected'); });
    if (!selected) return;
    list.querySelectorAll('li:not(.column)').forEach(function (li) {
      if (li.dataset.key === selected) li.classList.add('selected');
    });
  }

  // Tables whose names match are outlined in the drawing while the search is on.
  var hits = [];
  function paintHits(q) {
    hits.forEach(function (n) { n.classList.remove('hit'); });
    hits = [];
    if (!q && groupFilter === null) return;
    results.forEach(function (r) {
      if (r.column) return;
      var node = current.nodes.get(r.entity.key);
      if (node && r.entity.key !== selected) { node.classList.add('hit'); hits.push(node); }
    });
  }

  function choose(i) {
    var r = results[i];
    if (!r) return;
    active = i;
    markActive();
    select(r.entity.key, { pan: true, column: r.column });
  }

  var pending = 0;
  search.addEventListener('input', function () {
    if (!pending) pending = requestAnimationFrame(function () { pending = 0; runSearch(); });
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!results.length) return;
      active = ev.key === 'ArrowDown' ? Math.min(results.length - 1, active + 1) : Math.max(0, active - 1);
      markActive();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (pending) { cancelAnimationFrame(pending); pending = 0; runSearch(); }
      choose(active >= 0 ? active : 0);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      if (search.value) { search.value = ''; runSearch(); } else { search.blur(); viewport.focus(); }
    }
  });
  list.addEventListener('click', function (ev) {
    var li = ev.target.closest('li');
    if (li && li.dataset.i) choose(Number(li.dataset.i));
  });

  // ---- The details panel ------------------------------------------------------------------

  function el(tag, cls, text) {
    var n = doc.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function code(text) { return el('code', null, text); }
  function section(title) { detailsBody.appendChild(el('h3', null, title)); }
  function para(parts, cls) {
    var p = el('p', cls);
    parts.forEach(function (x) { p.appendChild(typeof x === 'string' ? doc.createTextNode(x) : x); });
    detailsBody.appendChild(p);
    return p;
  }
  function listOf(items) {
    var ul = el('ul');
    items.forEach(function (parts) {
      var li = el('li');
      parts.forEach(function (x) { if (x) li.appendChild(typeof x === 'string' ? doc.createTextNode(x) : x); });
      ul.appendChild(li);
    });
    detailsBody.appendChild(ul);
  }
  function badge(text, cls, title) { var b = el('span', 'badge ' + cls, text); if (title) b.title = title; return b; }
  function cols(names) { return '(' + (names || []).join(', ') + ')'; }

  /** A link to another table; plain text when that table is not in the diagram. */
  function tableLink(qualified) {
    var e = byQualified.get(qualified);
    if (!e) return el('span', null, qualified);
    var a = el('a', null, e.label);
    a.href = '#table=' + encodeURIComponent(e.qualified);
    return a;
  }

  function kindName(e) {
    return { table: 'Table', partitioned: 'Partitioned table', foreign: 'Foreign table', virtual: 'Virtual table', view: 'View', materializedView: 'Materialized view' }[e.kind] || 'Table';
  }

  function renderDetails(e, column) {
    var d = e.entry.def;
    $('details-kind').textContent = kindName(e) + (index.multiSchema ? ' in ' + e.schema : '');
    $('details-name').textContent = index.multiSchema ? e.qualified : e.name;
    detailsBody.replaceChildren();
    if (d.comment) para([d.comment], 'comment');
    if (d.source) para(['Defined in ', code(d.source.file + (d.source.line ? ':' + d.source.line : ''))], 'muted');
    var actions = el('div', 'details-actions');
    var show = el('button', null, 'Show in diagram');
    show.type = 'button';
    show.addEventListener('click', function () {
      // On a narrow screen the panel covers the drawing: step out of the way.
      if (window.innerWidth < 860) details.hidden = true;
      reveal(e.key, true);
    });
    actions.appendChild(show);
    var copy = el('button', null, 'Copy link');
    copy.type = 'button';
    copy.addEventListener('click', function () {
      var url = location.href.replace(/#.*$/, '') + hashFor(e.key);
      var done = function () { copy.textContent = 'Copied'; setTimeout(function () { copy.textContent = 'Copy link'; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, function () {});
    });
    actions.appendChild(copy);
    detailsBody.appendChild(actions);
    renderFindings(e);
    renderColumns(d, column);
    if (e.entry.view) renderView(e, d); else renderTable(e, d);
    details.hidden = false;
    details.scrollTop = 0;
    var row = column ? detailsBody.querySelector('tr[data-column="' + CSS.escape(column) + '"]') : null;
    if (row) {
      row.classList.add('flash');
      row.scrollIntoView({ block: 'center' });
      setTimeout(function () { row.classList.remove('flash'); }, 1600);
    }
  }

  function renderColumns(d, column) {
    var columns = d.columns || [];
    section('Columns (' + columns.length + ')');
    if (!columns.length) { para(['None.'], 'muted'); return; }
    var pk = new Set((d.primaryKey && d.primaryKey.columns) || []);
    var fk = new Set();
    (d.foreignKeys || []).forEach(function (f) { f.columns.forEach(function (c) { fk.add(c); }); });
    var unique = new Set();
    (d.uniqueConstraints || []).forEach(function (u) { if (u.columns.length === 1) unique.add(u.columns[0]); });
    (d.indexes || []).forEach(function (i) {
      if (i.unique && !i.predicate && i.keys.length === 1 && i.keys[0].column) unique.add(i.keys[0].column);
    });
    var table = el('table');
    var head = el('tr');
    ['Column', 'Type', 'Null', 'Default'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    table.appendChild(head);
    columns.forEach(function (c) {
      var tr = el('tr');
      tr.dataset.column = c.name;
      var name = el('td', 'col-name');
      if (pk.has(c.name)) name.appendChild(badge('PK', 'pk', 'primary key'));
      if (fk.has(c.name)) name.appendChild(badge('FK', 'fk', 'foreign key'));
      if (unique.has(c.name) && !pk.has(c.name)) name.appendChild(badge('UK', 'uk', 'unique'));
      name.appendChild(doc.createTextNode(c.name));
      if (c.comment) name.appendChild(el('span', 'comment', c.comment));
      tr.appendChild(name);
      var type = el('td');
      if (c.type) type.appendChild(code(c.type));
      if (c.baseType && c.baseType !== c.type) type.appendChild(el('span', 'null', ' (' + c.baseType + ')'));
      if (c.collation) type.appendChild(el('span', 'null', ' collate ' + c.collation));
      tr.appendChild(type);
      tr.appendChild(el('td', c.nullable === false ? null : 'null', c.nullable === false ? 'not null' : 'null'));
      var def = el('td');
      if (c.generated) {
        def.appendChild(code('= ' + c.generated.expression));
        def.appendChild(el('span', 'null', c.generated.stored ? ' stored' : ' virtual'));
      } else if (c.default !== undefined) {
        def.appendChild(code(c.default));
      }
      if (c.identity) def.appendChild(badge({ always: 'identity', byDefault: 'identity', serial: 'serial', autoIncrement: 'auto increment' }[c.identity] || c.identity, 'other'));
      tr.appendChild(def);
      table.appendChild(tr);
    });
    detailsBody.appendChild(table);
  }

  function renderTable(e, d) {
    if (d.primaryKey && (d.primaryKey.columns.length > 1 || d.primaryKey.name)) {
      section('Primary key');
      para([code(cols(d.primaryKey.columns)), d.primaryKey.name ? ' ' : '', d.primaryKey.name ? el('span', 'muted', d.primaryKey.name) : '']);
    }
    var out = d.foreignKeys || [];
    if (out.length) {
      section('References');
      listOf(out.map(function (f) {
        var target = qualify(f.references.schema, f.references.table);
        var notes = [];
        if (f.onDelete && f.onDelete !== 'NO ACTION') notes.push('on delete ' + f.onDelete.toLowerCase());
        if (f.onUpdate && f.onUpdate !== 'NO ACTION') notes.push('on update ' + f.onUpdate.toLowerCase());
        if (f.deferrable) notes.push(f.initiallyDeferred ? 'deferrable, initially deferred' : 'deferrable');
        if (f.match) notes.push('match ' + f.match.toLowerCase());
        if (f.name) notes.push(f.name);
        return [code(cols(f.columns)), ' → ', tableLink(target), ' ', code(cols(f.references.columns)),
          notes.length ? el('span', 'muted', ' · ' + notes.join(' · ')) : null];
      }));
    }
    var into = incoming.get(e.qualified) || [];
    if (into.length) {
      section('Referenced by');
      listOf(into.map(function (r) {
        return [tableLink(r.from), ' ', code(cols(r.fk.columns)), ' → ', code(cols(r.fk.references.columns))];
      }));
    }
    renderUndeclared(e);
    renderReaders(e);
    if ((d.uniqueConstraints || []).length) {
      section('Unique constraints');
      listOf(d.uniqueConstraints.map(function (u) {
        return [code(cols(u.columns)), u.name ? el('span', 'muted', ' ' + u.name) : null,
          u.nullsNotDistinct ? el('span', 'muted', ' · nulls not distinct') : null];
      }));
    }
    renderIndexes(d.indexes);
    if ((d.checks || []).length) {
      section('Checks');
      listOf(d.checks.map(function (c) { return [c.name ? el('span', 'muted', c.name + ': ') : null, code(c.expression)]; }));
    }
    if ((d.exclusions || []).length) {
      section('Exclusion constraints');
      listOf(d.exclusions.map(function (x) { return [x.name ? el('span', 'muted', x.name + ': ') : null, code(x.definition)]; }));
    }
    if ((d.triggers || []).length) {
      section('Triggers');
      d.triggers.forEach(function (t) {
        var box = el('details');
        var summary = el('summary');
        summary.appendChild(el('strong', null, t.name));
        var when = [t.timing, (t.events || []).join(' or ')].filter(Boolean).join(' ');
        if (when) summary.appendChild(el('span', 'muted', ' · ' + when.toLowerCase()));
        if (t.routine) {
          summary.appendChild(el('span', 'muted', ' · executes '));
          summary.appendChild(code(qualify(t.routine.schema, t.routine.name) + '()'));
        }
        box.appendChild(summary);
        if (t.definition) box.appendChild(el('pre', null, t.definition));
        if (t.comment) box.appendChild(el('p', 'comment', t.comment));
        detailsBody.appendChild(box);
      });
    }
    renderAccess(e, d);
    renderPolicies(d);
    renderStructure(d);
  }

  var ACCESS = { none: 'no access', read: 'read (SELECT only)', 'read-write': 'read-write', owner: 'owner' };

  /** The owner, the grants by role, and with --as-role what that role may do. */
  function renderAccess(e, d) {
    var grants = d.privileges || [];
    if (!e.access && !d.owner && !grants.length && !d.rowLevelSecurity) return;
    section('Access');
    var facts = [];
    if (e.access) facts.push([badge(e.access, 'access-' + e.access, 'what ' + index.asRole + ' may do'), 'as ', code(index.asRole), ': ' + ACCESS[e.access]]);
    if (d.owner) facts.push(['Owner ', code(d.owner)]);
    grants.forEach(function (g) {
      facts.push([code(g.role), ': ' + g.privileges.join(', '), g.columns ? ' on ' : '', g.columns ? code(cols(g.columns)) : null,
        g.grantOption ? el('span', 'muted', ' · with grant option') : null]);
    });
    if (d.rowLevelSecurity) {
      facts.push([badge('RLS', 'rls', 'row-level security'), d.rowLevelSecurity === 'forced' ? 'Row-level security, forced (the owner too)' : 'Row-level security (not for the owner)']);
    }
    listOf(facts);
  }

  function renderPolicies(d) {
    var policies = d.policies || [];
    if (!policies.length) return;
    section('Policies (' + policies.length + ')');
    policies.forEach(function (p) {
      var box = el('div', 'policy');
      var head = el('p');
      head.appendChild(el('strong', null, p.name));
      head.appendChild(el('span', 'muted', ' · ' + (p.restrictive ? 'restrictive' : 'permissive') + ' · for ' + p.command + ' · to ' + (p.roles || ['PUBLIC']).join(', ')));
      box.appendChild(head);
      if (p.using) { var u = el('p'); u.appendChild(el('span', 'muted', 'using ')); u.appendChild(code(p.using)); box.appendChild(u); }
      if (p.check) { var c = el('p'); c.appendChild(el('span', 'muted', 'with check ')); c.appendChild(code(p.check)); box.appendChild(c); }
      if (p.comment) box.appendChild(el('p', 'comment', p.comment));
      detailsBody.appendChild(box);
    });
  }

  function renderStructure(d) {
    var facts = [];
    if (d.partitionKey) facts.push(['Partitioned by ', code(d.partitionKey)]);
    if (d.partitionOf) facts.push(['Partition of ', tableLink(qualify(d.partitionOf.schema, d.partitionOf.name)), d.partitionBound ? ' ' : '', d.partitionBound ? code(d.partitionBound) : null]);
    (d.inherits || []).forEach(function (p) { facts.push(['Inherits ', tableLink(qualify(p.schema, p.name))]); });
    if (d.withoutRowid) facts.push(['WITHOUT ROWID']);
    if (d.strict) facts.push(['STRICT']);
    if (d.unlogged) facts.push(['UNLOGGED']);
    if (facts.length) { section('Storage'); listOf(facts); }
    if ((d.partitions || []).length) {
      section('Partitions (' + d.partitions.length + ')');
      listOf(d.partitions.map(function (p) { return [p.name, p.bound ? ' ' : '', p.bound ? code(p.bound) : null]; }));
    }
  }

  function renderIndexes(indexes) {
    if (!(indexes || []).length) return;
    section('Indexes');
    listOf(indexes.map(function (i) {
      var keys = i.keys.map(function (k) { return k.column !== undefined ? k.column : k.expression; });
      var notes = [];
      if (i.unique) notes.push('unique');
      if (i.method) notes.push(i.method);
      return [el('strong', null, i.name), ' ', code(cols(keys)), notes.length ? el('span', 'muted', ' · ' + notes.join(' · ')) : null,
        i.predicate ? el('span', 'muted', ' where ') : null, i.predicate ? code(i.predicate) : null];
    }));
  }

  function renderReaders(e) {
    var by = readers.get(e.qualified) || [];
    if (!by.length) return;
    section('Read by views');
    listOf(by.map(function (q) { return [tableLink(q)]; }));
  }

  /** References (inferred), Referenced by (declared), …: apart from the declared foreign keys. */
  function renderUndeclared(e) {
    var edges = (edgesByKey.get(e.key) || []).filter(isUndeclared);
    Object.keys(UNDECLARED).forEach(function (kind) {
      var out = edges.filter(function (x) { return x.kind === kind && x.from === e.key; });
      var into = edges.filter(function (x) { return x.kind === kind && x.to === e.key; });
      var why = function (x) { return x.note ? el('span', 'muted', ' · ' + x.note) : null; };
      if (out.length) {
        section('References (' + kind + ')');
        listOf(out.map(function (x) {
          return [badge(kind, kind, UNDECLARED[kind]), code(cols(x.fromColumns)), ' → ', tableLink(byKey.get(x.to).qualified), ' ', code(cols(x.toColumns)), why(x)];
        }));
      }
      if (into.length) {
        section('Referenced by (' + kind + ')');
        listOf(into.map(function (x) {
          return [badge(kind, kind, UNDECLARED[kind]), tableLink(byKey.get(x.from).qualified), ' ', code(cols(x.fromColumns)), why(x)];
        }));
      }
    });
  }

  /** The lint findings on this table, when the page was drawn with them. */
  function renderFindings(e) {
    var found = (index.findings || []).filter(function (f) { return f.entity === e.key; });
    if (!found.length) return;
    section('Findings (' + found.length + ')');
    found.forEach(function (f) {
      para([badge(f.severity, f.severity, f.severity), code(f.rule), f.columns && f.columns.length ? ' ' : '',
        f.columns && f.columns.length ? code(cols(f.columns)) : null, ' ' + f.message], 'finding');
    });
  }

  /** A legend for the dashed references, row-level security and --as-role, for what the drawing has. */
  (function legend() {
    var kinds = Object.keys(UNDECLARED).filter(function (k) { return index.edges.some(function (x) { return x.kind === k; }); });
    var rls = entities.some(function (e) { return e.rowLevelSecurity; });
    if (!kinds.length && !rls && !index.asRole) return;
    var ul = el('ul', 'legend');
    ul.id = 'legend';
    kinds.forEach(function (k) {
      var li = el('li', k);
      li.appendChild(el('span', 'line'));
      li.appendChild(el('span', null, k + ': ' + UNDECLARED[k]));
      ul.appendChild(li);
    });
    if (index.asRole) {
      var li = el('li', 'access');
      li.appendChild(el('span', null, 'as ' + index.asRole + ':'));
      Object.keys(ACCESS).forEach(function (level) { li.appendChild(el('span', 'swatch access-' + level, level)); });
      ul.appendChild(li);
    }
    if (rls) {
      var lock = el('li');
      lock.appendChild(el('span', 'swatch rls', 'RLS'));
      lock.appendChild(el('span', null, 'row-level security on'));
      ul.appendChild(lock);
    }
    viewport.appendChild(ul);
  })();

  function renderView(e, d) {
    if ((d.dependsOn || []).length) {
      section('Reads');
      listOf(d.dependsOn.map(function (x) { return [tableLink(qualify(x.schema, x.name))]; }));
    }
    renderUndeclared(e);
    renderReaders(e);
    renderIndexes(d.indexes);
    renderAccess(e, d);
    if (d.definition) { section('Definition'); detailsBody.appendChild(el('pre', null, d.definition)); }
  }

  $('details-close').addEventListener('click', clearSelection);

  // ---- Keyboard, theme, list toggle, hint -------------------------------------------------

  doc.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t === search || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable))) return;
    var step = ev.shiftKey ? 240 : 60;
    var handled = true;
    switch (ev.key) {
      case '/': search.focus(); search.select(); break;
      case '+': case '=': zoomCentered(1.25); break;
      case '-': case '_': zoomCentered(0.8); break;
      case '0': fitView(true); break;
      case 'ArrowLeft': panBy(step, 0); break;
      case 'ArrowRight': panBy(-step, 0); break;
      case 'ArrowUp': panBy(0, step); break;
      case 'ArrowDown': panBy(0, -step); break;
      case 'Escape': clearSelection(); break;
      default: handled = false;
    }
    if (handled) { ev.preventDefault(); hideHint(); }
  });

  var media = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
  var chosenTheme = null;
  try { chosenTheme = localStorage.getItem('erdviz-theme'); } catch (e) { /* storage off */ }
  function systemTheme() { return media && media.matches ? 'dark' : 'light'; }
  function applyTheme() {
    var theme = chosenTheme === 'dark' || chosenTheme === 'light' ? chosenTheme : systemTheme();
    root.dataset.theme = theme;
    $('theme').setAttribute('aria-pressed', String(theme === 'dark'));
  }
  if (media && media.addEventListener) media.addEventListener('change', applyTheme);
  $('theme').addEventListener('click', function () {
    var next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    // Choosing what the system already says means: follow the system again.
    chosenTheme = next === systemTheme() ? null : next;
    try {
      if (chosenTheme) localStorage.setItem('erdviz-theme', chosenTheme); else localStorage.removeItem('erdviz-theme');
    } catch (e) { /* storage off */ }
    applyTheme();
  });

  var toggle = $('toggle-list');
  function setList(open) {
    doc.body.classList.toggle('list-hidden', !open);
    toggle.setAttribute('aria-expanded', String(open));
  }
  toggle.addEventListener('click', function () { setList(doc.body.classList.contains('list-hidden')); schedule(); });

  var hint = $('hint');
  var hintTimer = setTimeout(hideHint, 8000);
  function hideHint() { if (hint) { hint.classList.add('gone'); hint = null; clearTimeout(hintTimer); } }

  // ---- Start ------------------------------------------------------------------------------

  applyTheme();
  if (window.innerWidth < 860) setList(false);
  showLevel(index.detail, false);
  runSearch();
  fitView(false);
  if (!followHash(false)) render();
  root.dataset.ready = '1';
})();
