// Actors and places across the store, each linked to its events and claims.
import { api, h } from "./dom.js";

function table(id, columns, rows) {
  return h("table", { id, class: "events-table" },
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows));
}

export async function renderDirectory(root, params) {
  const q = params.q || "";
  const input = h("input", { name: "q", value: q, placeholder: "Name, id or governorate", "aria-label": "Filter actors and places" });
  const form = h("form", { class: "searchbar" }, input, h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = input.value.trim() ? `#/directory?q=${encodeURIComponent(input.value.trim())}` : "#/directory";
  });
  const [actors, places] = await Promise.all([
    api("/api/actors", { q, limit: 200 }), api("/api/places", { q, limit: 200 }),
  ]);
  const actorRows = actors.items.map((a) => h("tr", { "data-id": a.id },
    h("td", {}, h("strong", {}, a.name), h("div", { class: "muted" }, a.id)),
    h("td", {}, a.type), h("td", {}, a.actor_type || ""), h("td", {}, a.country || ""),
    h("td", {}, String(a.documents)), h("td", {}, String(a.mentions)),
    h("td", {}, h("a", { href: `#/events?actor=${encodeURIComponent(a.id)}` }, "events"), " · ",
      h("a", { href: `#/claims?speaker=${encodeURIComponent(a.id)}` }, "claims"))));
  const placeRows = places.items.map((p) => h("tr", { "data-id": p.id },
    h("td", {}, h("strong", {}, p.name), h("div", { class: "muted" }, p.id)),
    h("td", {}, p.admin1 || ""), h("td", {}, p.country_code || ""),
    h("td", {}, `${p.precision || "unresolved"}${p.geo_precision ? ` (ACLED ${p.geo_precision})` : ""}`),
    h("td", {}, p.lat !== null ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : ""),
    h("td", {}, String(p.documents)), h("td", {}, String(p.events)),
    h("td", {}, h("a", { href: `#/events?place=${encodeURIComponent(p.id)}` }, "events"))));
  root.append(
    h("section", { class: "panel" }, h("h1", {}, "Actors and places"), form,
      h("p", { class: "muted" }, `${actors.total} actors and ${places.total} places${q ? ` match “${q}”` : " in the store"}; most documents first.`)),
    h("section", { class: "panel" }, h("h2", {}, "Actors"),
      table("actors-table", ["Actor", "Type", "Actor type", "Country", "Articles", "Mentions", ""], actorRows)),
    h("section", { class: "panel" }, h("h2", {}, "Places"),
      table("places-table", ["Place", "Governorate / region", "Country", "Precision", "Coordinates", "Articles", "Events", ""], placeRows)));
}
