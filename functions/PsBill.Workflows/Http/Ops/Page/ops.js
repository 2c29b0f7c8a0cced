'use strict';
// The operator's page: a small script over the ops JSON API, no framework and no build step. Every text from the API goes
// through esc(); times are shown in the viewer's time zone; every change that is hard to undo asks first.
const base = location.pathname.replace(/\/+$/, '');

// Under the Functions host the platform key arrives once as ?code=: keep it for this tab only, send it as a header, and take
// it out of the address bar (and so out of history, bookmarks and referrers). Under psbill run the sign-in cookie is used.
(function keepFunctionsKey() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return;
  sessionStorage.setItem('psbill-functions-key', code);
  params.delete('code');
  history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params : '') + location.hash);
})();
const functionsKey = sessionStorage.getItem('psbill-functions-key');
if (functionsKey) document.getElementById('signout').hidden = true;

const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const when = iso => iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
const money = n => n === null || n === undefined ? '' : Number(n).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
function span(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return s + ' s';
  if (s < 5400) return Math.round(s / 60) + ' min';
  if (s < 172800) return Math.round(s / 3600) + ' h';
  return Math.round(s / 86400) + ' days';
}
const ago = iso => iso ? span((Date.now() - new Date(iso).getTime()) / 1000) + ' ago' : '';
const keyLink = key => '<a href="#record/' + encodeURIComponent(key) + '">' + esc(key) + '</a>';
const runLink = id => '<a href="#run/' + encodeURIComponent(id) + '">' + esc(id) + '</a>';
function localMidnight() { const d = new Date(); d.setHours(0, 0, 0, 0); return d; }
function message(text) { $('message').textContent = text || ''; }

async function api(path, options) {
  const headers = Object.assign({ 'x-psbill-csrf': '1' }, (options && options.headers) || {});
  if (functionsKey) headers['x-functions-key'] = functionsKey;
  const response = await fetch(base + '/api/' + path, Object.assign({ credentials: 'same-origin' }, options || {}, { headers }));
  if (response.status === 401 && !functionsKey) { location.href = base + '/login'; throw new Error('Signed out.'); }
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((body && (body.error || body.outcome || body.detail)) || (response.status + ' ' + response.statusText));
  return body;
}
const get = path => api(path);
const post = (path, body) => api(path, { method: 'POST', body: JSON.stringify(body || {}), headers: { 'content-type': 'application/json' } });

// Asks before anything that is hard to undo; resolves true only on Confirm.
function confirmAction(text) {
  const dialog = $('confirm');
  $('confirm-text').textContent = text;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
  });
}

function table(rows, columns) {
  if (!rows || rows.length === 0) return '<p class="muted">none</p>';
  return '<table><tr>' + columns.map(c => '<th' + (c.num ? ' class="num"' : '') + '>' + esc(c.title) + '</th>').join('') + '</tr>' +
    rows.map(r => '<tr>' + columns.map(c => '<td' + (c.num ? ' class="num"' : '') + (c.cls ? ' class="' + esc(c.cls(r)) + '"' : '') + '>' + c.html(r) + '</td>').join('') + '</tr>').join('') +
    '</table>';
}
const text = f => r => esc(f(r));
function fields(pairs) {
  const shown = pairs.filter(p => p[1] !== null && p[1] !== undefined && p[1] !== '');
  return shown.length === 0 ? '' : '<dl class="fields">' + shown.map(p => '<dt>' + esc(p[0]) + '</dt><dd>' + (p[2] ? p[1] : esc(p[1])) + '</dd>').join('') + '</dl>';
}
// A PeopleSoft record (any shape): plain values as fields, lists of objects as tables, nested one level deeper.
function anyRecord(value) {
  if (value === null || typeof value !== 'object') return esc(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '<span class="muted">none</span>';
    if (typeof value[0] !== 'object') return esc(value.join(', '));
    const columns = [...new Set(value.flatMap(v => Object.keys(v)))];
    return table(value, columns.map(c => ({ title: c, html: r => anyRecord(r[c]) })));
  }
  const plain = Object.entries(value).filter(([, v]) => v === null || typeof v !== 'object');
  const nested = Object.entries(value).filter(([, v]) => v !== null && typeof v === 'object');
  return fields(plain.map(([k, v]) => [k, v])) + nested.map(([k, v]) => '<h4>' + esc(k) + '</h4>' + anyRecord(v)).join('');
}

