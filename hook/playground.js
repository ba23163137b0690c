"use strict";
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
let token = sessionStorage.getItem("msglint-token") || "";
let conversation = "", seq = 0, timer = 0;

async function call(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const resp = await fetch(path, { method: body === undefined ? "GET" : "POST", headers, body });
  if (resp.status === 401) { $("token-row").hidden = false; throw new Error("the hook needs an access token"); }
  const data = await resp.json();
  if (!resp.ok) throw new Error(data.error || resp.statusText);
  return data;
}

// A fresh conversation whose customer wrote when the form says.
async function conversationFor(last) {
  const id = "playground-" + Math.random().toString(36).slice(2, 10);
  if (last !== "") {
    const at = new Date(Date.now() - Number(last) * 1000).toISOString().replace(/\.\d+Z$/, "Z");
    await call("/v1/events", JSON.stringify({ time: at, conversation: id, channel: $("channel").value, direction: "in", actor: "customer", type: "message", text: "hello" }));
  }
  return id;
}

function schedule(fresh) { if (fresh) conversation = ""; clearTimeout(timer); timer = setTimeout(check, 150); }

async function check() {
  const text = $("text").value, mine = ++seq;
  if (!text.trim()) { render(text, null); return; }
  try {
    if (!conversation) conversation = await conversationFor($("last").value);
    const body = { conversation, channel: $("channel").value, message: { text, kind: $("kind").value } };
    if ($("lang").value) body.message.lang = $("lang").value;
    const answer = await call("/v1/check", JSON.stringify(body));
    if (mine === seq) render(text, answer);
  } catch (err) {
    if (mine === seq) { $("verdict").className = "deny"; $("verdict").textContent = err.message; }
  }
}

// render shows the text with each finding's span marked; offsets count
// characters (code points), as the hook reports them.
function render(text, answer) {
  const chars = Array.from(text), preview = $("preview"), list = $("findings");
  preview.replaceChildren(); list.replaceChildren();
  if (!answer) { $("verdict").className = ""; $("verdict").textContent = ""; $("count").textContent = ""; return; }
  $("verdict").className = answer.allow ? "allow" : "deny";
  $("verdict").textContent = answer.allow ? "May be sent now" : "Would be refused: fix the errors below";
  $("count").textContent = "(" + answer.findings.length + ")";
  const spans = answer.findings.filter(f => f.part === "text" && f.start != null && f.end > f.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const f of spans) {
    const start = Math.max(f.start, at);
    if (start >= f.end) continue;
    preview.append(chars.slice(at, start).join(""));
    const m = el("mark", f.severity, chars.slice(start, f.end).join(""));
    m.title = f.rule + ": " + f.message;
    preview.append(m);
    at = f.end;
  }
  preview.append(chars.slice(at).join(""));
  for (const f of answer.findings) {
    const li = el("li", "finding " + f.severity);
    const head = el("div"); head.append(el("span", "rule", f.rule), el("span", "sev", f.severity));
    li.append(head, el("div", "msg", f.message));
    if (f.suggestion) li.append(el("div", "fix", "Suggestion: " + f.suggestion));
    list.append(li);
  }
}

async function loadRules() {
  try {
    const rules = await call("/v1/rules");
    $("rules").replaceChildren(...rules.map(r => {
      const li = el("li"), d = el("details"), sum = el("summary");
      sum.append(el("b", null, r.name), " — " + r.title + (r.on ? "" : " (off)"));
      d.append(sum, el("p", null, r.text));
      li.append(d);
      return li;
    }));
  } catch (err) { $("rules").replaceChildren(el("li", "muted", err.message)); }
}

$("text").addEventListener("input", () => schedule(false));
for (const id of ["channel", "last"]) $(id).addEventListener("change", () => schedule(true));
for (const id of ["kind", "lang"]) $(id).addEventListener("change", () => schedule(false));
$("token").addEventListener("change", () => { token = $("token").value; sessionStorage.setItem("msglint-token", token); loadRules(); schedule(true); });
loadRules();
