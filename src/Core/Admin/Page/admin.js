// The schema review page. Every value shown comes from the admin API and is untrusted (a proposal is written by an agent),
// so it only ever enters the page as text nodes (textContent); classes come from fixed lists, never from data.
"use strict";

const KeyName = "monolith.adminKey";
const Statuses = ["pending_review", "approved", "applied", "rejected", "failed"];
const Severities = ["error", "warning", "info"];

const $ = (id) => document.getElementById(id);

function el(tag, options, ...children) {
  const node = document.createElement(tag);
  const { className, text, ...attributes } = options || {};
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function badge(value, known) {
  const word = String(value ?? "unknown");
  return el("span", { className: "badge" + (known.includes(word) ? " " + word : ""), text: word.replace("_", " ") });
}

function when(value) {
  const date = value ? new Date(value) : null;
  return date && !isNaN(date) ? date.toLocaleString() : "";
}

class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function api(path, options) {
  const key = sessionStorage.getItem(KeyName);
  // X-Review-Channel: approvals and rejections made here are audited as made on the admin page.
  const headers = { "X-Api-Key": key || "", Accept: "application/json", "X-Review-Channel": "admin_page" };
  if (options && options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method: (options && options.method) || "GET",
    headers,
    body: options && options.body !== undefined ? JSON.stringify(options.body) : undefined,
    credentials: "omit",
    cache: "no-store",
  });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    const detail = body && (body.detail || body.title) ? body.detail || body.title : response.statusText;
    throw new ApiError(response.status, detail);
  }
  return body;
}

function problemNote(error) {
  const status = error instanceof ApiError ? error.status + " · " : "";
  return el("p", { className: "error", text: "Could not load: " + status + error.message });
}

function itemsOf(page) {
  if (Array.isArray(page)) return page;
  return page && Array.isArray(page.items) ? page.items : [];
}

// Login: the key is checked against an admin route before it is kept.
async function login(event) {
  event.preventDefault();
  const key = $("key").value.trim();
  $("login-error").textContent = "";
  sessionStorage.setItem(KeyName, key);
  try {
    await api("/api/admin/audit?limit=1");
  } catch (error) {
    sessionStorage.removeItem(KeyName);
    $("login-error").textContent = error instanceof ApiError && (error.status === 401 || error.status === 403)
      ? "That is not the admin key."
      : "The service did not answer: " + error.message;
    return;
  }
  $("key").value = "";
  showApp();
}

function logout() {
  sessionStorage.removeItem(KeyName);
  showLogin();
}

function showLogin() {
  $("app").hidden = true;
  $("logout").hidden = true;
  $("login").hidden = false;
  $("key").focus();
}

function showApp() {
  $("login").hidden = true;
  $("app").hidden = false;
  $("logout").hidden = false;
  refresh();
}

function refresh() {
  return Promise.all([loadCounts(), loadPending(), loadHistory(), loadRejected(), loadFailed(), loadSchema(), loadAudit()]);
}

// Counts come from their own query: a list page shows at most one page of rows, never how many there are.
async function loadCounts() {
  let counts = {};
  try {
    counts = (await api("/api/admin/mechanic/changes/counts")) || {};
  } catch {
    counts = {};
  }
  for (const [status, id] of [["pending_review", "pending-count"], ["applied", "history-count"], ["rejected", "rejected-count"], ["failed", "failed-count"]]) {
    const count = Number(counts[status]);
    $(id).textContent = Number.isFinite(count) && count > 0 ? "(" + count + ")" : "";
  }
}

async function loadInto(id, load) {
  const target = $(id);
  target.setAttribute("aria-busy", "true");
  try {
    target.replaceChildren(...(await load()));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      logout();
      return;
    }
    target.replaceChildren(problemNote(error));
  } finally {
    target.removeAttribute("aria-busy");
  }
}

// One status's proposals, newest first, a page at a time: "Load more" follows the API's cursor until it ends.
function loadChanges(id, status, kind, emptyText) {
  const url = (cursor) => "/api/admin/mechanic/changes?status=" + status + "&limit=50" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
  const more = (cursor) => {
    const button = el("button", { type: "button", className: "quiet load-more", text: "Load more" });
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const page = await api(url(cursor));
        button.replaceWith(...itemsOf(page).map((c) => changeCard(c, kind)), ...(page && page.nextCursor ? [more(page.nextCursor)] : []));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          logout();
          return;
        }
        button.disabled = false;
        button.after(problemNote(error));
      }
    });
    return button;
  };
  return loadInto(id, async () => {
    const page = await api(url(null));
    const changes = itemsOf(page);
    if (!changes.length) return [el("p", { className: "empty", text: emptyText })];
    return [...changes.map((c) => changeCard(c, kind)), ...(page && page.nextCursor ? [more(page.nextCursor)] : [])];
  });
}

