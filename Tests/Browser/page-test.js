#!/usr/bin/env node
// Drives erdviz's HTML page in headless Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe: JSON messages separated by NUL bytes, commands on fd 3, replies on fd 4).
//
//   node page-test.js PLAN.json      prints a JSON report on stdout
//
// The plan names the page, the window and a list of steps (load, search, key, clickList,
// clickTable, clickButton, snapshot, screenshot, wait). Every request that is not file: is blocked
// with Fetch and recorded; CSP violations, exceptions, console errors and JavaScript dialogs are
// recorded too, so the Swift test can assert that nothing left the page and nothing was injected.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');

function fail(message) {
  process.stderr.write(`page-test: ${message}\n`);
  process.exit(2);
}

async function withChromium(chrome, timeoutSec, fn) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'erdviz-page-test-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--remote-debugging-pipe', `--user-data-dir=${path.join(dir, 'profile')}`, '--no-first-run',
    '--no-default-browser-check', '--disable-extensions', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--hide-scrollbars',
    '--mute-audio', '--font-render-hinting=none', 'about:blank'];
  const child = spawn(chrome, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
  const pending = new Map();
  const listeners = [];
  let nextId = 0, buf = '', dead = null;
  const die = (e) => { dead = dead || e; for (const p of pending.values()) p.reject(dead); pending.clear(); };
  child.on('error', (e) => die(new Error(`cannot start ${chrome}: ${e.message}`)));
  child.on('exit', (code, sig) => die(new Error(`chromium exited (${sig || code}); stderr tail:\n${stderr}`)));
  const input = child.stdio[4];
  input.setEncoding('utf8');
  input.on('data', (chunk) => {
    buf += chunk;
    for (let i; (i = buf.indexOf('\0')) >= 0;) {
      const msg = JSON.parse(buf.slice(0, i));
      buf = buf.slice(i + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        if (!p) continue;
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`)); else p.resolve(msg.result);
      } else {
        for (const l of listeners.slice()) if (l.method === msg.method) l.fn(msg.params, msg.sessionId);
      }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    if (dead) return reject(dead);
    const id = ++nextId;
    pending.set(id, { resolve, reject, method });
    const message = sessionId ? { id, method, params, sessionId } : { id, method, params };
    child.stdio[3].write(JSON.stringify(message) + '\0');
  });
  const on = (method, fn) => listeners.push({ method, fn });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutSec}s`)), timeoutSec * 1000);
  });
  try {
    return await Promise.race([fn(send, on), timeout]);
  } finally {
    clearTimeout(timer);
    const exited = new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) r(); else child.once('exit', r); });
    if (!dead) send('Browser.close').catch(() => {});
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Runs in the page: what a person would see, read from the DOM.
function snapshot() {
  const q = (s) => Array.from(document.querySelectorAll(s));
  const details = document.getElementById('details');
  const level = q('#detail button').find((b) => b.getAttribute('aria-checked') === 'true');
  // Anything that could run or load something and is not ours counts as injected markup.
  const risky = [];
  const scan = (rootNode) => {
    rootNode.querySelectorAll('*').forEach((el) => {
      const tag = el.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed', 'base', 'form', 'audio', 'video', 'image', 'foreignobject', 'use'].includes(tag)) risky.push(tag);
      if (tag === 'script' && !(el.type === 'application/json' || el.parentNode === document.body)) risky.push('script');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) risky.push(`${tag}[${a.name}]`);
        if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && !/^#/.test(a.value) && !/^data:,$/.test(a.value)) risky.push(`${tag}[${a.name}=${a.value}]`);
      }
    });
  };
  scan(document);
  q('template').forEach((t) => scan(t.content));
  return {
    ready: document.documentElement.dataset.ready === '1',
    title: document.title,
    list: q('#list li:not(.more) .name').map((n) => n.textContent),
    listKeys: q('#list li:not(.more)').map((n) => n.dataset.key),
    count: (document.getElementById('count') || {}).textContent,
    active: (document.querySelector('#list li.active .name') || {}).textContent || null,
    detailsOpen: !!details && !details.hidden,
    detailsKind: (document.getElementById('details-kind') || {}).textContent,
    detailsName: (document.getElementById('details-name') || {}).textContent,
    detailsColumns: q('#details tr[data-column]').map((tr) => tr.dataset.column),
    detailsText: details ? details.innerText : null,
    legend: (document.getElementById('legend') || {}).innerText || null,
    detailsLinks: q('#details-body a').map((a) => a.textContent),
    selectedNode: (document.querySelector('#canvas .node.sel') || {}).id || null,
    neighbourNodes: q('#canvas .node.nb').map((n) => n.id).sort(),
    litEdges: q('#canvas .edge.hl').map((n) => n.id).sort(),
    hitNodes: q('#canvas .node.hit').length,
    nodes: q('#canvas .node').length,
    svgTexts: q('#canvas svg text').map((t) => t.textContent),
    hash: location.hash,
    theme: document.documentElement.dataset.theme,
    canvasBackground: document.getElementById('viewport') ? getComputedStyle(document.getElementById('viewport')).backgroundColor : null,
    textFill: (() => { const t = document.querySelector('#canvas svg text:not([fill])'); return t ? getComputedStyle(t).fill : null; })(),
    level: level ? level.dataset.detail : null,
    transform: (document.getElementById('canvas') || { style: {} }).style.transform,
    injected: window.__erdvizInjected === undefined ? null : String(window.__erdvizInjected),
    cspViolations: window.__cspViolations || [],
    changes: q('#change-list li').map((li) => li.textContent),
    changeKeys: q('#change-list li[data-key]').map((li) => li.dataset.key),
    changeFilter: (document.querySelector('#change-filter button[aria-checked="true"]') || { dataset: {} }).dataset.filter || null,
    dimNodes: q('#canvas .node.dim').map((n) => n.id).sort(),
    markedNodes: q('#canvas .node.added, #canvas .node.removed, #canvas .node.changed').map((n) => n.id).sort(),
    risky,
  };
}

