// The stories view: story clusters, most reported first; a click opens the story in the side panel.
"use strict";

import {
  actionRow, el, fmtNumber, getJSON, keyOf, pager, params, showStatus, td, update, withStatus,
} from "./util.js";

const $ = (id) => document.getElementById(id);
let shownKey = null;

export function initStories() {
  const form = $("story-search");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    update({ q: form.elements.q.value.trim() || null, _offset: null });
  });
}

export async function renderStories(p) {
  $("story-search").elements.q.value = p.get("q") ?? "";
  const key = keyOf(p);
  if (key === shownKey) return markSelected(p.get("_story"));
  shownKey = key;
  const query = new URLSearchParams({ _limit: "50", _offset: p.get("_offset") ?? "0" });
  if (p.get("q")) query.set("q", p.get("q"));
  const data = await withStatus($("stories-status"), () => getJSON(`/api/stories?${query}`), { region: $("stories"), what: "the stories" });
  if (!data) { shownKey = null; return undefined; }
  $("story-summary").textContent = `${fmtNumber(data.total)} stor${data.total === 1 ? "y" : "ies"}`;
  document.querySelector("#stories tbody").replaceChildren(...data.rows.map((s) => actionRow({ "data-id": s.id }, [
    td("Story", el("a", { href: `?_view=stories&_story=${encodeURIComponent(s.id)}`, "data-nav": "" }, s.title ?? s.id)),
    td("Articles", String(s.num_articles)), td("Outlets", String(s.num_sources)),
    td("First seen", s.first_seen?.slice(0, 10) ?? ""), td("Last seen", s.last_seen?.slice(0, 10) ?? ""),
  ], () => update({ _story: s.id, _event: null, _article: null, _mention: null, _quote: null }))));
  if (!data.rows.length) showStatus($("stories-status"), "empty", p.get("q") ? "No story title matches." : "No stories stored yet.");
  pager($("stories-pager"), data, (offset) => update({ _offset: offset ? String(offset) : null }));
  return markSelected(params().get("_story"));
}

function markSelected(id) {
  for (const row of document.querySelectorAll("#stories tbody tr")) row.classList.toggle("selected", row.dataset.id === id);
}
