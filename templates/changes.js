// erdviz change panel, on the page of `erdviz diff` only: lists the changes, filters them by
// action (dimming the tables no listed change is in), and selects a change's table through the
// page's own deep link (#table=…). Text reaches the DOM through textContent only.
(function () {
  'use strict';

  var doc = document;
  var $ = function (id) { return doc.getElementById(id); };
  var data = JSON.parse($('erd-changes').textContent);
  var index = JSON.parse($('erd-index').textContent);
  var list = $('change-list');
  var canvas = $('canvas');
  var names = new Map();
  index.entities.forEach(function (e) { names.set(e.key, e.schema ? e.schema + '.' + e.name : e.name); });
  var filter = 'all';
  var shownKeys = new Set();

  function kind(action) { return action === 'renamed' ? 'changed' : action; }
  function matches(c) { return filter === 'all' || kind(c.action) === filter; }

  function renderList() {
    var fragment = doc.createDocumentFragment();
    shownKeys = new Set();
    data.changes.forEach(function (c) {
      if (!matches(c)) return;
      var li = doc.createElement('li');
      li.className = 'change ' + kind(c.action);
      li.textContent = c.line;
      if (c.key && names.has(c.key)) {
        li.dataset.key = c.key;
        li.title = 'Show ' + names.get(c.key);
        shownKeys.add(c.key);
      } else {
        li.classList.add('undrawn');
        li.title = 'Not drawn in this diagram';
      }
      fragment.appendChild(li);
    });
    if (!fragment.childNodes.length) {
      var none = doc.createElement('li');
      none.className = 'none';
      none.textContent = data.changes.length ? 'No change of this kind.' : 'No change.';
      fragment.appendChild(none);
    }
    list.replaceChildren(fragment);
    paint();
  }

  /** Dims the drawn tables that no listed change is in; the drawing of another level too. */
  function paint() {
    canvas.querySelectorAll('svg g.node').forEach(function (g) {
      var key = g.id && g.id.indexOf('n_') === 0 ? g.id.slice(2) : null;
      g.classList.toggle('dim', filter !== 'all' && !shownKeys.has(key));
    });
  }
  new MutationObserver(paint).observe(canvas, { childList: true });

  doc.querySelectorAll('#change-filter button').forEach(function (b) {
    var count = data.changes.filter(function (c) { return b.dataset.filter === 'all' || kind(c.action) === b.dataset.filter; }).length;
    b.appendChild(doc.createTextNode(' ' + count));
    if (!count && b.dataset.filter !== 'all') b.disabled = true;
    b.addEventListener('click', function () {
      filter = b.dataset.filter;
      doc.querySelectorAll('#change-filter button').forEach(function (o) { o.setAttribute('aria-checked', String(o === b)); });
      renderList();
    });
  });

  list.addEventListener('click', function (ev) {
    var li = ev.target.closest('li');
    if (!li || !li.dataset.key) return;
    var hash = '#table=' + encodeURIComponent(names.get(li.dataset.key));
    // The page follows its own deep links; the same link again still shows the table.
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  });

  renderList();
})();
