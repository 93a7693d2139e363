// Actors: a searchable list (names and knowledge-base aliases), and a page for each actor.
"use strict";

import { actorLink } from "./side.js";
import {
  actionRow, clip, el, fmtConfidence, fmtNumber, getJSON, keyOf, pager, showStatus, td, typeBadge, update,
  withStatus,
} from "./util.js";

const $ = (id) => document.getElementById(id);
let shownList = null;
let shownActor = null;

export function initActors() {
  const form = $("actor-search");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    update({ q: form.elements.q.value.trim() || null, _offset: null });
  });
}

export async function renderActors(p) {
  $("actor-search").elements.q.value = p.get("q") ?? "";
  const key = keyOf(p);
  if (key === shownList) return;
  shownList = key;
  const query = new URLSearchParams({ _limit: "50", _offset: p.get("_offset") ?? "0" });
  if (p.get("q")) query.set("q", p.get("q"));
  const data = await withStatus($("actors-status"), () => getJSON(`/api/actors?${query}`), { region: $("actors"), what: "the actors" });
  if (!data) { shownList = null; return; }
  $("actor-summary").textContent = `${fmtNumber(data.total)} actor${data.total === 1 ? "" : "s"}`;
  document.querySelector("#actors tbody").replaceChildren(...data.rows.map((a) => actionRow({ "data-id": a.id }, [
    td("Actor", el("a", { href: `?_view=actor&_id=${encodeURIComponent(a.id)}`, "data-nav": "" }, a.name ?? a.id), el("div", { class: "muted" }, a.id)),
    td("Kind", a.kind ?? ""), td("Country", a.country ?? ""),
    td("As source", String(a.as_source)), td("As target", String(a.as_target)), td("Quotes", String(a.quotes)),
  ], () => update({ _view: "actor", _id: a.id, q: null, _offset: null }))));
  if (!data.rows.length) showStatus($("actors-status"), "empty", "No actor matches.");
  pager($("actors-pager"), data, (offset) => update({ _offset: offset ? String(offset) : null }));
}

function eventTable(events, names) {
  if (!events.length) return el("p", { class: "muted" }, "None.");
  return el("table", { class: "data compact" },
    el("thead", {}, el("tr", {}, ["Type", "Source", "Target", "Date", "Place", "Confidence", "Evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, events.map((e) => actionRow({ "data-id": e.id }, [
      td("Type", typeBadge(e.type)), td("Source", actorLink(e.source_actor, e.source_text ?? names[e.source_actor])),
      td("Target", actorLink(e.target_actor, e.target_text ?? names[e.target_actor])), td("Date", e.date ?? ""),
      td("Place", e.place_name ?? ""), td("Confidence", fmtConfidence(e.confidence)), td("Evidence", clip(e.evidence, 140)),
    ], () => update({ _event: e.id })))));
}

export async function renderActor(p) {
  const id = p.get("_id");
  if (id === shownActor) return;
  shownActor = id;
  const box = $("actor-page");
  const status = $("actor-status");
  const a = await withStatus(status, () => getJSON(`/api/actors/${encodeURIComponent(id ?? "")}`));
  if (!a) { shownActor = null; box.replaceChildren(); return; }
  const quotes = a.statements.length ? el("ul", { class: "quote-list" }, a.statements.map((q) => el("li", {},
    el("button", { type: "button", class: "link", onclick: () => update({ _article: q.article_id, _quote: String(q.idx) }) },
      `${q.kind && q.kind !== "speech" ? `[${q.kind}] ` : ""}\u201c${clip(q.text, 240)}\u201d`),
    el("div", { class: "muted" }, [q.cue, q.reported_by ? `via ${q.reported_by}` : null, q.outlet, q.published].filter(Boolean).join(" \u00b7 ")))))
    : el("p", { class: "muted" }, "None.");
  const wikidata = a.wikidata ? el("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(a.wikidata)}`, rel: "noopener", target: "_blank" }, a.wikidata) : null;
  box.replaceChildren(
    el("h2", {}, a.name ?? a.id, " ", el("span", { class: "muted" }, a.id)),
    el("p", {}, [a.kind, a.country, (a.sectors ?? []).join(", "), a.role].filter(Boolean).join(" \u00b7 "), wikidata ? [" \u00b7 Wikidata ", wikidata] : ""),
    a.aliases.length ? el("p", { class: "muted" }, `Also written: ${a.aliases.join(", ")}`) : "",
    el("p", {}, el("a", { href: `?actor=${encodeURIComponent(a.id)}`, "data-nav": "" }, `All ${fmtNumber(a.as_source + a.as_target)} events of ${a.name ?? a.id} on the map and timeline \u2192`)),
    el("h3", {}, `Events as source (${a.as_source})`), eventTable(a.events_as_source, a.actor_names),
    el("h3", {}, `Events as target (${a.as_target})`), eventTable(a.events_as_target, a.actor_names),
    el("h3", {}, `Quotes and attributions (${a.quotes})`), quotes);
  if (!a.as_source && !a.as_target && !a.quotes) showStatus(status, "empty", "No events or quotes for this actor.");
}