// ---------- navigation ----------
const views = ['overview', 'attention', 'find', 'runs', 'vendors'];
let refreshTimer = null;
async function route() {
  clearTimeout(refreshTimer);
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || 'overview';
  const [view, ...rest] = hash.split('/');
  const arg = rest.join('/');
  const shown = view === 'record' ? 'find' : view === 'run' ? 'runs' : (views.includes(view) ? view : 'overview');
  for (const v of views) { $('view-' + v).hidden = v !== shown; $('nav-' + v).classList.toggle('active', v === shown); }
  try {
    if (shown === 'overview') await overview();
    else if (shown === 'attention') await attention();
    else if (view === 'record') await record(arg);
    else if (view === 'run') { if (!$('runs-list').innerHTML) await runs(); await runDetail(arg); }
    else if (shown === 'runs') await runs();
    else if (shown === 'vendors') await proposals();
  } catch (e) { message('Cannot read the ops API: ' + e.message); }
}
window.addEventListener('hashchange', () => { message(''); route(); });

// ---------- overview ----------
const flowActions = { SyncReferenceData: 'Sync reference data now', PollSuppliers: 'Poll suppliers now', PollVouchers: 'Poll vouchers now', PollPayments: 'Poll payments now' };
async function overview() {
  const o = await get('overview?since=' + encodeURIComponent(localMidnight().toISOString()));
  $('attention-badge').textContent = o.needsAttention > 0 ? o.needsAttention : '';
  $('overview-attention').innerHTML = o.needsAttention === 0
    ? '<div class="attention calm" id="overview-calm">Nothing needs you.</div>'
    : '<div class="attention"><b>' + esc(o.needsAttention) + ' records need you</b><ul>' +
      o.attention.map(g => '<li><a href="#attention">' + esc(g.title) + ' (' + esc(g.count) + ')</a>: ' + esc(g.whatToDo) + '</li>').join('') + '</ul></div>';
  $('overview-flows').innerHTML = o.flows.map(f => '<div class="card" id="flow-' + esc(f.flow) + '"><h3>' + esc(f.flow) + '</h3>' +
    fields([
      ['status', '<span class="status-' + esc(f.status) + '">' + esc(f.running ? 'running…' : f.status) + '</span>', true],
      ['last success', f.lastSuccessAt ? when(f.lastSuccessAt) + ' (' + ago(f.lastSuccessAt) + ')' : 'never'],
      ['sync lag', span(f.lagSeconds)],
      ['last run', f.lastRunStatus],
      ['error', f.lastRunError],
    ]) +
    '<div class="actions"><button type="button" data-action="run-flow" data-flow="' + esc(f.flow) + '"' + (f.running ? ' disabled' : '') + '>' + esc(flowActions[f.flow] || ('Run ' + f.flow + ' now')) + '</button> ' +
    '<a href="#run/' + encodeURIComponent(f.flow) + '">timeline</a></div></div>').join('');
  $('today-since').textContent = 'since ' + when(o.today.since);
  const t = o.today;
  $('overview-today').innerHTML = [['bills created', t.billsCreated], ['payments posted', t.paymentsPosted], ['parked', t.parked], ['failed', t.failed]]
    .map(([label, n]) => '<div class="count"><b>' + esc(n) + '</b>' + esc(label) + '</div>').join('');
  await tieOut();
  // While a flow runs, keep the page current.
  if (o.flows.some(f => f.running)) refreshTimer = setTimeout(() => { if (!$('view-overview').hidden) overview().catch(e => message(e.message)); }, 2000);
}

