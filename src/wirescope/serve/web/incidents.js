// Incidents: one real-world event across every article that reports it. The list (filters, a
// map and a timeline drawn as the events view draws them) and one incident's page: its reports
// side by side with their sentences, its figures with every claim and who makes it, and where
// the reports contradict each other.
import { filterSubmit, killedRadius, pointMap, timeline as drawTimeline } from "./charts.js";
import { api, fmtNumber, h, matched } from "./dom.js";

const FILTERS = [
  ["place", "Place or governorate", "Aleppo"], ["sub_type", "ACLED sub-type", "Air/drone strike"],
  ["actor", "Actor", "Nusra"], ["date_from", "From", "2016-11-01"], ["date_to", "To", "2016-11-30"],
  ["min_sources", "Independent sources ≥", "2"], ["document", "Article id", ""],
];
const GRADES = {
  single: "one independent source", corroborated: "several independent sources, no contradiction",
  contested: "the sources contradict each other",
};
const GRADE_COLOURS = { single: "#7f8c8d", corroborated: "#1e8449", contested: "#c0392b" };
const KINDS = {
  disagreement: "the sources' latest figures differ",
  update: "one source changed its figure over time (oldest first)",
};
const QUALIFIERS = { at_least: "at least", at_most: "at most", more_than: "more than", less_than: "less than", up_to: "up to", about: "about" };
const NAMES = [...FILTERS.map(([name]) => name), "grade"];
const PAGE = 100;

const colour = (inc) => GRADE_COLOURS[inc.grade] || "#555";
const what = (inc) => inc.acled_sub_event_type || inc.type;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
const incidentHref = (id) => `#/incident/${encodeURIComponent(id)}`;
const readerHref = (doc, ev) => `#/doc/${encodeURIComponent(doc)}${ev ? `?event=${encodeURIComponent(ev)}` : ""}`;
const num = (v) => (v === null || v === undefined ? "—" : String(v));
const killedOf = (inc) => (inc.figures.killed ? inc.figures.killed.best : 0);

function when(inc) {
  const told = inc.date_via === "story" ? " (the day the article's story gives)" : "";
  if (inc.start && inc.end) return (inc.start === inc.end ? inc.start : `${inc.start} – ${inc.end}`) + told;
  if (inc.start) return `from ${inc.start}`;
  return inc.end ? `by ${inc.end}` : null;
}

function where(place) {
  if (!place) return null;
  const name = `${place.name}${place.admin1 && place.admin1 !== place.name ? `, ${place.admin1}` : ""}`;
  // No mention names a place: the town the article is set in, said to be that.
  return place.via === "setting" ? `${name} (where the article is set)` : name;
}

function gradeBadge(grade) {
  return h("span", { class: `grade grade-${grade}`, title: GRADES[grade] || "" }, grade);
}

function sources(inc) {
  const { documents, independent } = inc.sources;
  return `${plural(documents, "document")} / ${independent} independent`;
}

function figure(f) {
  if (!f) return h("span", { class: "muted" }, "—");
  return [h("strong", {}, num(f.best)), f.low !== f.high ? h("span", { class: "muted" }, ` (${num(f.low)}–${num(f.high)})`) : ""];
}

// A claim's value as the article puts it: "at least 12", "12 (vague)", or a name or day.
function claimValue(c) {
  if (typeof c.value === "string") return c.value;
  const n = fmtNumber(c);
  if (c.qualifier === "vague") return `${n} (vague)`;
  return QUALIFIERS[c.qualifier] ? `${QUALIFIERS[c.qualifier]} ${n}` : n;
}

function filterForm(params) {
  const grade = h("select", { name: "grade" }, h("option", { value: "" }, "any"),
    Object.keys(GRADES).map((g) => h("option", { value: g, selected: params.grade === g }, g)));
  const form = h("form", { class: "filters", id: "incident-filters" },
    FILTERS.map(([name, label, example]) => h("label", {}, label,
      h("input", { name, value: params[name] || "", placeholder: example }))),
    h("label", {}, "Grade", grade),
    h("button", { type: "submit" }, "Filter"), " ", h("a", { href: "#/incidents" }, "clear"));
  return filterSubmit(form, NAMES, "#/incidents");
}