function loadPending() {
  return loadChanges("pending", "pending_review", "review", "Nothing waits for review.");
}

function loadHistory() {
  return loadChanges("history", "applied", "applied", "No change has been applied yet.");
}

function loadRejected() {
  return loadChanges("rejected", "rejected", "rejected", "No change has been rejected.");
}

function loadFailed() {
  return loadChanges("failed", "failed", "failed", "No change has failed.");
}

function loadSchema() {
  return loadInto("schema", async () => {
    const schema = await api("/api/admin/schema");
    const version = schema && (schema.version ?? schema.number);
    $("schema-version").textContent = version !== undefined && version !== null ? "version " + version : "";
    const entities = (schema && schema.entities) || [];
    return entities.length ? entities.map(entityCard) : [el("p", { className: "empty", text: "No dynamic entity exists yet." })];
  });
}

function loadAudit() {
  return loadInto("audit", async () => {
    const entries = itemsOf(await api("/api/admin/audit?limit=20"));
    if (!entries.length) return [el("p", { className: "empty", text: "The audit log is empty." })];
    const rows = entries.map((e) => el("tr", { id: "audit-" + Number(e.id) },
      el("td", { text: "#" + e.id }),
      el("td", { text: when(e.createdAt) }),
      el("td", null, el("code", { text: e.action })),
      el("td", { text: e.actor }),
      el("td", null, badge(e.status, Statuses.concat(["success", "failure"]))),
      el("td", null, e.gitCommit ? el("code", { text: String(e.gitCommit).slice(0, 12) }) : "")));
    return [el("div", { className: "card" }, el("table", null,
      el("thead", null, el("tr", null, ...["id", "when", "action", "actor", "status", "commit"].map((h) => el("th", { text: h })))),
      el("tbody", null, ...rows)))];
  });
}

function codeBlock(text, diff) {
  const pre = el("pre");
  for (const line of String(text ?? "").split("\n")) {
    let className = "line";
    if (diff && line.startsWith("@@")) className += " hunk";
    else if (diff && line.startsWith("+") && !line.startsWith("+++")) className += " add";
    else if (diff && line.startsWith("-") && !line.startsWith("---")) className += " del";
    pre.append(el("span", { className, text: line.length ? line : " " }));
  }
  return pre;
}

function dryRunView(dryRun) {
  if (!dryRun) return el("p", { className: "empty", text: "No dry run yet." });
  if (dryRun.ok === null || dryRun.ok === undefined) return el("p", { className: "empty", text: "Not tried: the draft broke a safety rule." });
  return el("div", null,
    badge(dryRun.ok ? "ok" : "failed", ["ok", "failed"]),
    dryRun.ok ? el("span", { className: "muted", text: " applied cleanly inside a rolled-back transaction" }) : null,
    dryRun.error ? codeBlock(dryRun.error, false) : null);
}

function findingsView(findings) {
  if (!findings || !findings.length) return el("p", { className: "empty", text: "No safety findings." });
  return el("ul", { className: "findings" }, ...findings.map((f) => el("li", null,
    badge(f.severity, Severities),
    el("code", { text: f.rule }),
    el("span", { text: f.message }),
    f.line ? el("span", { className: "muted", text: "line " + f.line }) : null)));
}