async function tieOut() {
  try {
    const t = (await get('tieout')).tieOut;
    $('overview-tieout').innerHTML = t.error
      ? '<p class="state-failed">The last tie-out (' + esc(when(t.generatedAt)) + ') failed: ' + esc(t.error) + '</p>'
      : fields([['made', when(t.generatedAt) + ' (' + ago(t.generatedAt) + ')'], ['vouchers', t.vouchers], ['tied', t.tied], ['explained', t.explained],
        ['unexplained', '<span class="' + (t.unexplained > 0 ? 'state-failed' : 'state-done') + '">' + esc(t.unexplained) + '</span>', true], ['verdict', t.verdict],
        ['e.g.', (t.unexplainedExamples || []).join('; ')]]);
  } catch (e) { $('overview-tieout').innerHTML = '<p class="muted">' + esc(e.message) + '</p>'; }
}

async function runFlow(flow) {
  const started = await post('flows/' + encodeURIComponent(flow) + '/start');
  message(started.started ? flow + ' started (instance ' + started.instanceId + ').' : flow + ' is running already: nothing new was started.');
  await overview();
}

// ---------- needs attention ----------
const groupTokens = {};
async function attention() {
  const groups = (await get('attention')).filter(g => g.count > 0);
  $('attention-badge').textContent = groups.reduce((n, g) => n + g.count, 0) || '';
  if (groups.length === 0) { $('attention-groups').innerHTML = '<div class="attention calm" id="attention-calm">Nothing needs you.</div>'; return; }
  $('attention-groups').innerHTML = groups.map(g => '<section class="group" id="group-' + esc(g.cause) + '">' +
    '<header><h3>' + esc(g.title) + '</h3><span class="badge">' + esc(g.count) + '</span>' +
    '<button type="button" data-action="retry-cause" data-cause="' + esc(g.cause) + '" data-count="' + esc(g.count) + '" data-title="' + esc(g.title) + '">Retry all ' + esc(g.count) + '</button></header>' +
    '<p class="todo">' + esc(g.whatToDo) + '</p><div class="items"></div><button type="button" data-action="more" data-cause="' + esc(g.cause) + '" hidden>Load more</button></section>').join('');
  for (const g of groups) { groupTokens[g.cause] = null; await moreOf(g.cause, true); }
}

async function moreOf(cause, first) {
  const token = groupTokens[cause];
  const page = await get('attention/' + cause + '?pageSize=50' + (token ? '&continuationToken=' + encodeURIComponent(token) : ''));
  const section = $('group-' + cause);
  const html = table(page.items, [
    { title: 'record', html: r => keyLink(r.key) },
    { title: 'why', html: text(r => r.reason) },
    { title: 'tries', num: true, html: text(r => r.attempts || '') },
    { title: 'since', html: text(r => when(r.at)) },
    { title: '', html: r => '<button type="button" data-action="retry-key" data-key="' + esc(r.key) + '">Retry</button>' },
  ]);
  section.querySelector('.items').insertAdjacentHTML('beforeend', first ? html : html.replace(/^<table><tr>.*?<\/tr>/, '<table>'));
  groupTokens[cause] = page.continuationToken;
  section.querySelector('[data-action="more"]').hidden = !page.continuationToken;
}

async function retryKeys(keys) {
  const started = await post('replay', { keys });
  message(started.instanceId ? 'Retry started for ' + started.replayed.length + ' record(s) (instance ' + started.instanceId + ').' : 'Nothing to retry.');
  return started;
}

async function retryCause(cause, count, title) {
  if (!await confirmAction('Retry all ' + count + ' records in "' + title + '"?')) return;
  const started = await post('attention/' + cause + '/retry');
  message(started.instanceId ? 'Retry started for ' + started.replayed.length + ' record(s) (instance ' + started.instanceId + ').' : 'Nothing to retry.');
  await attention();
}

// ---------- find a record ----------
async function find(q) {
  $('record').innerHTML = '';
  const found = await get('find?q=' + encodeURIComponent(q));
  if (found.matches.length === 1) { location.hash = '#record/' + encodeURIComponent(found.matches[0].key); return; }
  $('find-results').innerHTML = found.matches.length === 0
    ? '<p id="find-none">Nothing found for "' + esc(q) + '".</p>'
    : table(found.matches, [
      { title: 'record', html: r => keyLink(r.key) },
      { title: 'matched on', html: text(r => r.matchedOn) },
      { title: 'state', cls: r => 'state-' + r.state, html: text(r => r.state) },
      { title: 'far-side id', html: text(r => r.remoteId) },
    ]);
}