function incidentRow(inc, onSelect) {
  const tr = h("tr", { "data-id": inc.id, tabindex: 0 },
    h("td", {}, when(inc) || h("span", { class: "muted" }, "unknown")),
    h("td", {}, h("a", { class: "to-incident", href: incidentHref(inc.id) }, what(inc))),
    h("td", {}, inc.place ? `${where(inc.place)} (${inc.place.precision})` : h("span", { class: "muted" }, "unplaced")),
    h("td", { class: "num killed" }, figure(inc.figures.killed)),
    h("td", { class: "num injured" }, figure(inc.figures.injured)),
    h("td", { class: "sources" }, sources(inc)),
    h("td", {}, gradeBadge(inc.grade)),
    h("td", { class: "num contradictions" }, inc.contradictions.length
      ? h("span", { title: inc.contradictions.map((c) => `${c.field}: ${c.kind}`).join("; ") }, String(inc.contradictions.length))
      : h("span", { class: "muted" }, "0")));
  tr.addEventListener("click", (event) => { if (!event.target.closest("a")) onSelect(inc); });
  return tr;
}

// The situation report of the filtered place and period (served as a page of its own).
function reportLink(params) {
  const q = new URLSearchParams();
  for (const name of ["place", "date_from", "date_to", "actor"]) if (params[name]) q.set(name, params[name]);
  return h("p", {}, h("a", { id: "report-link", class: "button", href: `/report?${q}`, target: "_blank", rel: "noopener" },
    "Report"), h("span", { class: "muted" }, " a brief on these incidents: summary, map, timeline, cited claims, contradictions, running figures."));
}

export async function renderIncidents(root, params) {
  const offset = Number(params.offset || 0);
  const query = Object.fromEntries(NAMES.map((name) => [name, params[name]]));
  const page = await api("/api/incidents", { ...query, limit: PAGE, offset });
  const incidents = page.items;
  const mapEl = h("div", { id: "incidents-map", class: "map" });
  const timelineEl = h("div", { id: "incidents-timeline", class: "timeline" });
  const body = h("tbody");
  const status = h("p", { class: "muted", id: "incidents-status" });
  root.append(
    h("section", { class: "panel" }, h("h1", {}, "Incidents"),
      h("p", { class: "muted" }, "One real-world event each, across every article that reports it. ",
        "Grades: single (one independent source), corroborated (several agree), contested (they contradict each other)."),
      filterForm(params), status, reportLink(params)),
    h("div", { class: "events-grid" },
      h("section", { class: "panel" }, h("h2", {}, "Map"), mapEl, h("p", { class: "muted legend-note" },
        "Colour shows the grade; circles grow with the number killed (best estimate, capped) and the independent sources.")),
      h("section", { class: "panel" }, h("h2", {}, "Timeline by day and sub-type"), timelineEl)),
    h("section", { class: "panel" }, h("h2", {}, "Incidents"),
      h("table", { id: "incidents-table", class: "events-table incidents-table" },
        h("thead", {}, h("tr", {}, ["Date", "What", "Place", "Killed", "Injured", "Sources", "Grade", "Contradictions"]
          .map((c) => h("th", { scope: "col" }, c)))),
        body)));

  let mapView = { select() {}, unplaced: 0 };
  let timeline = { select() {}, undated: 0 };
  const select = (inc) => {
    for (const tr of body.querySelectorAll("tr")) tr.classList.toggle("selected", tr.dataset.id === inc.id);
    mapView.select(inc);
    timeline.select(inc);
  };
  for (const inc of incidents) body.append(incidentRow(inc, select));
  const shared = { key: (inc) => inc.id, attr: "data-id", colour, onSelect: select };
  mapView = pointMap(mapEl, incidents, {
    ...shared, place: (inc) => inc.place, markerClass: (inc) => `inc-marker grade-${inc.grade}`,
    radius: (inc) => killedRadius(killedOf(inc)) + Math.min(6, inc.sources.independent),
    tooltip: (inc) => [h("strong", {}, what(inc)), h("br"), `${where(inc.place)} · ${when(inc) || "undated"}`, h("br"),
      `${inc.grade} · ${sources(inc)}`, killedOf(inc) ? ` · ${killedOf(inc)} killed` : ""],
  });
  // Rows by ACLED sub-type, one bar from each incident's first to last day, coloured by grade.
  timeline = drawTimeline(timelineEl, incidents, {
    ...shared, start: (inc) => inc.start, end: (inc) => inc.end, row: what, markClass: (inc) => `grade-${inc.grade}`,
    title: (inc) => `${when(inc)} · ${what(inc)}${inc.place ? ` · ${inc.place.name}` : ""} · ${inc.grade}, ${sources(inc)}`,
    label: "Incidents by day and sub-type", empty: "No incident here has a known day.",
  });
  const shown = `${incidents.length ? offset + 1 : 0}–${offset + incidents.length} of ${matched(page)} incident${page.total === 1 ? "" : "s"}`;
  status.textContent = `${shown}; ${mapView.unplaced} without a place are not on the map, ${timeline.undated} without a known day are not on the timeline.`;
  if (page.next || offset > 0) {
    const base = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    const link = (o, label) => { const q = new URLSearchParams(base); q.set("offset", o); return h("a", { href: `#/incidents?${q}` }, label); };
    status.append(" ", offset > 0 ? link(Math.max(0, offset - PAGE), "← previous") : "", " ", page.next ? link(offset + PAGE, "next →") : "");
  }
  const chosen = params.select && incidents.find((inc) => inc.id === params.select);
  if (chosen) {
    select(chosen);
    body.querySelector(`tr[data-id="${CSS.escape(chosen.id)}"]`).scrollIntoView({ block: "nearest" });
  }
}

