// Shared helpers: DOM building (text only, never HTML), the API client, the URL state, colours.
"use strict";

export const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const MODALITIES = ["actual", "threatened", "negated", "hypothetical", "alleged"];
export const QUOTE_KINDS = ["speech", "accusation", "threat", "demand", "stance", "topic", "report"];

// Cooperation in greens and blues, verbal conflict in ambers, material conflict in reds.
export const TYPE_COLORS = {
  AGREE: "#2e7d32", CONSULT: "#43a047", SUPPORT: "#00897b", CONCEDE: "#4db6ac", COOPERATE: "#00695c",
  AID: "#1e88e5", RETREAT: "#78909c", REQUEST: "#5c6bc0", ACCUSE: "#f9a825", REJECT: "#ff9800",
  THREATEN: "#e65100", PROTEST: "#8e24aa", SANCTION: "#795548", MOBILIZE: "#5d4037", COERCE: "#e53935",
  ASSAULT: "#b71c1c",
};
export const typeColor = (type) => TYPE_COLORS[type] ?? "#757575";

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child);
  return node;
}

export class ApiError extends Error {}

function explain(body, response) {
  const detail = body?.detail;
  if (Array.isArray(detail)) {  // FastAPI validation errors: [{loc, msg}, ...]
    return detail.map((d) => `${(d.loc ?? []).filter((p) => p !== "body" && p !== "query").join(".")}: ${d.msg}`).join("; ");
  }
  if (typeof detail === "string") return detail;
  return `${response.status} ${response.statusText || "error"}`;
}

export async function getJSON(url, options) {
  let response;
  try {
    response = await fetch(url, options);
  } catch (err) {
    throw new ApiError(`The server did not answer (${err.message}). Is eventwire serve still running?`);
  }
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  if (!response.ok) throw new ApiError(explain(body, response));
  return body;
}

// ---- URL state: filters are plain names, controls start with "_" (as in the API).
export const SIDE_KEYS = ["_event", "_article", "_mention", "_quote", "_story", "_all"];
export const params = () => new URLSearchParams(location.search);
let onNavigate = () => {};
export function setNavigator(fn) { onNavigate = fn; }

export function navigate(next, { replace = false } = {}) {
  const query = next.toString();
  const url = query ? `?${query}` : location.pathname;
  history[replace ? "replaceState" : "pushState"](null, "", url);
  onNavigate();
}

// Change some arguments of the current URL (null removes one; an array sets several values).
export function update(changes, options) {
  const next = params();
  for (const [key, value] of Object.entries(changes)) {
    next.delete(key);
    if (Array.isArray(value)) value.forEach((v) => next.append(key, v));
    else if (value !== null && value !== undefined && value !== "") next.set(key, value);
  }
  navigate(next, options);
}

// The API query for the current URL: drop UI-only controls (side panel, view) and any others named.
export function apiQuery(source, drop = []) {
  const out = new URLSearchParams();
  for (const [key, value] of source) {
    if (key === "_view" || SIDE_KEYS.includes(key) || drop.includes(key)) continue;
    out.append(key, value);
  }
  return out;
}

export const keyOf = (source, drop = []) => apiQuery(source, drop).toString();

// ---- formatting
export const who = (text, actor) => {
  if (!text && !actor) return "?";
  return actor && actor !== text ? `${text ?? actor} [${actor}]` : text ?? actor;
};
export const fmtNumber = (n) => Number(n ?? 0).toLocaleString("en");
export const fmtConfidence = (c) => (c === null || c === undefined ? "" : Number(c).toFixed(2));
export const clip = (text, n) => (!text ? "" : text.length > n ? `${text.slice(0, n - 1)}\u2026` : text);

export function typeBadge(type) {
  return el("span", { class: "type-badge", style: `--type: ${typeColor(type)}` }, type ?? "?");
}

