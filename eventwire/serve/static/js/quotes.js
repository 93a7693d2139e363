// The quotes view: who said what, through which outlet, with which cue; search, facets, downloads.
"use strict";

import { actorLink } from "./side.js";
import {
  QUOTE_KINDS, actionRow, activeChips, apiQuery, clip, el, facetsBlock, fillForm, fmtNumber, followToggle,
  formChanges, getJSON, keyOf, pager, showStatus, td, update, withStatus,
} from "./util.js";

const FILTERS = ["q", "actor", "kind", "outlet", "reported_by", "since", "until", "story", "article"];
const $ = (id) => document.getElementById(id);
let shownKey = null;

export function initQuotes() {
  const form = $("quote-filters");
  for (const k of QUOTE_KINDS) form.elements.kind.append(el("option", { value: k }, k));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); update(formChanges(form)); });
  $("clear-quote-filters").addEventListener("click", () => update(Object.fromEntries([...FILTERS, "_offset"].map((k) => [k, null]))));
}

export async function renderQuotes(p) {
  fillForm($("quote-filters"), p);
  activeChips($("quote-chips"), p, FILTERS, { q: "search", actor: "speaker" });
  const key = keyOf(p);
  if (key === shownKey) return;
  shownKey = key;
  const query = apiQuery(p);
  if (!query.has("_limit")) query.set("_limit", "50");
  const downloads = apiQuery(p, ["_offset", "_limit"]).toString();
  $("dlq-csv").href = `/api/quotes.csv${downloads ? `?${downloads}` : ""}`;
  $("dlq-json").href = `/api/quotes.json${downloads ? `?${downloads}` : ""}`;
  const data = await withStatus($("quotes-status"), () => getJSON(`/api/quotes?${query}`), { region: $("quotes"), what: "the quotes" });
  if (!data) { shownKey = null; return; }
  $("quote-summary").textContent = `${fmtNumber(data.total)} quote${data.total === 1 ? "" : "s"}${data.notes.length ? ` \u2014 ${data.notes.join("; ")}` : ""}`;
  facetsBlock($("quote-facets"), data.facets, followToggle);
  document.querySelector("#quotes tbody").replaceChildren(...data.rows.map((q) => actionRow({ "data-id": `${q.article_id}#${q.idx}` }, [
    td("Speaker", q.speaker_actor || q.speaker_text ? actorLink(q.speaker_actor, q.speaker_text) : el("span", { class: "muted" }, "unattributed")),
    td("Relied on", q.reported_by ?? ""),
    td("Cue", q.cue ?? ""),
    td("Text", el("span", { class: (q.kind ?? "speech") === "speech" ? "" : "muted" }, q.kind && q.kind !== "speech" ? `[${q.kind}] ` : "",
      q.direct ? `\u201c${clip(q.text, 300)}\u201d` : clip(q.text, 300))),
    td("Article", el("span", {}, q.article_title ?? q.article_id), el("div", { class: "muted" }, [q.outlet, q.published].filter(Boolean).join(", "))),
  ], () => update({ _article: q.article_id, _quote: String(q.idx), _mention: null, _event: null, _all: null }))));
  if (!data.rows.length) showStatus($("quotes-status"), "empty", "No quotes match these filters.");
  pager($("quotes-pager"), data, (offset) => update({ _offset: offset ? String(offset) : null }));
}
