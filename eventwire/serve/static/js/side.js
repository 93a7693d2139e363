// The side panel: an event's detail, an article with only the selected spans marked, a story.
// Which one shows is in the URL (_article over _event over _story), so each has its own link.
"use strict";

import { highlighted, legend, mentionSpans, quoteSpans } from "./highlight.js";
import {
  actionRow, el, fmtConfidence, getJSON, showStatus, td, typeBadge, update, who,
} from "./util.js";

const CLOSE = { _event: null, _article: null, _mention: null, _quote: null, _story: null, _all: null };
let shownKey = null;

export const actorLink = (id, text) => (id
  ? el("a", { href: `?_view=actor&_id=${encodeURIComponent(id)}`, "data-nav": "" }, who(text, id))
  : el("span", {}, text ?? "?"));

export function closeSide() { update(CLOSE); }

export async function renderSide(p) {
  const aside = document.getElementById("side");
  const body = document.getElementById("side-body");
  const key = Object.keys(CLOSE).map((k) => p.get(k) ?? "").join("|");
  const open = p.has("_article") || p.has("_event") || p.has("_story");
  document.body.classList.toggle("side-open", open);
  aside.hidden = !open;
  if (!open) { shownKey = null; return; }
  if (key === shownKey) return;
  shownKey = key;
  const status = el("p", { class: "status" });
  body.replaceChildren(status);
  showStatus(status, "loading", "Loading\u2026");
  try {
    let content;
    if (p.has("_article")) content = await articleView(p);
    else if (p.has("_event")) content = await eventView(p);
    else content = await storyView(p);
    if (shownKey !== key) return;  // another selection came in meanwhile
    body.replaceChildren(...content);
    const first = body.querySelector(".article-text mark");  // the panel scrolls, not the page
    body.scrollTop = first ? Math.max(0, first.offsetTop - body.clientHeight / 3) : 0;
    body.querySelector("h2")?.focus({ preventScroll: true });
  } catch (err) {
    showStatus(status, "error", err.message, () => { shownKey = null; renderSide(p); });
  }
}

function back(p, from) {
  if (from === "article" && p.has("_event")) {
    return el("button", { type: "button", class: "link back", onclick: () => update({ _article: null, _mention: null, _quote: null, _all: null }) }, "\u2190 Back to the event");
  }
  if (p.has("_story") && (from === "article" || from === "event")) {
    return el("button", { type: "button", class: "link back", onclick: () => update({ _article: null, _mention: null, _quote: null, _all: null, _event: null }) }, "\u2190 Back to the story");
  }
  return null;
}

function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

async function eventView(p) {
  const e = await getJSON(`/api/events/${encodeURIComponent(p.get("_event"))}`);
  const names = e.actor_names ?? {};
  const reports = el("ul", { class: "reports" }, e.mentions.map((m) => el("li", {},
    el("div", {}, el("strong", {}, m.outlet ?? "unknown outlet"), `, ${m.published ?? "undated"}: ${m.title ?? m.article_id}`),
    el("blockquote", {}, `\u201c${m.evidence}\u201d`),
    el("button", { type: "button", class: "link", onclick: () => update({ _article: m.article_id, _mention: String(m.idx), _quote: null, _all: null }) },
      "Show in the article \u2192"))));
  return [
    back(p, "event") ?? "",
    el("h2", { tabindex: "-1" }, typeBadge(e.type), " ", actorLink(e.source_actor, e.source_text ?? names[e.source_actor]),
      " \u2192 ", actorLink(e.target_actor, e.target_text ?? names[e.target_actor])),
    el("blockquote", { class: "evidence" }, `\u201c${e.evidence ?? ""}\u201d`),
    facts([
      ["Modality", `${e.modality}${e.alleged && e.modality !== "alleged" ? " (alleged)" : ""}`],
      ["Date", e.date ? `${e.date}${e.date_precision && e.date_precision !== "day" ? ` (${e.date_precision})` : ""}` : "unknown"],
      ["Place", e.place_name ? `${e.place_name}${e.country ? `, ${e.country}` : ""}${e.place_precision ? ` (${e.place_precision})` : ""}` : null],
      ["Confidence", fmtConfidence(e.confidence)],
      ["Reports", `${e.num_articles} article(s), ${e.num_sources} outlet(s)`],
      ["CAMEO", e.cameo],
      ["First seen", e.first_seen?.replace("T", " ").slice(0, 16)],
      ["Story", e.story_id ? el("a", { href: `?_view=stories&_story=${encodeURIComponent(e.story_id)}`, "data-nav": "" }, e.story_id) : null],
    ]),
    el("h3", {}, `Reports (${e.mentions.length})`), reports,
  ];
}