// ---- states of a region: loading, empty, error (with a retry button)
export function showStatus(box, kind, message, retry) {
  box.hidden = !kind;
  box.className = `status ${kind ?? ""}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  box.replaceChildren(message ?? "");
  if (retry) box.append(" ", el("button", { type: "button", class: "link", onclick: retry }, "Retry"));
}

// Run work() with a loading message in box; on failure show why, with a Retry that redraws the view.
export async function withStatus(box, work, { loading = "Loading\u2026", region, what } = {}) {
  showStatus(box, "loading", loading);
  region?.setAttribute("aria-busy", "true");
  try {
    const result = await work();
    showStatus(box, null);
    return result;
  } catch (err) {
    const message = String(err.message ?? err);
    showStatus(box, "error", what ? `Could not load ${what}: ${message}` : message, () => onNavigate());
    return undefined;
  } finally {
    region?.removeAttribute("aria-busy");
  }
}

// A row that opens something on click, Enter or Space, reachable with Tab.
export function actionRow(attrs, cells, action) {
  const row = el("tr", { tabindex: "0", ...attrs }, ...cells);
  row.addEventListener("click", (ev) => { if (!ev.target.closest("a, button")) action(); });
  row.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); action(); }
  });
  return row;
}

// A cell with a label for the stacked (card) layout of narrow screens.
export const td = (label, ...children) => el("td", { "data-label": label }, ...children);

export function pager(box, data, onPage) {
  box.replaceChildren();
  if (!data || data.total <= data.limit) return;
  const first = data.offset + 1;
  const last = Math.min(data.offset + data.rows.length, data.total);
  const pageNo = Math.floor(data.offset / data.limit) + 1;
  const pages = Math.ceil(data.total / data.limit);
  box.append(
    el("button", { type: "button", disabled: data.offset === 0, onclick: () => onPage(Math.max(0, data.offset - data.limit)) }, "\u2190 Previous"),
    el("span", {}, `${fmtNumber(first)}\u2013${fmtNumber(last)} of ${fmtNumber(data.total)} (page ${pageNo} of ${pages})`),
    el("button", { type: "button", disabled: !data.next_url, onclick: () => onPage(data.offset + data.limit) }, "Next \u2192"));
}

// Fill a form's fields from the URL, and read them back.
export function fillForm(form, source) {
  for (const field of form.elements) {
    if (!field.name) continue;
    const values = source.getAll(field.name);
    field.value = field.tagName === "SELECT" ? (values.length === 1 ? values[0] : "") : values.join(", ");
    if (field.tagName === "SELECT" && values.length === 1 && field.value !== values[0]) {
      field.append(el("option", { value: values[0] }, values[0]));
      field.value = values[0];
    }
  }
}

export function formChanges(form) {
  const changes = { _offset: null };
  for (const field of form.elements) if (field.name) changes[field.name] = field.value.trim() || null;
  return changes;
}

export function activeChips(box, source, names, labels = {}) {
  box.replaceChildren();
  for (const [key, value] of source) {
    if (!names.includes(key)) continue;
    const remove = () => {
      const next = params();
      const rest = next.getAll(key).filter((v) => v !== value);
      next.delete(key);
      rest.forEach((v) => next.append(key, v));
      next.delete("_offset");
      navigate(next);
    };
    box.append(el("span", { class: "chip" }, `${labels[key] ?? key}: ${value}`,
      el("button", { type: "button", "aria-label": `Remove filter ${key} ${value}`, onclick: remove }, "\u00d7")));
  }
}

export function facetsBlock(box, facets, onToggle) {
  box.replaceChildren();
  for (const [name, facet] of Object.entries(facets ?? {})) {
    if (!facet.values.length) continue;
    const list = el("ul", {}, facet.values.map((v) => el("li", {},
      el("button", { type: "button", class: v.selected ? "facet selected" : "facet", "aria-pressed": v.selected ? "true" : "false",
        onclick: () => onToggle(v.toggle_url) }, el("span", {}, v.label ?? String(v.value)), el("span", { class: "n" }, fmtNumber(v.count))))));
    box.append(el("div", { class: "facet-group", "data-facet": name }, el("h3", {}, name.replace("_", " ")), list,
      facet.truncated ? el("p", { class: "muted" }, "\u2026 more") : null));
  }
}

// A facet's toggle_url is an API URL; keep its query, on the page's own path.
export function followToggle(toggleUrl) {
  const next = new URL(toggleUrl, location.href).searchParams;
  const current = params();
  for (const key of ["_view", ...SIDE_KEYS]) if (current.has(key)) next.set(key, current.get(key));
  navigate(next);
}
