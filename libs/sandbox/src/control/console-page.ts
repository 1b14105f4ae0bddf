// The caller console at GET /: a pretend phone in a page, driving the control API.
export function consolePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ring Tonic sandbox — caller console</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2933; max-width: 1100px; }
  h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.6rem; }
  fieldset { border: 1px solid #cbd2d9; border-radius: 6px; padding: .6rem .8rem; }
  label { margin-right: .6rem; } input, select, button { font: inherit; padding: .2rem .4rem; }
  table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #e4e7eb; padding: .3rem; text-align: left; vertical-align: top; }
  .status-in-progress { color: #0b7a3e; font-weight: 600; } .status-ringing { color: #b25e09; font-weight: 600; }
  .muted { color: #7b8794; } code { font-size: 12px; } #message { min-height: 1.2em; color: #334e68; }
</style>
</head>
<body>
<h1>Ring Tonic sandbox — caller console</h1>
<p class="muted">A local stand-in for Twilio. Place a call from a pretend phone to one of the sandbox numbers, then act as the caller. Twilio REST lives under <code>/2010-04-01</code>.</p>
<p id="message" role="status"></p>

<h2>Place an inbound call</h2>
<form id="call-form"><fieldset>
  <label>From (pretend phone) <input name="from" value="+14155550100" required aria-label="From number"></label>
  <label>To (sandbox number) <select name="to" aria-label="To number" id="to-select"></select></label>
  <button type="submit">Call</button>
</fieldset></form>

<h2>Calls</h2>
<table aria-label="Calls"><thead><tr><th>Call</th><th>From → To</th><th>Direction</th><th>Status</th><th>Act as the pretend phone</th></tr></thead>
<tbody id="calls"></tbody></table>

<h2>Pretend phones (how a dialled number answers)</h2>
<form id="phone-form"><fieldset>
  <label>Number <input name="e164" value="+14155550123" required aria-label="Pretend phone number"></label>
  <label>Answer <select name="answer" aria-label="Answer behaviour"><option>answer</option><option>busy</option><option>no-answer</option><option>fail</option></select></label>
  <label>After ms <input name="afterMs" type="number" min="0" value="2000" aria-label="After milliseconds"></label>
  <button type="submit">Save phone</button>
</fieldset></form>

<h2>Accounts</h2>
<button type="button" id="new-account">New account with a number</button>
<table aria-label="Accounts"><thead><tr><th>Account SID</th><th>Auth token</th><th>Type</th><th>Numbers</th></tr></thead><tbody id="accounts"></tbody></table>

<script>
const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
async function api(method, path, body) {
  const res = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  const data = text ? JSON.parse(text) : {};
  if (!res.ok) throw new Error(data.error || data.message || res.statusText);
  return data;
}
function say(text) { $('#message').textContent = text; }
async function refreshAccounts() {
  const accounts = await api('GET', '/sandbox/accounts');
  const numbers = accounts.flatMap((a) => a.numbers.map((n) => n.phoneNumber));
  const select = $('#to-select');
  const current = select.value;
  select.innerHTML = numbers.map((n) => '<option>' + esc(n) + '</option>').join('');
  if (numbers.includes(current)) select.value = current;
  $('#accounts').innerHTML = accounts.map((a) => '<tr><td><code>' + esc(a.accountSid) + '</code></td><td><code>' + esc(a.authToken) +
    '</code></td><td>' + esc(a.type) + ' / ' + esc(a.status) + '</td><td>' + a.numbers.map((n) => esc(n.phoneNumber) +
    (n.voiceUrl ? ' <span class="muted">→ ' + esc(n.voiceUrl) + '</span>' : '')).join('<br>') + '</td></tr>').join('');
}
function actions(c) {
  if (['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(c.status)) return '<span class="muted">ended</span>';
  const id = esc(c.callSid);
  let html = '<button data-act="hangup" data-sid="' + id + '" aria-label="Hang up ' + id + '">Hang up</button> ';
  if (c.status === 'ringing' && c.direction !== 'inbound' && !c.to.startsWith('client:')) {
    html += '<button data-act="answer" data-sid="' + id + '" aria-label="Answer ' + id + '">Answer</button> ';
  }
  html += '<input size="6" placeholder="digits" aria-label="Digits for ' + id + '" id="d-' + id + '"><button data-act="digits" data-sid="' + id + '">Send digits</button> ';
  html += '<input size="24" placeholder="say a line" aria-label="Line to say on ' + id + '" id="s-' + id + '"><button data-act="say" data-sid="' + id + '">Say</button>';
  return html;
}
let typing = false;
async function refreshCalls() {
  if (typing) return;
  const calls = await api('GET', '/sandbox/calls?limit=30');
  $('#calls').innerHTML = calls.map((c) => '<tr><td><a href="/sandbox/calls/' + esc(c.callSid) + '"><code>' + esc(c.callSid.slice(0, 12)) + '…</code></a>' +
    (c.parentCallSid ? '<br><span class="muted">child of ' + esc(c.parentCallSid.slice(0, 10)) + '…</span>' : '') + '</td><td>' + esc(c.from) + ' → ' + esc(c.to) +
    (c.conference ? '<br><span class="muted">conference ' + esc(c.conference.friendlyName) + ' (' + esc(c.conference.status) + ')</span>' : '') +
    '</td><td>' + esc(c.direction) + '</td><td class="status-' + esc(c.status) + '">' + esc(c.status) + (c.durationSeconds ? ' · ' + c.durationSeconds + ' s' : '') +
    '</td><td>' + actions(c) + '</td></tr>').join('');
}
document.addEventListener('focusin', (e) => { typing = e.target.tagName === 'INPUT' && e.target.closest('#calls') !== null; });
document.addEventListener('focusout', () => { typing = false; });
$('#calls').addEventListener('click', async (e) => {
  const button = e.target.closest('button');
  if (!button) return;
  const sid = button.dataset.sid;
  const act = button.dataset.act;
  try {
    if (act === 'digits') await api('POST', '/sandbox/calls/' + sid + '/digits', { digits: document.getElementById('d-' + sid).value });
    else if (act === 'say') await api('POST', '/sandbox/calls/' + sid + '/say', { text: document.getElementById('s-' + sid).value });
    else await api('POST', '/sandbox/calls/' + sid + '/' + act, {});
    say(act + ' sent');
    typing = false;
    await refreshCalls();
  } catch (err) { say(err.message); }
});
$('#call-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  try {
    const { callSid } = await api('POST', '/sandbox/calls', { from: form.get('from'), to: form.get('to') });
    say('Calling: ' + callSid);
    await refreshCalls();
  } catch (err) { say(err.message); }
});
$('#phone-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  try {
    await api('PUT', '/sandbox/phones/' + encodeURIComponent(form.get('e164')), { answer: form.get('answer'), afterMs: Number(form.get('afterMs')) });
    say('Saved ' + form.get('e164'));
  } catch (err) { say(err.message); }
});
$('#new-account').addEventListener('click', async () => {
  try {
    const account = await api('POST', '/sandbox/accounts', { friendlyName: 'Console account' });
    await api('POST', '/sandbox/accounts/' + account.accountSid + '/numbers', {});
    await refreshAccounts();
  } catch (err) { say(err.message); }
});
refreshAccounts().catch((err) => say(err.message));
refreshCalls().catch((err) => say(err.message));
setInterval(() => { refreshCalls().catch(() => {}); refreshAccounts().catch(() => {}); }, 1000);
</script>
</body>
</html>`;
}
