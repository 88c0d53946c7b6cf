// The article reader: the text with every extraction highlighted, and a panel that explains
// the one clicked — its normalised value, precision, type, claim and extractor.
import { api, describeQuantity, describeVia, h } from "./dom.js";

const KINDS = ["claim", "entity", "place", "time", "event", "tally"];
const LABELS = { claim: "Claims", entity: "Actors", place: "Places", time: "Times", event: "Events", tally: "Running totals" };
// When spans nest, a click explains the most specific item first.
const PRIORITY = { event: 0, tally: 0, time: 1, place: 2, entity: 3, claim: 4 };

// Every highlighted item of a document: kind, id, span and the data the panel shows.
function annotations(doc) {
  const items = [];
  for (const e of doc.entities) for (const [s, t] of e.mentions) items.push({ kind: "entity", id: e.id, start: s, end: t, data: e });
  for (const p of doc.places) for (const [s, t] of p.mentions) items.push({ kind: "place", id: p.id, start: s, end: t, data: p });
  for (const t of doc.times) items.push({ kind: "time", id: t.id, start: t.span[0], end: t.span[1], data: t });
  for (const q of doc.quotes) items.push({ kind: "claim", id: q.id, start: q.span[0], end: q.span[1], data: q });
  for (const e of doc.event_views) items.push({ kind: "event", id: e.id, start: e.trigger.span[0], end: e.trigger.span[1], data: e });
  for (const t of doc.tallies || []) items.push({ kind: "tally", id: t.id, start: t.span[0], end: t.span[1], data: t });
  return items.filter((a) => a.end > a.start);
}

// The text cut at every span boundary; each piece knows the items covering it.
function segments(text, items) {
  const cuts = new Set([0, text.length]);
  for (const a of items) { cuts.add(a.start); cuts.add(a.end); }
  const bounds = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    out.push({ start, end, covering: items.filter((a) => a.start <= start && end <= a.end) });
  }
  return out;
}

function row(label, ...value) {
  const shown = value.filter((v) => v !== null && v !== undefined && v !== "");
  if (!shown.length) return null;
  return h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, shown));
}

function quoted(text) {
  return h("q", {}, text);
}

function eventLinkTo(ev) {
  return `#/events?document=${encodeURIComponent(ev.document_id)}&select=${encodeURIComponent(ev.id)}`;
}

// The claim a tally is reported in, and its speaker's name (the actor's, else as written).
function claimant(tally, doc, index) {
  const quote = doc.quotes.find((q) => q.id === tally.attributed_to) || null;
  const speaker = quote ? index.entities.get(quote.speaker) : null;
  return { quote, name: speaker ? speaker.name : quote ? quote.speaker_text || null : null };
}

