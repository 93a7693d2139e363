// The events view: filters (in the URL), facets, timeline, map, a page of the table, downloads.
"use strict";

import { EventMap } from "./map.js";
import { actorLink } from "./side.js";
import { Timeline } from "./timeline.js";
import {
  MODALITIES, PLOVER, actionRow, activeChips, apiQuery, clip, el, facetsBlock, fillForm, fmtConfidence,
  fmtNumber, followToggle, formChanges, getJSON, keyOf, pager, params, showStatus, td, typeBadge, update, withStatus,
} from "./util.js";

const FILTERS = ["q", "actor", "source", "target", "type", "modality", "country", "place", "outlet", "since", "until",
  "min_confidence", "story", "article"];
const LABELS = { q: "search", min_confidence: "confidence \u2265" };
const $ = (id) => document.getElementById(id);

let timeline = null;
let map = null;
let shown = { table: null, charts: null };

export function initEvents() {
  const form = $("event-filters");
  for (const t of PLOVER) form.elements.type.append(el("option", { value: t }, t));
  for (const m of MODALITIES) form.elements.modality.append(el("option", { value: m }, m));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); update(formChanges(form)); });
  $("clear-filters").addEventListener("click", () => update(Object.fromEntries([...FILTERS, "_offset"].map((k) => [k, null]))));
  timeline = new Timeline($("timeline"), (since, until) => update({ since, until, _offset: null }));
  map = new EventMap($("map"), (id) => update({ _event: id }));
  $("tl-by").addEventListener("change", (ev) => update({ _by: ev.target.value === "type" ? null : ev.target.value }, { replace: true }));
  $("tl-clear").addEventListener("click", () => update({ since: null, until: null, _offset: null }));
  suggestActors(form.elements.actor, $("actor-options"));
  if (window.matchMedia("(max-width: 700px)").matches) {  // a phone: the table first, filters on demand
    $("filter-box").open = false;
    document.querySelector("#view-events .facets-box").open = false;
  }
}

function suggestActors(input, list) {
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const data = await getJSON(`/api/actors?${new URLSearchParams({ q, _limit: "12" })}`);
        list.replaceChildren(...data.rows.map((a) => el("option", { value: a.name ?? a.id }, a.id)));
      } catch { /* suggestions are optional */ }
    }, 200);
  });
}

export async function renderEvents(p) {
  const form = $("event-filters");
  fillForm(form, p);
  $("tl-by").value = p.get("_by") ?? "type";
  activeChips($("event-chips"), p, FILTERS, LABELS);
  const tableKey = keyOf(p);
  const chartKey = keyOf(p, ["_offset", "_sort", "_limit"]);
  const tasks = [];
  if (tableKey !== shown.table) { shown.table = tableKey; tasks.push(loadTable(p)); }
  if (chartKey !== shown.charts) { shown.charts = chartKey; tasks.push(loadTimeline(p), loadMap(p)); }
  markSelected(p.get("_event"));
  await Promise.all(tasks);
}

function markSelected(id) {
  for (const row of document.querySelectorAll("#events tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
}

async function loadTable(p) {
  const query = apiQuery(p, ["_by"]);
  if (!query.has("_limit")) query.set("_limit", "50");
  const tbody = document.querySelector("#events tbody");
  const downloads = apiQuery(p, ["_by", "_offset", "_limit"]).toString();
  $("dl-csv").href = `/api/events.csv${downloads ? `?${downloads}` : ""}`;
  $("dl-json").href = `/api/events.json${downloads ? `?${downloads}` : ""}`;
  const data = await withStatus($("events-status"), () => getJSON(`/api/events?${query}`), { region: $("events"), what: "the events" });
  if (!data) { shown.table = null; return; }
  const summary = data.total === 1 ? "1 event" : `${fmtNumber(data.total)} events`;
  $("event-summary").textContent = `${summary}${data.notes.length ? ` \u2014 ${data.notes.join("; ")}` : ""}`;
  facetsBlock($("event-facets"), data.facets, followToggle);
  tbody.replaceChildren(...data.rows.map((e) => actionRow({ "data-id": e.id }, [
    td("Type", typeBadge(e.type)),
    td("Source", actorLink(e.source_actor, e.source_text)),
    td("Target", actorLink(e.target_actor, e.target_text)),
    td("Modality", e.modality + (e.alleged && e.modality !== "alleged" ? " (alleged)" : "")),
    td("Date", e.date ?? ""),
    td("Place", e.place_name ?? ""),
    td("Reports", `${e.num_articles} / ${e.num_sources}`),
    td("Confidence", fmtConfidence(e.confidence)),
    td("Evidence", clip(e.evidence, 160)),
  ], () => update({ _event: e.id, _article: null, _mention: null, _quote: null, _story: null }))));
  if (!data.rows.length) {
    showStatus($("events-status"), "empty", "No events match these filters. ",
      null);
    $("events-status").append(el("button", { type: "button", class: "link", onclick: () => $("clear-filters").click() }, "Clear the filters"));
  }
  pager($("events-pager"), data, (offset) => update({ _offset: offset ? String(offset) : null }));
  markSelected(params().get("_event"));
  if (!performance.getEntriesByName("eventwire:rows").length) performance.mark("eventwire:rows");  // first table
}

async function loadTimeline(p) {
  const query = apiQuery(p, ["_offset", "_sort", "_limit"]);
  const data = await withStatus($("timeline-status"), () => getJSON(`/api/timeline?${query}`), { what: "the timeline" });
  if (!data) { shown.charts = null; return; }
  $("tl-clear").hidden = !(data.since || data.until);
  timeline.set(data);
}

async function loadMap(p) {
  const query = apiQuery(p, ["_offset", "_sort", "_limit", "_by"]);
  const data = await withStatus($("map-status"), async () => {
    await map.init();
    return getJSON(`/api/map?${query}`);
  }, { what: "the map" });
  if (!data) { shown.charts = null; return; }
  map.set(data);
  mapCount(data, query);
}

function mapCount(data, query) {
  const box = $("map-count");
  const located = data.total > data.shown
    ? `Showing ${fmtNumber(data.shown)} of ${fmtNumber(data.total)} located events.` : `${fmtNumber(data.total)} located events.`;
  box.replaceChildren(`${located}${data.unlocated ? ` ${fmtNumber(data.unlocated)} without a place.` : ""}`);
  if (data.total <= data.shown) return;
  const loadAll = async () => {
    const all = await withStatus($("map-status"), () => getJSON(`/api/map?${query}&_limit=${Math.min(data.total, 50000)}`));
    if (all) { map.set(all); mapCount(all, query); }
  };
  box.append(" ", el("button", { type: "button", class: "link", onclick: loadAll }, "Load all"));
}