// kind: "review" (pending, with approve/reject), "applied", "rejected" or "failed".
function changeCard(change, kind) {
  const card = el("article", { className: "card change", "data-id": String(change.id) });
  card.append(el("div", { className: "card-head" },
    el("h3", { text: (change.entityName || "change") + (change.table ? " · " + change.table : "") }),
    badge(change.status, Statuses),
    el("span", { className: "meta", text: [change.actor, when(change.createdAt)].filter(Boolean).join(" · ") })));
  if (change.instruction) card.append(el("p", { className: "instruction", text: change.instruction }));
  // In the applied history the diff, SQL and dry run are folded away: the history stays a short list.
  const detail = kind === "applied" ? el("details", { className: "review-detail" }, el("summary", { text: "Findings, diff, SQL and dry run" })) : card;
  if (detail !== card) card.append(detail);
  detail.append(el("div", { className: "label", text: "Safety findings" }), findingsView(change.findings));
  detail.append(el("div", { className: "label", text: "Entity diff" }), codeBlock(change.entityDiff || change.entitySource || "", true));
  const migration = change.migration || {};
  detail.append(el("div", { className: "label", text: "Migration SQL" + (migration.id ? " · " + migration.id : "") }),
    codeBlock(migration.sql || "", false));
  detail.append(el("div", { className: "label", text: "Dry run" }), dryRunView(change.dryRun));
  if (kind === "rejected") {
    card.append(el("div", { className: "label", text: "Rejected because" }), el("p", { className: "reason-text",
      text: change.rejectReason || "it broke a safety rule (see the findings above)" }));
  }
  if (change.error) card.append(el("div", { className: "label", text: kind === "failed" ? "Failed because" : "Error" }), codeBlock(change.error, false));
  if (kind === "rejected" || kind === "failed") return card;
  if (kind === "applied") {
    card.append(el("div", { className: "label", text: "Applied as" }), el("p", null,
      "commit ", el("code", { text: change.gitCommit || "none" }),
      " · audit ", change.auditId ? el("a", { href: "#audit-" + Number(change.auditId), text: "#" + change.auditId }) : "none",
      change.backupPath ? " · backup " : "", change.backupPath ? el("code", { text: change.backupPath }) : null));
    return card;
  }
  card.append(reviewActions(change));
  return card;
}

function reviewActions(change) {
  const message = el("p", { className: "error", role: "alert" });
  const approve = el("button", { type: "button", className: "primary approve", text: "Approve and apply" });
  const reject = el("button", { type: "button", className: "danger reject", text: "Reject…" });
  const reason = el("textarea", { rows: "2", className: "reason", placeholder: "Why is this change rejected?" });
  const confirmReject = el("button", { type: "submit", className: "danger", text: "Reject with this reason" });
  const rejectForm = el("form", { className: "reject-form" }, el("label", { text: "Reason" }), reason, confirmReject);
  rejectForm.hidden = true;
  const id = encodeURIComponent(change.id);

  const act = async (path, body, buttons) => {
    buttons.forEach((b) => { b.disabled = true; });
    message.textContent = "";
    try {
      await api(path, { method: "POST", body });
      await refresh();
    } catch (error) {
      message.textContent = error.message;
      buttons.forEach((b) => { b.disabled = false; });
    }
  };

  // Applying changes the live database and commits to git, so it takes a second, deliberate click.
  const confirmApprove = el("button", { type: "button", className: "primary confirm-approve", text: "Apply to the database and commit" });
  const cancelApprove = el("button", { type: "button", className: "quiet", text: "Cancel" });
  const approveForm = el("div", { className: "approve-confirm" },
    el("span", { text: "Apply this migration to the live database and commit it?" }), confirmApprove, cancelApprove);
  approveForm.hidden = true;
  approve.addEventListener("click", () => { approveForm.hidden = false; rejectForm.hidden = true; confirmApprove.focus(); });
  cancelApprove.addEventListener("click", () => { approveForm.hidden = true; });
  confirmApprove.addEventListener("click", () =>
    act("/api/admin/mechanic/changes/" + id + "/approve", {}, [approve, reject, confirmApprove, cancelApprove]));
  reject.addEventListener("click", () => { rejectForm.hidden = false; reason.focus(); });
  rejectForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!reason.value.trim()) {
      message.textContent = "Give a reason for the rejection.";
      return;
    }
    act("/api/admin/mechanic/changes/" + id + "/reject", { reason: reason.value.trim() }, [approve, reject, confirmReject]);
  });
  return el("div", null, el("div", { className: "actions" }, approve, reject), approveForm, rejectForm, message);
}

function entityCard(entity) {
  const fields = entity.fields || [];
  const rows = fields.map((f) => el("tr", null,
    el("td", null, el("code", { text: f.name })),
    el("td", null, el("code", { text: f.column || "" })),
    el("td", { text: f.type + (f.maxLength ? "(" + f.maxLength + ")" : "") }),
    el("td", { className: "flags", text: [
      f.required ? "required" : "",
      f.searchable ? "searchable" : "",
      f.references ? "→ " + f.references : "",
      f.default !== undefined && f.default !== null ? "default " + f.default : "",
      f.deprecated ? "deprecated" : "",
    ].filter(Boolean).join(" · ") })));
  return el("article", { className: "card entity" },
    el("div", { className: "card-head" },
      el("h3", { text: entity.name }),
      el("code", { text: entity.table }),
      entity.retired ? badge("retired", []) : null),
    el("table", null,
      el("thead", null, el("tr", null, ...["field", "column", "type", ""].map((h) => el("th", { text: h })))),
      el("tbody", null, ...rows)));
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  if (sessionStorage.getItem(KeyName)) showApp();
  else showLogin();
});
