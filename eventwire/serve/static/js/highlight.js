// An article's text with spans marked; nested and overlapping spans are all shown.
"use strict";

import { el } from "./util.js";

// spans: [{start, end, cls, title}] (character offsets into text)
export function highlighted(text, spans) {
  const good = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of good) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const active = good.filter((s) => s.start <= a && s.end >= b);
    if (!active.length) { out.append(piece); continue; }
    out.append(el("mark", { class: [...new Set(active.map((s) => s.cls))].join(" "),
      title: [...new Set(active.map((s) => s.title).filter(Boolean))].join("; ") }, piece));
  }
  return out;
}

export function legend(items) {
  return el("p", { class: "legend-marks" }, items.map(([cls, label]) => el("mark", { class: cls }, label)));
}

// The spans of one event report: evidence, source, target, trigger and its other reports.
export function mentionSpans(m) {
  const spans = [
    { start: m.evidence_start, end: m.evidence_end, cls: "evidence", title: `${m.type} evidence` },
    { start: m.source_start, end: m.source_end, cls: "source", title: `source of ${m.type}` },
    { start: m.target_start, end: m.target_end, cls: "target", title: `target of ${m.type}` },
    { start: m.trigger_start, end: m.trigger_end, cls: "trigger", title: `${m.type} trigger` },
  ];
  for (const [start, end] of m.other_mentions ?? []) spans.push({ start, end, cls: "other", title: `another report of this ${m.type}` });
  return spans;
}

export function quoteSpans(q) {
  const kind = q.kind ?? "speech";
  return [
    { start: q.start_char, end: q.end_char, cls: kind === "speech" ? "quote" : "attribution", title: `${kind} by ${q.speaker_text ?? "?"}` },
    { start: q.speaker_start, end: q.speaker_end, cls: "speaker", title: "speaker" },
    { start: q.cue_start, end: q.cue_end, cls: "cue", title: "cue" },
  ];
}
