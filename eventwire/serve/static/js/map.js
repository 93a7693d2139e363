// Events on a world map (Leaflet, no tile server): Natural Earth countries drawn from a local
// TopoJSON file, one dot per event coloured by PLOVER type, clustered when dense.
"use strict";

import { clip, el, getJSON, typeColor, who } from "./util.js";

let basemap = null;  // the countries GeoJSON, fetched once

async function countries() {
  if (!basemap) {
    const topology = await getJSON("/static/vendor/world-atlas/countries-110m.json");
    basemap = window.topojson.feature(topology, topology.objects.countries);
  }
  return basemap;
}

export class EventMap {
  constructor(box, onOpen) {
    this.box = box;
    this.onOpen = onOpen;  // called with an event id ("details" in a popup)
    this.map = null;
    this.cluster = null;
  }

  async init() {
    if (this.map) return;
    const L = window.L;
    this.map = L.map(this.box, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5, attributionControl: true })
      .setView([20, 20], 1.5);
    this.map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth");
    const land = await countries();
    L.geoJSON(land, { interactive: false, style: { color: "#9aa5b1", weight: 0.6, fillColor: "#eef0ea", fillOpacity: 1 } }).addTo(this.map);
    this.cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
      iconCreateFunction: (c) => L.divIcon({ html: `<span>${c.getChildCount()}</span>`, className: "cluster", iconSize: [34, 34] }) });
    this.map.addLayer(this.cluster);
    new ResizeObserver(() => this.map.invalidateSize()).observe(this.box);
  }

  popup(p) {
    const open = el("button", { type: "button", class: "link", onclick: () => this.onOpen(p.id) }, "Details \u2192");
    return el("div", { class: "popup" },
      el("strong", { style: `color:${typeColor(p.type)}` }, p.type),
      ` ${who(p.source_text, p.source_actor)} \u2192 ${who(p.target_text, p.target_actor)}`,
      el("div", { class: "muted" }, [p.modality, p.date, p.place_name, `${p.num_articles} report(s)`].filter(Boolean).join(" \u00b7 ")),
      el("blockquote", {}, `\u201c${clip(p.evidence, 240)}\u201d`), open);
  }

  set(data) {
    const L = window.L;
    this.cluster.clearLayers();
    const markers = data.points.map((p) => L.circleMarker([p.lat, p.lon], {
      radius: 6 + Math.min(6, Math.sqrt(p.num_articles ?? 1) * 2), color: "#fff", weight: 1,
      fillColor: typeColor(p.type), fillOpacity: 0.9, className: `event-dot type-${p.type}`,
    }).bindPopup(() => this.popup(p), { maxWidth: 300 }));
    this.cluster.addLayers(markers);
    if (markers.length) {
      const bounds = L.latLngBounds(data.points.map((p) => [p.lat, p.lon]));
      this.map.fitBounds(bounds.pad(0.3), { maxZoom: 5 });
    }
  }
}
