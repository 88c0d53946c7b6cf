// The map, the timeline and the filter form's submit that the events and incidents views share.
// Each view says through a small option object how to read its items: key(item) (written to
// each marker and mark as the attribute `attr`), colour(item), and onSelect(item) for a click.
import { countries, h, svg } from "./dom.js";

const isDay = (d) => Boolean(d) && /^\d{4}-\d{2}-\d{2}$/.test(d);

// A circle's radius for a number killed: it grows with the square root, capped so that one
// battle's toll does not cover the map.
export const killedRadius = (killed) => Math.min(30, 5 + 3 * Math.sqrt(killed || 0));

// Submitting the form opens `route` with the form's non-empty fields `names` as its query.
export function filterSubmit(form, names, route) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of names) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    window.location.hash = `${route}?${query}`;
  });
  return form;
}

// Circles on the offline basemap, hollow and dashed where the place is only a region or a
// country. More options: place(item) ({lat, lon, precision} or null), radius(item),
// tooltip(item) (its children), markerClass(item), view ([centre, zoom] with nothing placed).
export function pointMap(el, items, { key, attr, colour, onSelect, place, radius, tooltip, markerClass, view = [[34.8, 38.9], 5] }) {
  const L = window.L;
  const map = L.map(el, { worldCopyJump: true });
  map.attributionControl.setPrefix("Natural Earth · Leaflet");
  countries().then((geo) => {
    L.geoJSON(geo, { style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }, interactive: false })
      .addTo(map).bringToBack();
  }).catch((error) => el.append(h("p", { class: "error" }, error.message)));
  const markers = new Map();
  // The largest drawn first, so a smaller circle on the same spot stays on top, clickable.
  const placed = items.filter((it) => place(it) && place(it).lat != null).sort((a, b) => radius(b) - radius(a));
  for (const it of placed) {
    const { lat, lon, precision } = place(it);
    const coarse = ["country", "region"].includes(precision);
    const weight = coarse ? 2 : 1;
    const marker = L.circleMarker([lat, lon], {
      radius: radius(it), color: colour(it), weight, fillOpacity: coarse ? 0.1 : 0.6,
      dashArray: coarse ? "3 3" : null, className: markerClass(it),
    });
    // Leaflet draws a layer once the map has a view (set below): key its element then.
    marker.on("add", () => marker.getElement().setAttribute(attr, key(it)));
    marker.addTo(map);
    marker.bindTooltip(h("div", {}, tooltip(it)));
    marker.on("click", () => onSelect(it));
    markers.set(key(it), { marker, weight });
  }
  if (placed.length) {
    map.fitBounds(L.latLngBounds(placed.map((it) => [place(it).lat, place(it).lon])).pad(0.4), { maxZoom: 7 });
  } else {
    map.setView(...view);
  }
  return {
    select(item) {
      for (const [k, { marker, weight }] of markers) {
        const on = k === key(item);
        if (marker.getElement()) marker.getElement().classList.toggle("selected", on);
        marker.setStyle({ weight: on ? 4 : weight });
        if (on) {
          marker.bringToFront();
          map.setView(marker.getLatLng(), Math.max(map.getZoom(), place(item).precision === "country" ? 5 : 7));
          marker.openTooltip();
        }
      }
    },
    unplaced: items.length - placed.length,
  };
}

// An SVG element holding a text, as a text node.
function svgText(tag, content, attrs = {}) {
  const el = svg(tag, attrs);
  el.textContent = content;
  return el;
}

// A row per label row(item), a bar from each item's first day start(item) to its last end(item)
// (by default the same day); with only one of them known, a one-day mark, "open-start" where
// the start is unknown. Marks of one day and row sit side by side in rows of five. More
// options: title(item) (a mark's hover text), markClass(item), label (the chart's), empty (the
// text when no item has a known day).
export function timeline(el, items, { key, attr, colour, onSelect, start, end = start, row, title, markClass, label, empty }) {
  const first = (it) => (isDay(start(it)) ? start(it) : end(it));
  const last = (it) => (isDay(end(it)) ? end(it) : start(it));
  const dated = items.filter((it) => isDay(first(it)));
  if (!dated.length) {
    el.append(h("p", { class: "muted" }, empty));
    return { select() {}, undated: items.length };
  }
  const days = [...new Set(dated.flatMap((it) => [first(it), last(it)]))].sort();
  const rows = [...new Set(dated.map(row))].sort();
  const width = Math.max(480, el.clientWidth || 800);
  const rowH = 26, top = 8, bottom = 36;
  const left = Math.min(240, Math.max(96, 12 + 6.5 * Math.max(...rows.map((r) => r.length))));
  const height = top + rows.length * rowH + bottom;
  const chart = svg("svg", { width: "100%", height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]);
  const span = Math.max(1, (t1 - t0) / 864e5);
  const x = (d) => left + 40 + ((Date.parse(d) - t0) / 864e5 / span) * (width - left - 120);
  const y = (r) => top + rows.indexOf(r) * rowH + rowH / 2;
  for (const r of rows) {
    chart.append(svgText("text", r, { x: left - 6, y: y(r) + 4, "text-anchor": "end", class: "tl-type" }),
      svg("line", { x1: left, x2: width - 8, y1: y(r), y2: y(r), class: "tl-row" }));
  }
  let lastTick = -Infinity;
  for (const d of days) {
    if (x(d) - lastTick < 72) continue;  // days too close to label apart: the first one only
    lastTick = x(d);
    chart.append(svgText("text", d, { x: x(d), y: height - 12, "text-anchor": "middle", class: "tl-day" }));
  }
  const stacked = new Map();
  const marks = new Map();
  for (const it of dated) {
    const slot = `${first(it)}|${row(it)}`;
    const n = stacked.get(slot) || 0;
    stacked.set(slot, n + 1);
    const mark = svg("rect", {
      x: x(first(it)) - 14 + (n % 5) * 7, y: y(row(it)) - 8 + Math.floor(n / 5) * 6 - (n >= 5 ? 3 : 0),
      width: 6 + x(last(it)) - x(first(it)), height: 10, rx: 1, fill: colour(it),
      class: `tl-item ${markClass(it)}${isDay(start(it)) ? "" : " open-start"}`, [attr]: key(it),
    });
    mark.append(svgText("title", title(it)));
    mark.addEventListener("click", () => onSelect(it));
    chart.append(mark);
    marks.set(key(it), mark);
  }
  el.append(chart);
  return {
    select(item) { for (const [k, mark] of marks) mark.classList.toggle("selected", k === key(item)); },
    undated: items.length - dated.length,
  };
}
