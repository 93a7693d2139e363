// eventwire web UI: a thin client of the JSON API (/api/...). Data is inserted as text, never HTML.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child ?? "");
  return node;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function showTab(name) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".tab").forEach((s) => { s.hidden = s.id !== `tab-${name}`; });
  document.getElementById("article").hidden = true;
}

function who(text, actor) {
  if (!text && !actor) return "?";
  return actor && actor !== text ? `${text ?? ""} [${actor}]` : text;
}

async function loadCounts() {
  const tables = await getJSON("/api/tables");
  const n = Object.fromEntries(tables.map((t) => [t.name, t.rows]));
  document.getElementById("counts").textContent =
    `${n.articles} articles · ${n.events} events from ${n.event_mentions} reports · ${n.quotes} quotes`;
}

async function loadEvents(form) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (value) params.set(key, value);
  const tbody = document.querySelector("#events tbody");
  tbody.replaceChildren();
  const events = await getJSON(`/api/events?${params}`);
  for (const e of events) {
    const row = el("tr", { "data-id": e.id },
      el("td", { class: `type ${e.type}` }, e.type),
      el("td", {}, who(e.source_text, e.source_actor)),
      el("td", {}, who(e.target_text, e.target_actor)),
      el("td", {}, e.modality + (e.alleged ? " (alleged)" : "")),
      el("td", {}, e.date ?? ""),
      el("td", {}, e.place_name ?? ""),
      el("td", {}, `${e.num_articles} / ${e.num_sources}`),
      el("td", {}, e.evidence ?? ""));
    row.addEventListener("click", () => showEvent(e.id));
    tbody.append(row);
  }
  if (!events.length) tbody.append(el("tr", {}, el("td", { colspan: "8", class: "muted" }, "No events match.")));
}

async function showEvent(id) {
  const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const box = document.getElementById("event-detail");
  const list = el("ul");
  for (const m of event.mentions) {
    const link = el("a", { href: "#" }, `${m.outlet ?? "unknown outlet"}, ${m.published ?? "undated"}: ${m.title ?? m.article_id}`);
    link.addEventListener("click", (ev) => { ev.preventDefault(); showArticle(m.article_id); });
    list.append(el("li", {}, link, el("div", { class: "muted" }, `\u201c${m.evidence}\u201d`)));
  }
  box.replaceChildren(el("h3", {}, `${event.type}: ${who(event.source_text, event.source_actor)} \u2192 ${who(event.target_text, event.target_actor)}`),
    el("p", { class: "muted" }, `confidence ${Number(event.confidence).toFixed(2)}, first seen ${event.first_seen}`), list);
  box.hidden = false;
}

function highlighted(text, spans) {
  // spans: [{start, end, cls}] into text; later spans never split earlier ones
  const sorted = spans.filter((s) => s.start != null && s.end > s.start).sort((a, b) => a.start - b.start);
  const out = el("div", { class: "article-text" });
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out.append(text.slice(pos, s.start), el("mark", { class: s.cls, title: s.title ?? "" }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  out.append(text.slice(pos));
  return out;
}

async function showArticle(id) {
  const article = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  const spans = [];
  for (const q of article.quotes) spans.push({ start: q.start_char, end: q.end_char, cls: "quote", title: `said by ${q.speaker_text ?? "?"}` });
  for (const e of article.events) spans.push({ start: e.evidence_start, end: e.evidence_end, cls: "evidence", title: e.type });
  const box = document.getElementById("article");
  box.replaceChildren(el("h2", {}, article.title ?? article.id),
    el("p", { class: "muted" }, `${article.outlet ?? ""} ${article.published ?? ""} \u00b7 story ${article.story_id ?? ""}`),
    highlighted(article.text, spans));
  box.hidden = false;
  box.scrollIntoView();
}

async function loadStories() {
  const data = await getJSON("/api/tables/stories?_sort=-num_articles&_limit=200");
  const tbody = document.querySelector("#stories tbody");
  tbody.replaceChildren(...data.rows.map((s) => el("tr", {}, el("td", {}, s.title ?? s.id), el("td", {}, s.num_articles),
    el("td", {}, s.num_sources), el("td", {}, s.first_seen ?? ""), el("td", {}, s.last_seen ?? ""))));
}

async function analyse(form) {
  const data = Object.fromEntries(new FormData(form));
  if (!data.published) delete data.published;
  const out = document.getElementById("analysis");
  out.replaceChildren(el("p", { class: "muted" }, "Analysing\u2026"));
  try {
    const result = await getJSON("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
    const text = result.article.text;
    const spans = [];
    for (const e of result.events) {
      if (e.source) spans.push({ start: e.source.start, end: e.source.end, cls: "source", title: `source of ${e.type}` });
      if (e.target) spans.push({ start: e.target.start, end: e.target.end, cls: "target", title: `target of ${e.type}` });
      spans.push({ start: e.trigger.start, end: e.trigger.end, cls: "evidence", title: e.type });
    }
    for (const q of result.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", title: `said by ${q.speaker?.text ?? "?"}` });
    const list = el("ul", { id: "analysis-events" }, ...result.events.map((e) => el("li", {},
      el("span", { class: `type ${e.type}` }, e.type), ` ${who(e.source?.text, e.source?.actor)} \u2192 ${who(e.target?.text, e.target?.actor)} (${e.modality}${e.alleged ? ", alleged" : ""}) \u201c${e.evidence.text}\u201d`)));
    out.replaceChildren(el("h3", {}, `${result.events.length} events, ${result.quotes.length} quotes`), list, highlighted(text, spans));
  } catch (err) {
    out.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const select = document.querySelector("select[name=type]");
  for (const t of PLOVER) select.append(el("option", { value: t }, t));
  document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => {
    showTab(b.dataset.tab);
    if (b.dataset.tab === "stories") loadStories();
  }));
  const filters = document.getElementById("event-filters");
  filters.addEventListener("submit", (ev) => { ev.preventDefault(); loadEvents(filters); });
  const analyseForm = document.getElementById("analyse-form");
  analyseForm.addEventListener("submit", (ev) => { ev.preventDefault(); analyse(analyseForm); });
  loadCounts();
  loadEvents(filters);
});