function titleOf(key) {
  const [kind, a, b] = key.split(':');
  return kind === 'voucher' ? 'Voucher ' + a + ' ' + b : kind === 'supplier' ? 'Supplier ' + a + ' ' + b : kind === 'payment' ? 'Payment ' + a + ' on bill ' + b : key;
}

async function record(key) {
  if (!$('find-input').value) $('find-input').value = key;
  $('find-results').innerHTML = '';
  const r = await get('records/' + encodeURIComponent(key));
  const l = r.ledger;
  let html = '<h2 id="record-title">' + esc(titleOf(r.key)) + ' <small>' + esc(r.key) + '</small></h2>' +
    '<button type="button" data-action="retry-key" data-key="' + esc(r.key) + '">Retry this record</button>';
  html += '<div class="record-section" id="record-ledger"><h3>Where it stands</h3>' + (l ? fields([
    ['state', '<span class="state-' + esc(l.state) + '">' + esc(l.state) + '</span>', true],
    ['why parked', l.parkedReason],
    [r.kind === 'voucher' ? 'BILL bill' : r.kind === 'supplier' ? 'BILL vendor' : 'posted as', l.remoteId],
    ['tries', l.attempts],
    ['last change', when(l.updatedAt)],
    ['run', l.runId],
    ...Object.entries(l.fields).map(([k, v]) => [k, v]),
  ]) : '<p class="muted">Not in the ledger: only its trail is known.</p>') + '</div>';
  if (r.kind === 'voucher') {
    html += '<div class="record-section" id="record-bill"><h3>The bill in BILL</h3>';
    if (r.bill) {
      const b = r.bill;
      html += fields([['bill id', b.id], ['invoice number', b.invoiceNumber], ['invoice date', b.invoiceDate], ['due date', b.dueDate],
        ['amount', money(b.amount)], ['paid', money(b.paidAmount)], ['due', money(b.dueAmount)], ['payment status', b.paymentStatus],
        ['approval', b.approvalStatus], ['vendor', (b.vendorName || '') + (b.vendorId ? ' (' + b.vendorId + ')' : '')], ['archived', b.archived ? 'yes' : '']]) +
        table(b.lines, [
          { title: 'amount', num: true, html: text(x => money(x.amount)) },
          { title: 'description', html: text(x => x.description) },
          { title: 'account', html: text(x => x.account) },
          { title: 'department', html: text(x => x.department) },
        ]);
    } else html += '<p class="muted">' + esc(r.billProblem || 'No bill yet.') + '</p>';
    html += '</div>';
  }
  if (r.kind !== 'supplier') {
    html += '<div class="record-section" id="record-payments"><h3>Payments posted back</h3>' + table(r.payments, [
      { title: 'BILL payment', html: p => '<a href="#record/' + encodeURIComponent(p.key) + '">' + esc(p.paymentId) + '</a>' },
      { title: 'amount', num: true, html: text(p => money(p.amount)) },
      { title: 'paid on', html: text(p => p.paymentDate) },
      { title: 'reference', html: text(p => p.reference) },
      { title: 'mode', html: text(p => p.mode) },
      { title: 'method', html: text(p => p.method) },
      { title: 'state', cls: p => 'state-' + p.state, html: text(p => p.state + (p.parkedReason ? ': ' + p.parkedReason : '')) },
      { title: 'posted as', html: text(p => p.postedAs + (p.reversedAs ? ', reversed as ' + p.reversedAs : '')) },
      { title: 'when', html: text(p => when(p.updatedAt)) },
    ]) + '</div>';
  }
  if (r.related.length > 0) html += '<p>Related: ' + r.related.map(keyLink).join(', ') + '</p>';
  if (r.source) html += '<div class="record-section" id="record-source"><h3>As PeopleSoft sent it' + (r.withdrawn ? ' (withdrawn since)' : '') + '</h3>' + anyRecord(r.source) + '</div>';
  html += '<div class="record-section" id="record-trail"><h3>What happened</h3>' + table(r.trail, [
    { title: 'when', html: text(t => when(t.at)) },
    { title: 'record', html: t => t.key === r.key ? '' : keyLink(t.key) },
    { title: 'step', html: text(t => t.step) },
    { title: 'outcome', cls: t => 'outcome-' + t.outcome, html: text(t => t.outcome) },
    { title: 'detail', html: text(t => t.detail) },
    { title: 'run', html: text(t => t.runId) },
  ]) + '</div>';
  $('record').innerHTML = html;
}

