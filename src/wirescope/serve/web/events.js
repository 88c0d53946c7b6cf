// Events: filters, a map of event places sized by casualties (offline Natural Earth basemap),
// a timeline by day and type, and a table whose rows link to their sentence in the article.
import { api, countries, describeQuantity, h, keyOf, sentenceHref, svg } from "./dom.js";

const FILTERS = [
  ["type", "Type", "ASSAULT"], ["sub_type", "ACLED sub-type", "Air/drone strike"],
  ["actor", "Actor or target", "Nusra"], ["place", "Place or governorate", "Aleppo"],
  ["speaker", "Claimed by", "Rudskoy"], ["factuality", "Factuality", "asserted"],
  ["date_from", "From", "2016-05-01"], ["date_to", "To", "2016-05-31"],
  ["bbox", "Box w,s,e,n", "35,32,42,37"], ["document", "Article id", ""],
];
const PAGE = 200;
const TYPE_COLOURS = {
  ASSAULT: "#c0392b", COERCE: "#8e44ad", THREATEN: "#d35400", PROTEST: "#2980b9",
  MOBILIZE: "#16a085", AGREE: "#27ae60", REJECT: "#7f8c8d", REQUEST: "#2c3e50",
  CONSULT: "#34495e", SANCTION: "#b7950b", RETREAT: "#5d6d7e", AID: "#1abc9c",
};
const colour = (type) => TYPE_COLOURS[type] || "#555";

function radius(ev) {
  return ev.killed ? 5 + 3 * Math.sqrt(ev.killed) : 5;
}

function filterForm(params) {
  const form = h("form", { class: "filters", id: "event-filters" },
    FILTERS.map(([name, label, example]) => h("label", {}, label,
      h("input", { name, value: params[name] || "", placeholder: example }))),
    h("button", { type: "submit" }, "Filter"), " ",
    h("a", { href: "#/events" }, "clear"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name] of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    window.location.hash = `#/events?${query}`;
  });
  return form;
}

function drawMap(el, events, onSelect) {
  const L = window.L;
  const map = L.map(el, { worldCopyJump: true, attributionControl: true, preferCanvas: false });
  map.attributionControl.setPrefix("Natural Earth · Leaflet");
  countries().then((geo) => {
    L.geoJSON(geo, { style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false })
      .addTo(map).bringToBack();
  }).catch((error) => el.append(h("p", { class: "error" }, error.message)));
  const markers = new Map();
  const placed = events.filter((ev) => ev.place && ev.place.lat !== null);
  for (const ev of placed) {
    const coarse = ["country", "region"].includes(ev.place.precision);
    const marker = L.circleMarker([ev.place.lat, ev.place.lon], {
      radius: radius(ev), color: colour(ev.type), weight: coarse ? 2 : 1,
      fillOpacity: coarse ? 0.1 : 0.6, dashArray: coarse ? "3 3" : null,
      className: `ev-marker precision-${ev.place.precision}`,
    });
    // Leaflet draws a layer once the map has a view (set below): key its element then.
    marker.on("add", () => marker.getElement().setAttribute("data-key", keyOf(ev)));
    marker.addTo(map);
    const tip = document.createElement("div");
    tip.append(h("strong", {}, `${ev.type} “${ev.trigger.text}”`), h("br"),
      `${ev.place.name} (${ev.place.precision})`, ev.killed ? ` · ${ev.killed} killed` : "");
    marker.bindTooltip(tip);
    marker.on("click", () => onSelect(ev));
    markers.set(keyOf(ev), marker);
  }
  if (placed.length) {
    map.fitBounds(L.latLngBounds(placed.map((ev) => [ev.place.lat, ev.place.lon])).pad(0.4), { maxZoom: 7 });
  } else {
    map.setView([34.8, 38.9], 5);
  }
  return {
    select(ev) {
      for (const [key, marker] of markers) {
        const on = key === keyOf(ev);
        const el = marker.getElement();
        if (el) el.classList.toggle("selected", on);
        marker.setStyle({ weight: on ? 4 : 1 });
        if (on) {
          marker.bringToFront();
          map.setView(marker.getLatLng(), Math.max(map.getZoom(), ev.place.precision === "country" ? 5 : 7));
          marker.openTooltip();
        }
      }
    },
    unplaced: events.length - placed.length,
  };
}

