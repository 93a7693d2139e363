// Events per day, week or month, stacked by type or by actor (d3); brushing a range sets since/until.
"use strict";

import { el, typeColor } from "./util.js";

const STEP = { day: "utcDay", week: "utcMonday", month: "utcMonth", year: "utcYear" };
const TICK_FORMAT = { day: "%b %d", week: "%b %d", month: "%b %Y", year: "%Y" };
const MIN_PERIODS = 12;
const parse = (iso) => new Date(`${iso}T00:00:00Z`);
const iso = (date) => date.toISOString().slice(0, 10);

export class Timeline {
  constructor(box, onRange) {
    this.box = box;
    this.onRange = onRange;  // (since, until) or (null, null) to clear
    this.data = null;
    new ResizeObserver(() => this.draw()).observe(box);
  }

  set(data) {
    this.data = data;
    this.draw();
  }

  draw() {
    const d3 = window.d3;
    const data = this.data;
    const width = this.box.clientWidth;
    if (!d3 || !data || !width) return;
    if (!data.bins.length) {
      this.box.replaceChildren(el("p", { class: "empty" }, data.undated ? `No dated events (${data.undated} undated).` : "No events to chart."));
      return;
    }
    const step = d3[STEP[data.interval] ?? "utcDay"];
    const height = 150;
    const margin = { top: 8, right: 22, bottom: 22, left: 30 };
    const keys = data.keys.map((k) => k.key);
    const periods = new Map();
    for (const bin of data.bins) {
      const row = periods.get(bin.period) ?? { period: parse(bin.period) };
      row[bin.key] = (row[bin.key] ?? 0) + bin.n;
      periods.set(bin.period, row);
    }
    const rows = [...periods.values()].map((r) => Object.fromEntries([["period", r.period], ...keys.map((k) => [k, r[k] ?? 0])]));
    let lo = step.floor(parse(data.extent[0]));
    let hi = step.offset(step.floor(parse(data.extent[1])), 1);
    const short = MIN_PERIODS - step.count(lo, hi);
    if (short > 0) {  // a few periods only: widen the axis so that bars keep a sensible width
      lo = step.offset(lo, -Math.floor(short / 2));
      hi = step.offset(hi, Math.ceil(short / 2));
    }
    const x = d3.scaleUtc().domain([lo, hi]).range([margin.left, width - margin.right]);
    const series = d3.stack().keys(keys)(rows);
    const y = d3.scaleLinear().domain([0, d3.max(series, (s) => d3.max(s, (d) => d[1])) || 1]).nice()
      .range([height - margin.bottom, margin.top]);
    const palette = d3.scaleOrdinal(keys, d3.schemeTableau10);
    const colour = data.by === "type" ? typeColor : (k) => (k === "other" ? "#bdbdbd" : palette(k));
    const label = Object.fromEntries(data.keys.map((k) => [k.key, k.label]));

    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("width", width).attr("height", height)
      .attr("role", "img").attr("aria-label", `Events per ${data.interval}, stacked by ${data.by}; drag to choose dates`);
    svg.append("g").selectAll("g").data(series).join("g").attr("fill", (s) => colour(s.key))
      .selectAll("rect").data((s) => s.map((d) => Object.assign(d, { key: s.key }))).join("rect")
      .attr("x", (d) => x(d.data.period) + 0.5)
      .attr("width", (d) => Math.max(1, x(step.offset(d.data.period, 1)) - x(d.data.period) - 1))
      .attr("y", (d) => y(d[1]))
      .attr("height", (d) => Math.max(0, y(d[0]) - y(d[1])))
      .append("title").text((d) => `${data.interval} of ${iso(d.data.period)}: ${label[d.key]} ${d[1] - d[0]}`);
    svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat(d3.utcFormat(TICK_FORMAT[data.interval] ?? "%b %d"))
        .tickSizeOuter(0));
    svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(Math.min(4, y.domain()[1]), "d"))
      .call((g) => g.select(".domain").remove());

    const brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on("end", (event) => {
        if (!event.sourceEvent) return;  // moved by code, not by the user
        if (!event.selection) { this.onRange(null, null); return; }
        const [x0, x1] = event.selection.map((px) => x.invert(px));
        const since = step.round(x0);
        const until = d3.utcDay.offset(step.round(x1), -1);
        if (until < since) { this.onRange(null, null); return; }
        this.onRange(iso(since), iso(until));
      });
    const gBrush = svg.append("g").attr("class", "brush").call(brush);
    if (data.since || data.until) {
      const a = data.since ? x(parse(data.since)) : margin.left;
      const b = data.until ? x(d3.utcDay.offset(parse(data.until), 1)) : width - margin.right;
      gBrush.call(brush.move, [Math.max(margin.left, a), Math.min(width - margin.right, b)]);
    }
    const legend = el("ul", { class: "legend" }, data.keys.map((k) => el("li", {},
      el("span", { class: "swatch", style: `background:${colour(k.key)}` }), `${k.label} ${k.total}`)));
    const note = data.undated ? el("p", { class: "muted" }, `${data.undated} undated events are not drawn.`) : null;
    this.box.replaceChildren(svg.node(), legend, note ?? "");
  }
}
