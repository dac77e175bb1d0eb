/**
 * The Logs page: like Braze's, the last requests with their payload,
 * headers, output or error and the validator's messages, plus saving one as
 * a fixture and the inspector's side-by-side view. Static HTML and a small
 * script that reads /api/requests; every value is put in the page as text
 * (textContent), never as HTML, and the page loads nothing from elsewhere.
 */
export function logsPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bdt serve: Logs</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <h1>bdt serve: Logs</h1>
  <p id="status">Loading…</p>
  <p id="dist-problem" class="warning" hidden></p>
  <p><button id="refresh" type="button">Refresh</button> <label><input id="auto" type="checkbox" checked> refresh every 2 s</label></p>
</header>
<main>
  <table id="requests">
    <thead><tr><th>#</th><th>time</th><th>request</th><th>snippet / template</th><th>verdict</th><th>status</th><th>ms</th><th>message</th></tr></thead>
    <tbody></tbody>
  </table>
  <section id="detail" hidden></section>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1.5rem 2rem; color: #1d1d1f; }
h1 { font-size: 1.3rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
tbody tr { cursor: pointer; }
tbody tr:hover, tbody tr.open { background: #eef3ff; }
td.message { max-width: 40rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.verdict-ok { color: #116b2f; } .verdict-invalid, .verdict-error { color: #b00020; } .verdict-rejected { color: #8a5a00; }
.warning { color: #8a5a00; }
pre { background: #f6f6f8; padding: 0.5rem; overflow: auto; max-height: 24rem; white-space: pre-wrap; word-break: break-word; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
#detail { border-top: 2px solid #ccd; margin-top: 1rem; }
`;

const SCRIPT = `
"use strict";
var auto = document.getElementById("auto");
var openId = Number(location.hash.slice(1)) || undefined;

function el(tag, attributes) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function pretty(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 2);
}

function block(field, title, value) {
  return el("div", { "data-field": field }, el("h3", {}, title), el("pre", {}, pretty(value)));
}

function problemList(field, problems, valid) {
  if (!problems || problems.length === 0) return el("p", { "data-field": field, "class": "verdict-ok" }, valid);
  var list = el("ul", { "data-field": field });
  problems.forEach(function (problem) { list.append(el("li", { "class": "verdict-invalid" }, problem)); });
  return list;
}

function getJson(url) {
  return fetch(url, { cache: "no-store" }).then(function (response) {
    return response.json().then(function (body) {
      if (!response.ok) throw new Error(body && body.error ? body.error.message : response.status + " " + response.statusText);
      return body;
    });
  });
}

function refresh() {
  return getJson("/api/requests").then(function (listing) {
    document.getElementById("status").textContent =
      listing.requests.length + " of the last " + listing.logSize + " requests; " + listing.snippets.length + " snippets, " +
      listing.templates.length + " templates: POST /<snippet id>, POST /<source>, POST /inspect/<template>";
    var problem = document.getElementById("dist-problem");
    problem.hidden = !listing.distProblem;
    problem.textContent = listing.distProblem || "";
    var rows = document.querySelector("#requests tbody");
    rows.replaceChildren.apply(rows, listing.requests.map(row));
  }).catch(function (error) {
    document.getElementById("status").textContent = "Could not read the log: " + error.message;
  });
}

function row(request) {
  var tr = el("tr", { "data-id": request.id, "class": request.id === openId ? "open" : "" },
    el("td", {}, request.id),
    el("td", { "data-field": "time" }, request.time),
    el("td", { "data-field": "path" }, request.method + " " + request.path),
    el("td", { "data-field": "snippet" }, request.snippet || request.template || ""),
    el("td", { "data-field": "verdict", "class": "verdict-" + request.verdict }, request.verdict),
    el("td", {}, request.status),
    el("td", {}, request.durationMs.toFixed(1)),
    el("td", { "class": "message", title: request.message || "" }, request.message || ""));
  tr.addEventListener("click", function () { open(request.id); });
  return tr;
}

function open(id) {
  openId = id;
  history.replaceState(null, "", "#" + id);
  document.querySelectorAll("#requests tbody tr").forEach(function (tr) { tr.classList.toggle("open", Number(tr.dataset.id) === id); });
  return getJson("/api/requests/" + id).then(show).catch(function (error) {
    var detail = document.getElementById("detail");
    detail.hidden = false;
    detail.replaceChildren(el("p", { "class": "verdict-error" }, "Request " + id + ": " + error.message));
  });
}

function show(request) {
  var detail = document.getElementById("detail");
  detail.hidden = false;
  var parts = [el("h2", {}, "Request " + request.id + ": " + request.method + " " + request.path + " (" + request.verdict + ", " + request.status + ")")];
  if (request.inspection) {
    parts.push(inspection(request.inspection));
  } else {
    if (request.payload !== undefined) parts.push(block("payload", "Payload", request.payload));
    if (request.body !== undefined) parts.push(block("body", "Body as received", request.body));
    parts.push(block("headers", "Headers", request.headers));
    if (request.output !== undefined) parts.push(block("output", "Output", request.output));
    if (request.error) parts.push(errorPart(request.error));
    if (request.problems) parts.push(el("h3", {}, "Validator"), problemList("problems", request.problems, "valid request"));
    else if (request.verdict === "ok") parts.push(el("h3", {}, "Validator"), problemList("problems", [], "valid request"));
    if (request.logs && request.logs.length) parts.push(block("logs", "Console", request.logs.join("\\n")));
    if (request.snippet && request.payload !== undefined) parts.push(captureForm(request));
  }
  detail.replaceChildren.apply(detail, parts);
}

function errorPart(error) {
  return el("div", { "data-field": "error" }, el("h3", {}, "Error"),
    el("p", {}, el("strong", { "data-field": "error-kind" }, error.kind), error.name ? " " + error.name : "", error.line ? " at line " + error.line : "", ": ", error.message));
}

function captureForm(request) {
  var name = el("input", { id: "capture-name", placeholder: "fixture name, e.g. missing-email", size: "32" });
  var button = el("button", { id: "capture", type: "button" }, "Save as fixture");
  var result = el("p", { id: "capture-result" });
  button.addEventListener("click", function () {
    result.textContent = "Saving…";
    fetch("/api/requests/" + request.id + "/capture", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(name.value ? { name: name.value } : {}) })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (answer) {
        result.className = answer.ok ? "verdict-ok" : "verdict-error";
        result.textContent = answer.ok ? "Saved " + answer.body.path + " (personal data scrubbed: review it before committing)" + (answer.body.warning ? "; " + answer.body.warning : "") : answer.body.error.message;
      })
      .catch(function (error) { result.className = "verdict-error"; result.textContent = error.message; });
  });
  return el("div", { "data-field": "capture" }, el("h3", {}, "Keep as a fixture"), el("p", {}, name, " ", button), result);
}

function sentRequest(field, title, sent, problems, valid) {
  return el("div", { "data-field": field }, el("h3", {}, title),
    el("pre", { "data-part": "request" }, sent.method + " " + sent.url + "\\n" + Object.keys(sent.headers).map(function (name) { return name + ": " + sent.headers[name]; }).join("\\n")),
    el("pre", { "data-part": "body" }, prettyBody(sent.body)),
    problemList(field + "-problems", problems, valid));
}

function prettyBody(body) {
  try { return JSON.stringify(JSON.parse(body), null, 2); } catch (error) { return body; }
}

function inspection(found) {
  var local = found.local.sent
    ? sentRequest("local", "Rendered here (" + found.profile + ")", found.local.request, found.local.problems, "a valid " + found.partnerRequest + " request")
    : el("div", { "data-field": "local" }, el("h3", {}, "Rendered here (" + found.profile + ")"), el("p", { "class": "verdict-error" }, found.local.reason));
  return el("div", {}, el("p", {}, "Template " + found.template + ", checked against " + found.partnerRequest + ". " + found.note),
    el("div", { "class": "columns" },
      sentRequest("received", "Sent by Braze", found.received, found.received.problems, "a valid " + found.partnerRequest + " request"),
      local));
}

document.getElementById("refresh").addEventListener("click", refresh);
window.addEventListener("hashchange", function () {
  var id = Number(location.hash.slice(1));
  if (id && id !== openId) refresh().then(function () { open(id); });
});
setInterval(function () { if (auto.checked) refresh(); }, 2000);
refresh().then(function () { if (openId) open(openId); });
`;