// A sentence with marks (absolute spans in the document) drawn over it, cut at every boundary.
function marked(sentence, marks) {
  const [s0, s1] = sentence.span;
  const local = marks.map((m) => ({ ...m, start: Math.max(m.start, s0) - s0, end: Math.min(m.end, s1) - s0 }))
    .filter((m) => m.end > m.start);
  const cuts = [...new Set([0, sentence.text.length, ...local.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= sentence.text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const piece = sentence.text.slice(cuts[i], cuts[i + 1]);
    const covering = local.filter((m) => m.start <= cuts[i] && cuts[i + 1] <= m.end);
    out.push(covering.length
      ? h("span", { class: covering.map((m) => m.cls).join(" "), title: covering.map((m) => m.title).join("\n") }, piece)
      : piece);
  }
  return out;
}

function reportCard(report, claims, shared) {
  const head = report.header || {};
  const outlet = head.source || report.source || report.document;
  const mentions = report.mentions && report.mentions.length ? report.mentions
    : report.mention ? [{ event: report.event, trigger: report.mention.trigger, sentence: report.mention.sentence }] : [];
  const marks = [
    ...mentions.map((m) => ({ start: m.trigger.span[0], end: m.trigger.span[1], cls: `mark-trigger${m.event === report.event ? " main" : ""}`, title: `event ${m.event}` })),
    ...claims.filter((c) => c.document === report.document).map((c) => ({
      start: c.span[0], end: c.span[1], cls: `mark-figure mark-${c.field}`,
      title: `${c.field}: ${claimValue(c)}, claimed by ${c.claimant_name || "the article"}`,
    })),
  ];
  const sentences = new Map();
  for (const m of mentions) {
    const s = m.sentence || m.trigger;
    const key = s.span.join("-");
    if (!sentences.has(key)) sentences.set(key, { sentence: s, main: false });
    if (m.event === report.event) sentences.get(key).main = true;
  }
  const ordered = [...sentences.values()].sort((a, b) => a.sentence.span[0] - b.sentence.span[0]);
  return h("article", { class: "report panel", "data-document": report.document },
    h("h3", {}, h("span", { class: "outlet" }, outlet), h("span", { class: "muted" }, ` · ${report.published || "undated"}`)),
    h("p", { class: "muted origin" }, `origin: ${report.origin || "unknown"}`,
      shared > 1 ? ` (shared by ${shared} reports: they count as one independent source)` : ""),
    h("p", {}, h("a", { class: "report-title", href: readerHref(report.document, report.event) }, head.title || report.document)),
    report.header ? null : h("p", { class: "muted" }, "This article is no longer in the store."),
    ordered.map(({ sentence, main }) => h("blockquote", { class: `report-sentence${main ? " main" : ""}` }, marked(sentence, marks))));
}

// How a figure no words state was read (a claim's basis): its label and explanation.
const BASES = {
  hit_not_killed: ["shot or stabbed, not killed", "No injured figure in the article: the people it says were shot or stabbed, less those it says were killed"],
  died_since: ["less those a later article says died", "The article's injured, less the rise in the killed that an article published later gives: the wounded who died"],
};

function claimItem(c, outlets) {
  return h("li", { class: "claim-item", "data-document": c.document, "data-event": c.event },
    h("strong", { class: "claim-value" }, claimValue(c)), c.category ? ` ${c.category}` : "",
    BASES[c.basis] ? h("span", { class: "claim-basis", title: BASES[c.basis][1] }, ` (${BASES[c.basis][0]})`) : "", " — ",
    h("span", { class: "claimant" }, c.claimant_name || "the article"), ": ",
    h("q", { class: "claim-text" }, c.text ?? "?"),
    h("span", { class: "muted" }, ` · ${[outlets.get(c.document), c.document].filter(Boolean).join(" · ")} · ${c.published || "undated"} · `),
    h("a", { class: "to-reader", href: readerHref(c.document, c.event) }, "read"));
}

function figuresSection(inc, outlets) {
  const cols = ["low", "best", "high", "conservative"];
  const rows = ["killed", "injured"].map((field) => {
    const f = inc.figures[field];
    return h("tr", { "data-field": field }, h("th", { scope: "row" }, field),
      f ? cols.map((col) => h("td", { class: "num", "data-col": col }, num(f[col])))
        : h("td", { colspan: cols.length, class: "muted" }, "no figure reported"),
      h("td", { class: "num" }, f ? String(f.claims.length) : "0"));
  });
  const lists = ["killed", "injured"].filter((field) => inc.figures[field]).map((field) => [
    h("h3", {}, `${field}: ${plural(inc.figures[field].claims.length, "claim")}`),
    h("ol", { class: "figure-claims", "data-field": field }, inc.figures[field].claims.map((c) => claimItem(c, outlets)))]);
  return h("section", { class: "panel", id: "figures" }, h("h2", {}, "Figures"),
    h("table", { class: "figures-table" },
      h("thead", {}, h("tr", {}, ["", "low", "best", "high", "conservative", "claims"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows)),
    h("p", { class: "muted" }, "best: the figure most sources hold now; conservative: the lowest any source holds now; low and high: the range of every claim."),
    lists);
}

function contradictionsSection(inc, outlets) {
  const items = inc.contradictions.map((c) => h("div", { class: `contradiction kind-${c.kind}`, "data-field": c.field, "data-kind": c.kind },
    h("h3", {}, `${c.field} · ${c.kind}`, h("span", { class: "muted" }, ` — ${KINDS[c.kind] || ""}: `,
      [...new Set(c.claims.map(claimValue))].join(c.kind === "update" ? " → " : " vs "))),
    h("ol", { class: "sides" }, c.claims.map((x) => claimItem(x, outlets)))));
  return h("section", { class: "panel", id: "contradictions" }, h("h2", {}, `Contradictions (${items.length})`),
    items.length ? items : h("p", { class: "muted" }, "The reports do not contradict each other."));
}

export async function renderIncident(root, id) {
  const inc = await api(`/api/incidents/${encodeURIComponent(id)}`);
  // An article's outlet, where it has one: claims name it before the article's id.
  const outlets = new Map(inc.reports.map((r) => [r.document, (r.header && r.header.source) || r.source]));
  const names = new Map();
  for (const r of inc.reports) {
    for (const a of r.mention ? [...r.mention.actors, ...r.mention.targets] : []) names.set(a.id, a.name);
  }
  const named = (ids) => ids.map((x) => names.get(x) || x).join(", ");
  const origins = new Map();
  for (const r of inc.reports) origins.set(r.origin, (origins.get(r.origin) || 0) + 1);
  const claims = ["killed", "injured"].flatMap((field) => (inc.figures[field] ? inc.figures[field].claims.map((c) => ({ ...c, field })) : []));
  const row = (label, ...value) => h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, value));
  const place = inc.place;
  root.append(
    h("section", { class: "panel", id: "incident-head" },
      h("p", { class: "muted" }, h("a", { href: "#/incidents" }, "← all incidents")),
      h("h1", { id: "incident-title" }, `${what(inc)}${place ? ` in ${place.name}` : ""}${when(inc) ? `, ${when(inc)}` : ""}`),
      h("table", { class: "facts", id: "incident-facts" },
        row("what", [inc.type, inc.acled_event_type, inc.acled_sub_event_type].filter(Boolean).join(" › ")),
        row("when", when(inc) || "unknown"),
        row("where", place ? [`${where(place)}${place.country_code ? ` (${place.country_code})` : ""} · ${place.precision}`,
          place.lat !== null ? ` · ${place.lat.toFixed(4)}, ${place.lon.toFixed(4)} · ` : " · ",
          h("a", { href: `#/incidents?place=${encodeURIComponent(place.name)}&select=${encodeURIComponent(inc.id)}` }, "on the map")] : "unplaced"),
        inc.actors.length ? row("actors", named(inc.actors)) : null,
        inc.targets.length ? row("targets", named(inc.targets)) : null,
        row("grade", gradeBadge(inc.grade), ` ${GRADES[inc.grade] || ""}`),
        row("sources", h("span", { id: "incident-sources" },
          `${plural(inc.sources.documents, "document")} / ${inc.sources.independent} independent origin${inc.sources.independent === 1 ? "" : "s"}`)))),
    h("section", { class: "panel" }, h("h2", {}, `Reports (${inc.reports.length})`),
      h("p", { class: "muted" }, "Each report's sentences, with its event words ", h("span", { class: "mark-trigger" }, "outlined"),
        " and its figures for the ", h("span", { class: "mark-figure mark-killed" }, "killed"), " and ",
        h("span", { class: "mark-figure mark-injured" }, "injured"), " marked."),
      h("div", { id: "reports", class: "reports" }, inc.reports.map((r) => reportCard(r, claims, origins.get(r.origin))))),
    figuresSection(inc, outlets),
    contradictionsSection(inc, outlets));
}
