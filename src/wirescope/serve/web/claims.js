// The claims board: per speaker, what they claim, with the events and numbers in each claim.
import { api, describeQuantity, h, keyOf, matched, sentenceHref } from "./dom.js";

const PAGE = 200;

// The board's own parameters: what the URL after #/claims? may set.
const KEYS = ["speaker", "document", "date_from", "date_to", "order", "place", "topic"];

function boardHref(params, changes) {
  const q = new URLSearchParams();
  for (const key of [...KEYS, "offset"]) {
    const value = key in changes ? changes[key] : params[key];
    if (value !== undefined && value !== null && value !== "" && value !== 0) q.set(key, String(value));
  }
  return `#/claims?${q}`;
}

export async function renderClaims(root, params) {
  const offset = Number(params.offset || 0);
  const page = await api("/api/claims", {
    speaker: params.speaker, document: params.document, date_from: params.date_from,
    date_to: params.date_to, order: params.order, place: params.place, topic: params.topic,
    limit: PAGE, offset });
  const input = h("input", { name: "speaker", value: params.speaker || "", placeholder: "Speaker (e.g. Rudskoy)", "aria-label": "Speaker" });
  const from = h("input", { name: "date_from", value: params.date_from || "", placeholder: "From (YYYY-MM-DD)", "aria-label": "From" });
  const to = h("input", { name: "date_to", value: params.date_to || "", placeholder: "To (YYYY-MM-DD)", "aria-label": "To" });
  const place = h("input", { name: "place", value: params.place || "", placeholder: "Place", "aria-label": "Place" });
  const topic = h("input", { name: "topic", value: params.topic || "", placeholder: "Topic (words or event type)", "aria-label": "Topic" });
  const order = h("select", { name: "order", "aria-label": "Order" },
    h("option", { value: "speaker" }, "by speaker"), h("option", { value: "date" }, "by date"));
  order.value = params.order === "date" ? "date" : "speaker";
  const form = h("form", { class: "searchbar", id: "claim-filters" }, input, place, topic, from, to, order, h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = boardHref(params, {
      speaker: input.value.trim(), place: place.value.trim(), topic: topic.value.trim(),
      date_from: from.value.trim(), date_to: to.value.trim(),
      order: order.value === "date" ? "date" : "", offset: 0 });
  });
  const last = Math.max(0, Math.floor((page.total - 1) / PAGE) * PAGE);
  const pager = h("nav", { class: "pager", "aria-label": "Pages of claims" },
    offset > 0 ? h("a", { href: boardHref(params, { offset: 0 }), class: "first" }, "« first") : null,
    offset > 0 ? h("a", { href: boardHref(params, { offset: Math.max(0, offset - PAGE) }), class: "previous" }, "‹ previous") : null,
    page.next ? h("a", { href: boardHref(params, { offset: offset + PAGE }), class: "next" }, "next ›") : null,
    page.next && page.total_exact !== false ? h("a", { href: boardHref(params, { offset: last }), class: "last" }, "last »") : null);
  const groups = new Map();
  for (const claim of page.items) {
    const key = claim.speaker ? claim.speaker.id : `unresolved:${claim.speaker_text ? claim.speaker_text.text : ""}`;
    if (!groups.has(key)) groups.set(key, { speaker: claim.speaker, written: claim.speaker_text, claims: [] });
    groups.get(key).claims.push(claim);
  }
  const board = h("div", { id: "claims-board", class: "board" });
  const sorted = [...groups.values()].sort((a, b) => b.claims.length - a.claims.length);
  for (const group of sorted) {
    const name = group.speaker ? group.speaker.name : (group.written ? group.written.text : "no speaker found");
    board.append(h("section", { class: "panel speaker", "data-speaker": group.speaker ? group.speaker.id : "" },
      h("h2", {}, name, h("span", { class: "muted" }, ` · ${group.claims.length} claim${group.claims.length === 1 ? "" : "s"}`,
        group.speaker && group.speaker.type ? ` · ${group.speaker.type}` : "")),
      h("ol", { class: "claims" }, group.claims.map((c) => h("li", { class: "claim", "data-key": keyOf(c) },
        h("blockquote", {}, c.content.text),
        h("p", { class: "muted" }, `${c.cue || c.kind}`, c.speaker_text ? [" — as ", h("q", {}, c.speaker_text.text)] : "",
          ` · ${c.polarity || ""} ${c.strength || ""} · `,
          c.day ? h("time", { datetime: c.day, title: c.day_via === "claim" ? "the day the claim was made" : "the article's publication day" }, `${c.day} · `) : "",
          h("a", { href: `#/doc/${encodeURIComponent(c.document_id)}` }, c.document_id)),
        c.events.length ? h("ul", { class: "claim-events" }, c.events.map((ev) => h("li", {},
          h("a", { href: sentenceHref(ev) },
            `${ev.type}${ev.acled_sub_event_type ? ` (${ev.acled_sub_event_type})` : ""} “${ev.trigger.text}”`),
          ` · ${ev.factuality}`, ev.place ? ` · ${ev.place.name}` : "", ev.date ? ` · ${ev.date}` : "",
          ev.quantities.length ? ` · ${ev.quantities.map(describeQuantity).join("; ")}` : ""))) : null)))));
  }
  root.append(h("section", { class: "panel" }, h("h1", {}, "Claims board"), form,
    h("p", { class: "muted" }, `${matched(page)} claims${params.document ? ` in ${params.document}` : ""}; showing ${page.items.length} from ${offset + 1}.`),
    pager),
    board);
}
