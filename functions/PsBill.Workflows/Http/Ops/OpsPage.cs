namespace PsBill.Workflows.Http.Ops;

/// <summary>The operator's page: one static HTML file over the ops API. It never carries a key: under <c>psbill run</c> the
/// sign-in sets an HttpOnly cookie, under the Functions host the platform's key guards the route.</summary>
internal static class OpsPage
{
    public const string Html = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PsBill operations</title>
<style>
 body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222} h1{font-size:1.3rem} h2{font-size:1.05rem;margin-top:1.5rem}
 table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
 th{background:#f3f3f3} .failed,.parked{color:#a40000} input{width:28rem} button{margin-left:.3rem} pre{background:#f7f7f7;padding:.5rem}
</style></head>
<body>
<h1>PsBill operations</h1>
<h2>Flows</h2><div id="flows">loading...</div>
<h2>Recent runs</h2><div id="runs">loading...</div>
<h2>Parked items</h2><div id="parked">loading...</div><button onclick="replayParked()">Replay every parked item</button>
<h2>Failed items</h2><div id="failed">loading...</div><button onclick="replayFailed()">Replay every failed item</button>
<h2>Vendor matches (first connect)</h2><div id="proposals">loading...</div>
<h2>Preview of the next cycle</h2><button onclick="preview()">Preview (writes nothing)</button><div id="preview"></div>
<h2>Item</h2>
<input id="key" placeholder="voucher:US001:00012345"><button onclick="showItem()">Show</button><button onclick="replayItem()">Replay</button>
<div id="item"></div>
<script>
const base = location.pathname.replace(/\/+$/, '');
const url = p => base + '/api/' + p;
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
const table = (rows, cols) => rows.length === 0 ? '<p>none</p>' :
  '<table><tr>' + cols.map(c => '<th>' + esc(c[0]) + '</th>').join('') + '</tr>' +
  rows.map(r => '<tr>' + cols.map(c => '<td class="' + esc(c[1](r)) + '">' + esc(c[1](r)) + '</td>').join('') + '</tr>').join('') + '</table>';
async function get(p) { const r = await fetch(url(p), {credentials:'same-origin'}); if (r.status === 401) { location.href = base + '/login'; } if (!r.ok) throw new Error(r.status + ' ' + await r.text()); return r.json(); }
async function post(p, body) { const r = await fetch(url(p), {method:'POST', credentials:'same-origin', headers:{'content-type':'application/json','x-psbill-csrf':'1'}, body:JSON.stringify(body)}); return r.json(); }
async function load() {
  try {
    const runs = await get('runs?max=30');
    document.getElementById('runs').innerHTML = table(runs, [['run', r => r.id], ['function', r => r.function], ['status', r => r.status],
      ['started', r => r.startedAt], ['seen', r => r.counts.seen], ['created', r => r.counts.created], ['updated', r => r.counts.updated],
      ['already there', r => r.counts.alreadyThere], ['parked', r => r.counts.parked], ['failed', r => r.counts.failed], ['error', r => r.error]]);
    const parked = await get('parked');
    document.getElementById('parked').innerHTML = table(parked, [['key', e => e.key], ['reason', e => e.parkedReason], ['attempts', e => e.attempts], ['updated', e => e.updatedAt]]);
    const failed = await get('failed');
    document.getElementById('failed').innerHTML = table(failed, [['key', f => f.key], ['reason', f => f.reason], ['at', f => f.at], ['run', f => f.runId]]);
    const flows = await get('flows');
    document.getElementById('flows').innerHTML = table(flows, [['flow', f => f.flow], ['status', f => f.status], ['since', f => f.lastUpdatedAt]]) +
      flows.map(f => '<button onclick="runFlow(\'' + esc(f.flow) + '\')">Run ' + esc(f.flow) + ' now</button>').join('');
  } catch (e) { document.getElementById('runs').textContent = 'Cannot read the ops API: ' + e.message; }
}
async function loadProposals() {
  try {
    const proposals = await get('proposals');
    document.getElementById('proposals').innerHTML = proposals.length === 0 ? '<p>none</p>' :
      '<table><tr><th>supplier</th><th>name</th><th>status</th><th>candidates (score)</th><th></th></tr>' +
      proposals.map(p => '<tr><td>' + esc(p.supplierKey) + '</td><td>' + esc(p.supplierName) + '</td><td>' + esc(p.status) + '</td><td>' +
        p.candidates.map(c => esc(c.name) + ' (' + esc(c.score) + ') <button onclick="decide(\'confirm\',\'' + esc(p.supplierKey) + '\',\'' + esc(c.vendorId) + '\')">this one</button>').join('<br>') +
        '</td><td><button onclick="decide(\'reject\',\'' + esc(p.supplierKey) + '\')">none: create a vendor</button></td></tr>').join('') + '</table>';
  } catch (e) { document.getElementById('proposals').textContent = e.message; }
}
async function decide(decision, supplierKey, vendorId) {
  if (confirm(decision === 'confirm' ? 'Adopt vendor ' + vendorId + ' for ' + supplierKey + '?' : 'Create a new vendor for ' + supplierKey + '?')) {
    alert(JSON.stringify(await post('proposals/' + decision, {supplierKey, vendorId}))); loadProposals();
  }
}
async function preview() {
  document.getElementById('preview').textContent = 'reading PeopleSoft and BILL...';
  try { const p = await get('preview');
    document.getElementById('preview').innerHTML = '<pre>' + esc(JSON.stringify(p.totals, null, 2)) + '</pre>' +
      table(p.rows, [['key', r => r.key], ['action', r => r.action], ['detail', r => r.detail]]);
  } catch (e) { document.getElementById('preview').textContent = e.message; }
}
async function showItem() {
  const key = document.getElementById('key').value.trim(); if (!key) return;
  try { const item = await get('items/' + encodeURIComponent(key));
    document.getElementById('item').innerHTML = '<pre>' + esc(JSON.stringify(item.ledger, null, 2)) + '</pre>' +
      table(item.trail, [['at', t => t.at], ['step', t => t.step], ['outcome', t => t.outcome], ['detail', t => t.detail], ['run', t => t.runId]]);
  } catch (e) { document.getElementById('item').textContent = e.message; }
}
async function replayItem() { const key = document.getElementById('key').value.trim(); if (key) alert(JSON.stringify(await post('replay', {keys:[key]}))); }
async function replayParked() { if (confirm('Replay every parked item?')) { alert(JSON.stringify(await post('replay', {parked:true}))); load(); } }
async function replayFailed() { if (confirm('Replay every failed item?')) { alert(JSON.stringify(await post('replay', {failed:true}))); load(); } }
async function runFlow(flow) { if (confirm('Run ' + flow + ' now?')) { alert(JSON.stringify(await post('flows/' + flow + '/start', {}))); load(); } }
load(); loadProposals();
</script></body></html>
""";
}
