// eventwire web UI: a thin client of the JSON API (/api/...). The URL holds the whole state
// (view, filters, page, selection), so every view can be shared and Back works.
"use strict";

import { initActors, renderActor, renderActors } from "./actors.js";
import { initAnalyse } from "./analyse.js";
import { initEvents, renderEvents } from "./events.js";
import { initQuotes, renderQuotes } from "./quotes.js";
import { closeSide, renderSide } from "./side.js";
import { initStories, renderStories } from "./stories.js";
import { el, fmtNumber, getJSON, navigate, params, setNavigator } from "./util.js";

const VIEWS = {
  events: renderEvents, quotes: renderQuotes, stories: renderStories, actors: renderActors, actor: renderActor,
  analyse: async () => {},
};
let counts = null;

async function render() {
  document.body.dataset.ready = "false";  // tests and scripts wait for "true"
  const p = params();
  const view = VIEWS[p.get("_view")] ? p.get("_view") : "events";
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== `view-${view}`; });
  const tab = view === "actor" ? "actors" : view;
  document.querySelectorAll("nav a[data-view]").forEach((a) => {
    if (a.dataset.view === tab) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  await Promise.all([VIEWS[view](p), renderSide(p)]);
  if (!performance.getEntriesByName("eventwire:ready").length) performance.mark("eventwire:ready");
  document.body.dataset.ready = "true";
}

async function loadCounts() {
  try {
    const tables = await getJSON("/api/tables");
    const n = Object.fromEntries(tables.map((t) => [t.name, t.rows]));
    const text = `${fmtNumber(n.articles)} articles \u00b7 ${fmtNumber(n.events)} events from ${fmtNumber(n.event_mentions)} reports \u00b7 ${fmtNumber(n.quotes)} quotes and attributions`;
    const box = document.getElementById("counts");
    if (counts !== null && counts !== text) {
      box.replaceChildren(text, " ", el("button", { type: "button", class: "link light", onclick: () => location.reload() }, "New data: reload"));
    } else if (counts === null) {
      box.textContent = text;
    }
    counts = counts ?? text;
  } catch (err) {
    document.getElementById("counts").textContent = `Store unavailable: ${err.message}`;
  }
}

function interceptLinks() {
  document.addEventListener("click", (ev) => {
    const link = ev.target.closest("a[data-nav]");
    if (!link || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
    ev.preventDefault();
    navigate(new URL(link.href, location.href).searchParams);
    window.scrollTo({ top: 0 });
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !document.getElementById("side").hidden) closeSide();
  });
  document.getElementById("side-close").addEventListener("click", closeSide);
}

document.addEventListener("DOMContentLoaded", () => {
  setNavigator(render);
  window.addEventListener("popstate", render);
  initEvents();
  initQuotes();
  initStories();
  initActors();
  initAnalyse();
  interceptLinks();
  loadCounts();
  setInterval(loadCounts, 30_000);  // an ingest may be adding articles while we serve
  render();
});