// ---------- runs ----------
const orchestrators = ['SyncReferenceData', 'PollSuppliers', 'PollVouchers', 'PollPayments', 'BillLane', 'SettlePayment', 'Replay'];
$('runs-name').insertAdjacentHTML('beforeend', orchestrators.map(n => '<option>' + esc(n) + '</option>').join(''));
let runsToken = null;
function runsQuery() {
  const q = new URLSearchParams({ pageSize: '50' });
  if ($('runs-name').value) q.set('name', $('runs-name').value);
  if ($('runs-status').value) q.set('status', $('runs-status').value);
  if ($('runs-from').value) q.set('from', new Date($('runs-from').value).toISOString());
  if ($('runs-to').value) q.set('to', new Date($('runs-to').value).toISOString());
  return q;
}
async function runs(more) {
  const q = runsQuery();
  if (more && runsToken) q.set('continuationToken', runsToken);
  const page = await get('orchestrations?' + q);
  const html = table(page.items, [
    { title: 'instance', html: r => runLink(r.instanceId) },
    { title: 'kind', html: text(r => r.name) },
    { title: 'status', cls: r => 'status-' + r.status, html: text(r => r.status) },
    { title: 'started', html: text(r => when(r.createdAt)) },
    { title: 'last change', html: text(r => when(r.lastUpdatedAt)) },
    { title: 'says', html: text(r => r.failure || r.customStatus) },
  ]) + (page.continuationToken ? '<button type="button" data-action="more-runs">Load more</button>' : '');
  if (more) { $('runs-list').querySelector('[data-action="more-runs"]')?.remove(); $('runs-list').insertAdjacentHTML('beforeend', html); } else $('runs-list').innerHTML = html;
  runsToken = page.continuationToken;
}

const active = s => s === 'Running' || s === 'Pending' || s === 'Suspended';
async function runDetail(id) {
  const t = await get('orchestrations/' + encodeURIComponent(id) + '/timeline');
  const i = t.instance;
  $('run-detail').innerHTML = '<h3 id="run-title">' + esc(i.instanceId) + ' <small>' + esc(i.name) + '</small></h3>' +
    fields([['status', '<span id="run-status" class="status-' + esc(i.status) + '">' + esc(i.status) + '</span>', true], ['started', when(i.createdAt)], ['last change', when(i.lastUpdatedAt)],
      ['says', i.customStatus], ['failure', i.failure]]) +
    '<p>' + (active(i.status)
      ? '<button type="button" class="danger" data-action="terminate" data-id="' + esc(i.instanceId) + '">Terminate</button>'
      : '<button type="button" data-action="restart" data-id="' + esc(i.instanceId) + '">Restart</button> <button type="button" class="danger" data-action="purge" data-id="' + esc(i.instanceId) + '">Purge</button>') +
    ' <button type="button" data-action="refresh-run" data-id="' + esc(i.instanceId) + '">Refresh</button></p>' +
    table(t.timeline, [
      { title: 'when', html: text(r => when(r.startedAt)) },
      { title: 'step', html: text(r => r.kind + (r.name && r.name !== r.kind ? ': ' + r.name : '')) },
      { title: 'took', num: true, html: text(r => r.durationMs === null ? '' : (r.durationMs / 1000).toFixed(2) + ' s') },
      { title: 'outcome', cls: r => 'outcome-' + r.outcome, html: text(r => r.outcome) },
      { title: 'try', num: true, html: text(r => r.attempt > 1 ? r.attempt : '') },
      { title: 'detail', html: r => r.kind === 'suborchestration' && r.detail ? runLink(r.detail) : esc(r.detail) },
    ]);
  if (active(i.status)) refreshTimer = setTimeout(() => { if (location.hash === '#run/' + encodeURIComponent(id)) runDetail(id).catch(e => message(e.message)); }, 2000);
}