function drawTimeline(el, events, onSelect) {
  const dated = events.filter((ev) => ev.date && /^\d{4}-\d{2}-\d{2}$/.test(ev.date));
  const days = [...new Set(dated.map((ev) => ev.date))].sort();
  const types = [...new Set(dated.map((ev) => ev.type))].sort();
  const width = Math.max(480, el.clientWidth || 800);
  const rowH = 26, left = 96, top = 8, bottom = 36;
  const height = top + Math.max(1, types.length) * rowH + bottom;
  const chart = svg("svg", { width: "100%", height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Events by day and type" });
  if (!dated.length) {
    el.append(h("p", { class: "muted" }, "No event here has a known day."));
    return { select() {}, undated: events.length };
  }
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]);
  const span = Math.max(1, (t1 - t0) / 864e5);
  const x = (day) => left + 40 + ((Date.parse(day) - t0) / 864e5 / span) * (width - left - 120);
  types.forEach((type, i) => {
    const y = top + i * rowH + rowH / 2;
    const label = svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tl-type" });
    label.textContent = type;
    chart.append(label, svg("line", { x1: left, x2: width - 8, y1: y, y2: y, class: "tl-row" }));
  });
  const ticks = days.length <= 8 ? days : days.filter((_, i) => i % Math.ceil(days.length / 8) === 0);
  for (const day of ticks) {
    const tick = svg("text", { x: x(day), y: height - 12, "text-anchor": "middle", class: "tl-day" });
    tick.textContent = day;
    chart.append(tick);
  }
  const stacked = new Map();
  const items = new Map();
  for (const ev of dated) {
    const slot = `${ev.date}|${ev.type}`;
    const n = stacked.get(slot) || 0;
    stacked.set(slot, n + 1);
    const y = top + types.indexOf(ev.type) * rowH + rowH / 2;
    // Events of one day and type sit side by side in rows of five.
    const mark = svg("rect", {
      x: x(ev.date) - 14 + (n % 5) * 7, y: y - 8 + Math.floor(n / 5) * 6 - (n >= 5 ? 3 : 0), width: 6, height: 10, rx: 1,
      fill: colour(ev.type), class: `tl-item source-${ev.date_source}`, "data-key": keyOf(ev),
    });
    const title = svg("title");
    title.textContent = `${ev.date} · ${ev.type} “${ev.trigger.text}” (${ev.date_source === "publication" ? "dated by publication" : "dated in text"})`;
    mark.append(title);
    mark.addEventListener("click", () => onSelect(ev));
    chart.append(mark);
    items.set(keyOf(ev), mark);
  }
  el.append(chart);
  return {
    select(ev) {
      for (const [key, mark] of items) mark.classList.toggle("selected", key === keyOf(ev));
    },
    undated: events.length - dated.length,
  };
}

function eventRow(ev, onSelect) {
  const names = (xs) => xs.map((x) => x.name).join(", ");
  const tr = h("tr", { "data-key": keyOf(ev), tabindex: 0 },
    h("td", {}, ev.date || h("span", { class: "muted" }, "unknown")),
    h("td", {}, h("span", { class: "type-chip", style: `border-color:${colour(ev.type)}` }, ev.type),
      ev.acled_sub_event_type ? h("div", { class: "muted" }, ev.acled_sub_event_type) : null),
    h("td", {}, ev.factuality),
    h("td", {}, names(ev.actors)), h("td", {}, names(ev.targets)),
    h("td", {}, ev.place ? `${ev.place.name}${ev.place.admin1 && ev.place.admin1 !== ev.place.name ? `, ${ev.place.admin1}` : ""} (${ev.place.precision})` : ""),
    h("td", {}, ev.quantities.map(describeQuantity).join("; ")),
    h("td", {}, ev.claim ? (ev.claim.speaker ? ev.claim.speaker.name : ev.claim.speaker_text || "unnamed") : h("span", { class: "muted" }, "the article")),
    h("td", { class: "sentence" }, h("a", { class: "to-sentence", href: sentenceHref(ev) },
      ev.sentence ? ev.sentence.text : ev.trigger.text)));
  tr.addEventListener("click", (event) => { if (!event.target.closest("a")) onSelect(ev); });
  return tr;
}

export async function renderEvents(root, params) {
  const offset = Number(params.offset || 0);
  const query = Object.fromEntries(FILTERS.map(([name]) => [name, params[name]]));
  const page = await api("/api/events", { ...query, limit: PAGE, offset });
  const events = page.items;
  const mapEl = h("div", { id: "map", class: "map" });
  const timelineEl = h("div", { id: "timeline", class: "timeline" });
  const body = h("tbody");
  const status = h("p", { class: "muted", id: "events-status" });
  root.append(
    h("section", { class: "panel" }, h("h1", {}, "Events"), filterForm(params), status),
    h("div", { class: "events-grid" },
      h("section", { class: "panel" }, h("h2", {}, "Map"), mapEl, h("p", { class: "muted legend-note" },
        "Circle size grows with the number killed; dashed hollow circles are placed only to a region or country.")),
      h("section", { class: "panel" }, h("h2", {}, "Timeline by day and type"), timelineEl)),
    h("section", { class: "panel" }, h("h2", {}, "Table"),
      h("table", { id: "events-table", class: "events-table" },
        h("thead", {}, h("tr", {}, ["Date", "Type", "Factuality", "Actors", "Targets", "Place", "Numbers", "Claimed by", "Sentence"].map((c) => h("th", { scope: "col" }, c)))),
        body)));

  let mapView = { select() {}, unplaced: 0 };
  let timeline = { select() {}, undated: 0 };
  const select = (ev) => {
    for (const tr of body.querySelectorAll("tr")) tr.classList.toggle("selected", tr.dataset.key === keyOf(ev));
    mapView.select(ev);
    timeline.select(ev);
  };
  for (const ev of events) body.append(eventRow(ev, select));
  mapView = drawMap(mapEl, events, select);
  timeline = drawTimeline(timelineEl, events, select);
  const shown = `${events.length ? offset + 1 : 0}–${offset + events.length} of ${page.total} events`;
  status.textContent = `${shown}; ${mapView.unplaced} without a place are not on the map, ${timeline.undated} without a known day are not on the timeline.`;
  if (page.next || offset > 0) {
    const base = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    const link = (o, label) => { const q = new URLSearchParams(base); q.set("offset", o); return h("a", { href: `#/events?${q}` }, label); };
    status.append(" ", offset > 0 ? link(Math.max(0, offset - PAGE), "← previous") : "", " ", page.next ? link(offset + PAGE, "next →") : "");
  }
  if (params.select) {
    const chosen = events.find((ev) => ev.id === params.select && (!params.document || ev.document_id === params.document));
    if (chosen) {
      select(chosen);
      const tr = body.querySelector(`tr[data-key="${CSS.escape(keyOf(chosen))}"]`);
      if (tr) tr.scrollIntoView({ block: "nearest" });
    }
  }
}