function explain(item, doc, index) {
  const d = item.data;
  const surface = doc.text.slice(item.start, item.end);
  const rows = [row("text", quoted(surface)), row("span", `${item.start}–${item.end}`)];
  if (item.kind === "entity") {
    rows.push(row("name", d.name), row("type", d.type), row("actor type", d.actor_type),
      row("role", d.role), row("country", d.country), row("id", d.id),
      row("mentions", String(d.mentions.length)));
  } else if (item.kind === "place") {
    rows.push(row("name", d.name), row("written", d.raw_name), row("precision", d.precision),
      row("ACLED geo-precision", d.geo_precision), row("governorate / region", d.admin1),
      row("country", d.country_code),
      row("coordinates", d.lat !== null ? `${d.lat.toFixed(4)}, ${d.lon.toFixed(4)}` : "unresolved"),
      row("resolved via", d.resolved_via), row("GeoNames id", d.geonameid));
  } else if (item.kind === "time") {
    rows.push(row("value", d.value), row("start", d.start), row("end", d.end),
      row("precision", d.precision), row("anchor", d.anchor),
      row("partial", d.partial ? "yes — the year (or more) is not known" : null));
  } else if (item.kind === "claim") {
    const speaker = index.entities.get(d.speaker);
    rows.push(row("speaker", speaker ? speaker.name : d.speaker),
      row("speaker as written", d.speaker_span ? quoted(doc.text.slice(...d.speaker_span)) : null),
      row("kind", d.kind), row("cue", d.cue), row("polarity", d.polarity), row("strength", d.strength));
    const linked = doc.event_views.filter((e) => e.claim && e.claim.id === d.id);
    if (linked.length) {
      rows.push(row("events claimed", h("ul", {}, linked.map((e) => h("li", {},
        h("a", { href: "#", "data-show": e.id, class: "show-event" }, `${e.type} “${e.trigger.text}”`),
        e.quantities.length ? ` — ${e.quantities.map(describeQuantity).join("; ")}` : "")))));
    }
  } else if (item.kind === "event") {
    const names = (xs) => xs.map((x) => x.name).join(", ");
    rows.push(row("type", d.type, d.mode ? ` / ${d.mode}` : ""),
      row("ACLED", [d.acled_event_type, d.acled_sub_event_type].filter(Boolean).join(" › ")),
      row("typed by", d.via ? h("code", { class: "via" }, d.via) : null, d.via ? ` — ${describeVia(d.via)}` : ""),
      row("factuality", d.factuality), row("actors", names(d.actors)), row("targets", names(d.targets)),
      row("place", d.place ? `${d.place.name} (${d.place.precision}${d.place.admin1 ? `, ${d.place.admin1}` : ""})` : null,
        d.place_from ? ` (its own words name none: taken from ${d.place_from}, the operation it happened during or another telling of the incident)` : ""),
      row("time", d.time ? `${d.time.text} → ${d.time.start || d.time.value}` : null,
        d.time_inherited ? " (inherited from the article's anchor)" : ""),
      row("date on timeline", d.date ? `${d.date} (${d.date_source})` : "unknown"),
      row("numbers", d.quantities.length ? h("ul", {}, d.quantities.map((q) => h("li", {}, describeQuantity(q), " — ", quoted(q.text)))) : null),
      row("claimed by", d.claim ? `${d.claim.speaker ? d.claim.speaker.name : d.claim.speaker_text || "unnamed"} (${d.claim.cue || "quote"})` : "the article itself"),
      row("sentence", d.sentence ? quoted(d.sentence.text) : null));
  } else if (item.kind === "tally") {
    const { quote, name } = claimant(d, doc, index);
    const who = name || (quote ? "an unnamed source" : null);
    rows.push(row("what it is", "a running total or a toll of several incidents: counted in no incident"),
      row("type", d.type, d.mode ? ` / ${d.mode}` : ""),
      row("numbers", d.quantities.length ? h("ul", {}, d.quantities.map((q) => h("li", {}, describeQuantity(q), " — ", quoted(doc.text.slice(...q.span))))) : null),
      row("claimed by", who ? `${who} (${quote.cue || "quote"})` : "the article itself"),
      row("sentence", d.sentence ? quoted(doc.text.slice(...d.sentence)) : null));
  }
  if (item.kind !== "claim" && item.kind !== "event" && item.kind !== "tally") {  // they say "claimed by"
    // The innermost claim whose words hold this item: who says it.
    const holding = doc.quotes
      .filter((q) => q.span[0] <= item.start && item.end <= q.span[1])
      .sort((a, b) => (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]))[0];
    if (holding) {
      const speaker = index.entities.get(holding.speaker);
      const who = speaker ? speaker.name : holding.speaker_span ? doc.text.slice(...holding.speaker_span) : "an unnamed source";
      rows.push(row("in the claim of", h("a", { href: "#", class: "show-claim", "data-claim": holding.id }, who),
        ` (${holding.cue || holding.kind}, ${holding.id})`));
    } else {
      rows.push(row("in the claim of", h("span", { class: "muted" }, "none — the article's own words")));
    }
  }
  rows.push(row("extractor", h("code", {}, d.extractor || "?")));
  const panel = [
    h("h2", {}, `${item.kind === "tally" ? "running total" : item.kind} · ${d.name || d.type || d.text || d.id}`),
    h("table", { class: "facts" }, rows),
  ];
  if (item.kind === "tally") {
    const { name } = claimant(d, doc, index);
    if (name) {
      panel.push(h("p", {}, h("a", { id: "to-figures", class: "button", href: `#/figures?speaker=${encodeURIComponent(name)}` },
        "This claimant's running figures")));
    }
  }
  if (item.kind === "event") {
    panel.push(h("p", {}, h("a", { id: "show-on-map", class: "button", href: eventLinkTo(d) },
      "Show on the map and timeline"), d.incident ? [" ", h("a", { id: "to-incident", class: "button",
      href: `#/incident/${encodeURIComponent(d.incident)}` }, "Every report of this incident")] : null));
  }
  return panel;
}

