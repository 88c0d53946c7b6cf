// Events: filters, a map of event places sized by casualties (offline Natural Earth basemap),
// a timeline by day and type, and a table whose rows link to their sentence in the article.
import { filterSubmit, killedRadius, pointMap, timeline as drawTimeline } from "./charts.js";
import { api, describeQuantity, h, keyOf, matched, sentenceHref } from "./dom.js";

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

function filterForm(params) {
  const form = h("form", { class: "filters", id: "event-filters" },
    FILTERS.map(([name, label, example]) => h("label", {}, label,
      h("input", { name, value: params[name] || "", placeholder: example }))),
    h("button", { type: "submit" }, "Filter"), " ",
    h("a", { href: "#/events" }, "clear"));
  return filterSubmit(form, FILTERS.map(([name]) => name), "#/events");
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
        "Circle size grows with the number killed (capped); dashed hollow circles are placed only to a region or country.")),
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
  const shared = { key: keyOf, attr: "data-key", colour: (ev) => colour(ev.type), onSelect: select };
  mapView = pointMap(mapEl, events, {
    ...shared, place: (ev) => ev.place, radius: (ev) => killedRadius(ev.killed),
    markerClass: (ev) => `ev-marker precision-${ev.place.precision}`,
    tooltip: (ev) => [h("strong", {}, `${ev.type} “${ev.trigger.text}”`), h("br"),
      `${ev.place.name} (${ev.place.precision})`, ev.killed ? ` · ${ev.killed} killed` : ""],
  });
  timeline = drawTimeline(timelineEl, events, {
    ...shared, start: (ev) => ev.date, row: (ev) => ev.type, markClass: (ev) => `source-${ev.date_source}`,
    title: (ev) => `${ev.date} · ${ev.type} “${ev.trigger.text}” (${ev.date_source === "publication" ? "dated by publication" : "dated in text"})`,
    label: "Events by day and type", empty: "No event here has a known day.",
  });
  const shown = `${events.length ? offset + 1 : 0}–${offset + events.length} of ${matched(page)} events`;
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