async function instanceAction(action, id) {
  const questions = {
    restart: 'Restart ' + id + '? It runs again from the start with the same input (the ledger keeps anything from being created twice).',
    terminate: 'Terminate ' + id + '? It stops now, with its sub-orchestrations; work it had not finished is picked up by the next run.',
    purge: 'Purge ' + id + '? Its history is deleted for good.',
  };
  if (!await confirmAction(questions[action])) return;
  const done = await post('orchestrations/' + encodeURIComponent(id) + '/' + action);
  message(id + ': ' + done.outcome);
  if (action === 'purge') { location.hash = '#runs'; return; }
  await runDetail(id);
}

// ---------- vendor matches and preview ----------
async function proposals() {
  let list;
  try { list = await get('proposals'); } catch (e) { $('proposals').textContent = e.message; return; }
  $('proposals').innerHTML = table(list, [
    { title: 'supplier', html: p => keyLink(p.supplierKey) },
    { title: 'name', html: text(p => p.supplierName) },
    { title: 'status', html: text(p => p.status) },
    { title: 'candidates (score)', html: p => p.candidates.map(c => esc(c.name) + ' (' + esc(c.score) + ') <button type="button" data-action="confirm-match" data-supplier="' + esc(p.supplierKey) + '" data-vendor="' + esc(c.vendorId) + '">this one</button>').join('<br>') },
    { title: '', html: p => '<button type="button" data-action="reject-match" data-supplier="' + esc(p.supplierKey) + '">none: create a vendor</button>' },
  ]);
}
async function decide(decision, supplierKey, vendorId) {
  const question = decision === 'confirm' ? 'Adopt BILL vendor ' + vendorId + ' for ' + supplierKey + '?' : 'Create a new BILL vendor for ' + supplierKey + '?';
  if (!await confirmAction(question)) return;
  await post('proposals/' + decision, { supplierKey, vendorId });
  message('Decision recorded; ' + supplierKey + ' runs again now.');
  await proposals();
}
async function preview() {
  $('preview').textContent = 'reading PeopleSoft and BILL...';
  const p = await get('preview');
  $('preview').innerHTML = fields(Object.entries(p.totals)) + table(p.rows, [
    { title: 'record', html: r => keyLink(r.key) }, { title: 'would', html: text(r => r.action) }, { title: 'detail', html: text(r => r.detail) }]);
}

// ---------- events ----------
document.addEventListener('click', async event => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const d = button.dataset;
  button.disabled = true;
  try {
    switch (d.action) {
      case 'run-flow': await runFlow(d.flow); break;
      case 'retry-key': await retryKeys([d.key]); break;
      case 'retry-cause': await retryCause(d.cause, d.count, d.title); break;
      case 'more': await moreOf(d.cause, false); break;
      case 'more-runs': await runs(true); break;
      case 'restart': case 'terminate': case 'purge': await instanceAction(d.action, d.id); break;
      case 'refresh-run': await runDetail(d.id); break;
      case 'confirm-match': await decide('confirm', d.supplier, d.vendor); break;
      case 'reject-match': await decide('reject', d.supplier); break;
    }
  } catch (e) { message(e.message); } finally { if (button.isConnected) button.disabled = false; }
});
$('find-form').addEventListener('submit', event => { event.preventDefault(); const q = $('find-input').value.trim(); if (q) find(q).catch(e => message(e.message)); });
$('runs-filter').addEventListener('submit', event => { event.preventDefault(); runs().catch(e => message(e.message)); });
$('preview-button').addEventListener('click', () => preview().catch(e => message(e.message)));
route();