export async function renderReader(root, id, params) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const items = annotations(doc);
  const focus = params.event ? doc.event_views.find((e) => e.id === params.event) : null;
  if (focus && focus.sentence) {
    // The sentence the events table linked to: shaded, not clickable.
    items.push({ kind: "focus", id: focus.id, start: focus.sentence.span[0], end: focus.sentence.span[1], data: focus });
  }
  const index = { entities: new Map(doc.entities.map((e) => [e.id, e])) };
  const text = h("div", { id: "article", class: "article", lang: "en" });
  const details = h("aside", { id: "details", class: "details" },
    h("p", { class: "muted" }, "Click a highlighted word to see what was extracted, how sure, and by which extractor."));
  const hidden = new Set();
  const legend = h("div", { class: "legend" }, KINDS.map((kind) => {
    const box = h("input", { type: "checkbox", checked: true, "data-kind": kind });
    box.addEventListener("change", () => {
      text.classList.toggle(`hide-${kind}`, !box.checked);
      if (box.checked) hidden.delete(kind); else hidden.add(kind);
    });
    const count = kind === "claim" ? doc.quotes.length : kind === "event" ? doc.event_views.length
      : kind === "tally" ? (doc.tallies || []).length
      : kind === "entity" ? doc.entities.length : kind === "place" ? doc.places.length : doc.times.length;
    return h("label", { class: `key key-${kind}` }, box, ` ${LABELS[kind]} (${count})`);
  }));

  function show(item) {
    for (const el of text.querySelectorAll(".selected")) el.classList.remove("selected");
    for (const el of text.querySelectorAll(`[data-${item.kind}~="${CSS.escape(item.id)}"]`)) el.classList.add("selected");
    details.replaceChildren(...explain(item, doc, index));
    for (const link of details.querySelectorAll(".show-claim")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const claim = items.find((a) => a.kind === "claim" && a.id === link.dataset.claim);
        if (claim) show(claim);
      });
    }
    for (const link of details.querySelectorAll(".show-event")) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        const ev = items.find((a) => a.kind === "event" && a.id === link.dataset.show);
        if (ev) show(ev);
      });
    }
  }

  for (const seg of segments(doc.text, items)) {
    const piece = doc.text.slice(seg.start, seg.end);
    if (!seg.covering.length) { text.append(document.createTextNode(piece)); continue; }
    const kinds = new Set(seg.covering.map((a) => a.kind));
    const span = h("span", { class: [...kinds].map((k) => `hl hl-${k}`).join(" ") }, piece);
    for (const kind of kinds) {
      span.setAttribute(`data-${kind}`, seg.covering.filter((a) => a.kind === kind).map((a) => a.id).join(" "));
    }
    span.addEventListener("click", () => {
      const visible = seg.covering.filter((a) => a.kind !== "focus" && !hidden.has(a.kind));
      if (!visible.length) return;
      visible.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.end - a.start) - (b.end - b.start));
      show(visible[0]);
    });
    text.append(span);
  }

  const incidents = new Set(doc.event_views.map((e) => e.incident).filter(Boolean)).size;
  root.append(
    h("section", { class: "panel reader-head" },
      h("h1", { id: "doc-title" }, doc.title || doc.id),
      h("p", { class: "muted" }, `${doc.id} · published ${doc.published || "unknown"}${doc.source ? ` · ${doc.source}` : ""}`,
        doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "source")] : null),
      legend,
      h("p", {}, h("a", { href: `#/events?document=${encodeURIComponent(doc.id)}` }, `Events of this article on the map (${doc.event_views.length})`),
        " · ", h("a", { href: `#/claims?document=${encodeURIComponent(doc.id)}` }, `Claims board (${doc.quotes.length})`),
        incidents ? [" · ", h("a", { href: `#/incidents?document=${encodeURIComponent(doc.id)}` }, `Incidents it reports (${incidents})`)] : null),
      (doc.notes || []).length ? h("ul", { id: "doc-notes", class: "muted" }, doc.notes.map((n) =>
        h("li", {}, `[${n.code}] ${n.span ? `characters ${n.span[0]}–${n.span[1]}: ` : ""}${n.message}`))) : null),
    h("div", { class: "reader" }, text, details));

  if (focus) {
    const ev = items.find((a) => a.kind === "event" && a.id === focus.id);
    show(ev);
    const first = text.querySelector(`[data-event~="${CSS.escape(ev.id)}"]`);
    if (first) first.scrollIntoView({ block: "center" });
  }
}
