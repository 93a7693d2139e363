// Analyse a pasted text without storing it: events and quotes, marked in the text.
"use strict";

import { highlighted, legend } from "./highlight.js";
import { el, getJSON, showStatus, typeBadge, who } from "./util.js";

export function initAnalyse() {
  const form = document.getElementById("analyse-form");
  form.addEventListener("submit", (ev) => { ev.preventDefault(); analyse(form); });
}

async function analyse(form) {
  const data = Object.fromEntries(new FormData(form));
  const out = document.getElementById("analysis");
  const status = document.getElementById("analyse-status");
  if (!data.text.trim()) {
    showStatus(status, "error", "Paste an article first: the text box is empty.");
    form.elements.text.focus();
    return;
  }
  if (!data.published) delete data.published;
  out.replaceChildren();
  showStatus(status, "loading", "Analysing\u2026 (the first text loads the language model, a few seconds)");
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const result = await getJSON("/api/extract", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
    });
    showStatus(status, null);
    render(out, result);
  } catch (err) {
    showStatus(status, "error", err.message, () => analyse(form));
  } finally {
    button.disabled = false;
  }
}

function render(out, result) {
  const spans = [];
  for (const e of result.events) {
    if (e.source) spans.push({ start: e.source.start, end: e.source.end, cls: "source", title: `source of ${e.type}` });
    if (e.target) spans.push({ start: e.target.start, end: e.target.end, cls: "target", title: `target of ${e.type}` });
    spans.push({ start: e.trigger.start, end: e.trigger.end, cls: "trigger", title: e.type });
  }
  for (const q of result.quotes) spans.push({ start: q.start, end: q.end, cls: "quote", title: `said by ${q.speaker?.text ?? "?"}` });
  const events = el("ul", { id: "analysis-events" }, result.events.map((e) => el("li", {}, typeBadge(e.type),
    ` ${who(e.source?.text, e.source?.actor)} \u2192 ${who(e.target?.text, e.target?.actor)} (${e.modality}${e.alleged ? ", alleged" : ""}, ${Number(e.confidence).toFixed(2)}) \u201c${e.evidence.text}\u201d`)));
  const quotes = el("ul", {}, result.quotes.map((q) => el("li", {}, `${q.speaker?.text ?? "unattributed"}: \u201c${q.text}\u201d`)));
  out.replaceChildren(
    el("h3", {}, `${result.events.length} events, ${result.quotes.length} quotes`),
    result.events.length ? events : el("p", { class: "muted" }, "No events found in this text."),
    result.quotes.length ? quotes : "",
    legend([["source", "source"], ["target", "target"], ["trigger", "event trigger"], ["quote", "quote"]]),
    highlighted(result.article.text, spans));
}