async function articleView(p) {
  const a = await getJSON(`/api/articles/${encodeURIComponent(p.get("_article"))}`);
  const all = p.has("_all");
  const spans = [];
  let focus = "quotes";
  const statements = [...a.quotes, ...a.attributions];
  if (all) {
    for (const q of statements) spans.push(...quoteSpans(q).slice(0, 1));
    for (const m of a.events) spans.push(mentionSpans(m)[0]);
    focus = "every quote and event evidence";
  } else if (p.has("_mention")) {
    const m = a.events.find((x) => String(x.idx) === p.get("_mention"));
    if (m) { spans.push(...mentionSpans(m)); focus = `this ${m.type} event`; }
  } else if (p.has("_quote")) {
    const q = statements.find((x) => String(x.idx) === p.get("_quote"));
    if (q) { spans.push(...quoteSpans(q)); focus = "this quote"; }
  } else if (p.has("_event")) {
    for (const m of a.events.filter((x) => x.event_id === p.get("_event"))) spans.push(...mentionSpans(m));
    focus = "this event";
  } else {
    for (const q of a.quotes) spans.push(...quoteSpans(q).slice(0, 1));
  }
  const toggle = el("label", { class: "inline" }, el("input", { type: "checkbox", checked: all,
    onchange: (ev) => update({ _all: ev.target.checked ? "1" : null }) }), " mark every quote and event");
  return [
    back(p, "article") ?? "",
    el("h2", { tabindex: "-1" }, a.title ?? a.id),
    el("p", { class: "muted" }, [a.outlet, a.published, a.language && a.language !== "en" ? `language ${a.language}` : null].filter(Boolean).join(" \u00b7 "),
      a.story_id ? [" \u00b7 ", el("a", { href: `?_view=stories&_story=${encodeURIComponent(a.story_id)}`, "data-nav": "" }, "story")] : ""),
    el("p", { class: "muted" }, `Marked: ${focus}.`), toggle,
    legend([["evidence", "evidence"], ["source", "source"], ["target", "target"], ["trigger", "trigger"], ["other", "other report"],
      ["quote", "quote"], ["attribution", "attribution"], ["speaker", "speaker"], ["cue", "cue"]]),
    highlighted(a.text, spans),
  ];
}

async function storyView(p) {
  const s = await getJSON(`/api/stories/${encodeURIComponent(p.get("_story"))}`);
  const outlets = {};
  for (const a of s.articles) outlets[a.outlet ?? "unknown outlet"] = (outlets[a.outlet ?? "unknown outlet"] ?? 0) + 1;
  const articles = el("table", { class: "data compact", id: "story-articles" },
    el("thead", {}, el("tr", {}, el("th", {}, "Published"), el("th", {}, "Outlet"), el("th", {}, "Title"), el("th", {}, "Events"))),
    el("tbody", {}, s.articles.map((a) => actionRow({ "data-id": a.id }, [
      td("Published", a.published ?? a.ingested_at?.slice(0, 10) ?? ""), td("Outlet", a.outlet ?? ""),
      td("Title", a.title ?? a.id), td("Events", String(a.num_events))],
    () => update({ _article: a.id, _mention: null, _quote: null, _all: null, _event: null })))));
  const events = el("ul", { class: "event-list" }, s.events.map((e) => el("li", {},
    el("button", { type: "button", class: "link", onclick: () => update({ _event: e.id }) }, typeBadge(e.type),
      ` ${who(e.source_text, e.source_actor)} \u2192 ${who(e.target_text, e.target_actor)}`),
    el("span", { class: "muted" }, ` ${[e.date, `${e.num_articles} report(s)`].filter(Boolean).join(" \u00b7 ")}`))));
  return [
    el("h2", { tabindex: "-1" }, s.title ?? s.id),
    el("p", { class: "muted" }, `${s.num_articles} article(s) from ${s.num_sources} outlet(s), ${s.first_seen?.slice(0, 10) ?? "?"} to ${s.last_seen?.slice(0, 10) ?? "?"}`),
    el("p", {}, Object.entries(outlets).map(([o, n]) => `${o} (${n})`).join(", ")),
    el("h3", {}, `Articles (${s.articles.length})`), articles,
    el("h3", {}, `Events, merged across articles (${s.events.length})`),
    s.events.length ? events : el("p", { class: "muted" }, "No events in this story."),
  ];
}