async function run(plan) {
  const chrome = plan.chrome || process.env.ERDVIZ_CHROME || '/usr/bin/chromium';
  if (!fs.existsSync(chrome)) fail(`no Chromium at ${chrome}`);
  const report = { requests: [], blocked: [], exceptions: [], consoleErrors: [], dialogs: [], logErrors: [], results: [] };
  await withChromium(chrome, plan.timeout || 90, async (send, on) => {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const S = (m, p) => send(m, p, sessionId);
    on('Fetch.requestPaused', (p) => {
      if (/^file:/.test(p.request.url)) { S('Fetch.continueRequest', { requestId: p.requestId }).catch(() => {}); return; }
      report.blocked.push(p.request.url);
      S('Fetch.failRequest', { requestId: p.requestId, errorReason: 'BlockedByClient' }).catch(() => {});
    });
    on('Network.requestWillBeSent', (p) => report.requests.push(p.request.url));
    on('Runtime.exceptionThrown', (p) => report.exceptions.push(p.exceptionDetails.exception ? p.exceptionDetails.exception.description : p.exceptionDetails.text));
    on('Runtime.consoleAPICalled', (p) => { if (p.type === 'error' || p.type === 'assert') report.consoleErrors.push(p.args.map((a) => a.value || a.description).join(' ')); });
    on('Log.entryAdded', (p) => { if (p.entry.level === 'error') report.logErrors.push(`${p.entry.source}: ${p.entry.text}`); });
    on('Page.javascriptDialogOpening', (p) => {
      report.dialogs.push(`${p.type}: ${p.message}`);
      S('Page.handleJavaScriptDialog', { accept: false }).catch(() => {});
    });
    await S('Page.enable');
    await S('Runtime.enable');
    await S('Network.enable');
    await S('Log.enable');
    await S('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
    await S('Page.addScriptToEvaluateOnNewDocument', {
      source: "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', function (e) { window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });",
    });
    if (plan.bypassCSP) await S('Page.setBypassCSP', { enabled: true });
    await S('Emulation.setDeviceMetricsOverride', { width: plan.width || 1280, height: plan.height || 800, deviceScaleFactor: plan.scale || 1, mobile: false });
    await S('Emulation.setEmulatedMedia', { media: plan.media || '', features: [{ name: 'prefers-color-scheme', value: plan.dark ? 'dark' : 'light' }, { name: 'prefers-reduced-motion', value: 'reduce' }] });

    const evaluate = async (expression) => {
      const r = await S('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.exception ? r.exceptionDetails.exception.description : r.exceptionDetails.text}`);
      return r.result.value;
    };
    const settle = () => evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
    // Polls from here, not in the page: a poll inside the page dies with the document it ran in.
    // `script: false` waits for the document only, for pages whose script is expected to fail.
    const waitReady = async (url, script) => {
      const deadline = Date.now() + 30000;
      const done = script === false ? "document.readyState === 'complete'" : "document.documentElement.dataset.ready === '1'";
      for (;;) {
        let ready = false;
        try {
          ready = await evaluate(`location.href === ${JSON.stringify(url)} && ${done}`);
        } catch (e) { /* the document is being replaced */ }
        if (ready) return evaluate('performance.now()');
        if (Date.now() > deadline) throw new Error(`the page never became ready: ${url}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const click = async (x, y) => {
      await S('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await S('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount: 1 });
      await S('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount: 1 });
      await settle();
    };
    const centre = async (expression) => {
      const r = await evaluate(`(() => { const el = ${expression}; if (!el) return null; const b = el.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, w: innerWidth, h: innerHeight }; })()`);
      if (!r) throw new Error(`nothing to click: ${expression}`);
      // A click outside the window would land nowhere, and the test would read a wrong page.
      if (r.x < 0 || r.y < 0 || r.x >= r.w || r.y >= r.h) throw new Error(`off-screen (${Math.round(r.x)}, ${Math.round(r.y)}): ${expression}`);
      return r;
    };
    const keys = { Enter: 13, Escape: 27, ArrowDown: 40, ArrowUp: 38, ArrowLeft: 37, ArrowRight: 39 };
    const pageURL = pathToFileURL(path.resolve(plan.page)).href;

    for (const step of plan.steps) {
      const started = Date.now();
      const result = { do: step.do };
      switch (step.do) {
        case 'load': {
          await S('Page.navigate', { url: 'about:blank' });
          await S('Page.navigate', { url: pageURL + (step.hash || '') });
          result.readyAt = await waitReady(pageURL + (step.hash || ''), step.script);
          result.navigation = await evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0]; return n ? { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.decodedBodySize, firstPaint: p ? p.startTime : null } : null; })()");
          break;
        }
        case 'search': {
          const at = await centre("document.getElementById('search')");
          await click(at.x, at.y);
          await evaluate("(() => { const s = document.getElementById('search'); s.select(); return true; })()");
          await S('Input.insertText', { text: step.text });
          await settle();
          break;
        }
        case 'key': {
          const code = keys[step.key];
          const base = { key: step.key, code: step.key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
          await S('Input.dispatchKeyEvent', Object.assign({ type: 'rawKeyDown' }, base));
          await S('Input.dispatchKeyEvent', Object.assign({ type: 'keyUp' }, base));
          await settle();
          break;
        }
        case 'clickList': {
          const at = await centre(`Array.from(document.querySelectorAll('#list li')).find((li) => { const n = li.querySelector('.name'); return n && n.textContent === ${JSON.stringify(step.text)}; })`);
          await click(at.x, at.y);
          break;
        }
        case 'clickTable': {
          const expression = `(() => { const idx = JSON.parse(document.getElementById('erd-index').textContent); const e = idx.entities.find((x) => (x.schema ? x.schema + '.' + x.name : x.name) === ${JSON.stringify(step.table)}); return e ? document.getElementById('n_' + e.key) : null; })()`;
          const at = await centre(expression);
          await click(at.x, at.y);
          break;
        }
        case 'clickButton': {
          const at = await centre(`document.querySelector(${JSON.stringify(step.selector)})`);
          await click(at.x, at.y);
          break;
        }
        case 'clickLink': {
          const at = await centre(`Array.from(document.querySelectorAll('#details-body a')).find((a) => a.textContent === ${JSON.stringify(step.text)})`);
          await click(at.x, at.y);
          await evaluate('new Promise((r) => setTimeout(() => r(true), 50))');
          await settle();
          break;
        }
        case 'wait':
          await evaluate(`new Promise((r) => setTimeout(() => r(true), ${Number(step.ms) || 0}))`);
          break;
        case 'screenshot': {
          await settle();
          const shot = await S('Page.captureScreenshot', { format: 'png' });
          fs.mkdirSync(path.dirname(path.resolve(step.path)), { recursive: true });
          fs.writeFileSync(step.path, Buffer.from(shot.data, 'base64'));
          result.path = step.path;
          break;
        }
        case 'eval':
          result.value = await evaluate(step.expression);
          break;
        case 'snapshot':
          break;
        default:
          throw new Error(`unknown step ${step.do}`);
      }
      if (step.do !== 'screenshot' && step.do !== 'wait') result.state = await evaluate(`(${snapshot})()`);
      result.ms = Date.now() - started;
      report.results.push(result);
    }
  });
  return report;
}

const planPath = process.argv[2];
if (!planPath) fail('usage: page-test.js PLAN.json');
let plan;
try { plan = JSON.parse(fs.readFileSync(planPath, 'utf8')); } catch (e) { fail(`cannot read plan: ${e.message}`); }
run(plan).then(
  // Exit once the report is flushed: on a pipe, exiting at once cuts it at 64 KiB.
  (report) => { process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0)); },
  (e) => fail(e && e.stack || String(e)));
