// The claims board: per speaker, what they claim, with the events and numbers in each claim.
import { api, describeQuantity, h, keyOf, sentenceHref } from "./dom.js";

const PAGE = 200;

export async function renderClaims(root, params) {
  const offset = Number(params.offset || 0);
  const page = await api("/api/claims", { speaker: params.speaker, document: params.document, limit: PAGE, offset });
  const input = h("input", { name: "speaker", value: params.speaker || "", placeholder: "Speaker (e.g. Rudskoy)", "aria-label": "Speaker" });
  const form = h("form", { class: "searchbar" }, input, h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (input.value.trim()) q.set("speaker", input.value.trim());
    if (params.document) q.set("document", params.document);
    window.location.hash = `#/claims?${q}`;
  });
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
          h("a", { href: `#/doc/${encodeURIComponent(c.document_id)}` }, c.document_id)),
        c.events.length ? h("ul", { class: "claim-events" }, c.events.map((ev) => h("li", {},
          h("a", { href: sentenceHref(ev) },
            `${ev.type}${ev.acled_sub_event_type ? ` (${ev.acled_sub_event_type})` : ""} “${ev.trigger.text}”`),
          ` · ${ev.factuality}`, ev.place ? ` · ${ev.place.name}` : "", ev.date ? ` · ${ev.date}` : "",
          ev.quantities.length ? ` · ${ev.quantities.map(describeQuantity).join("; ")}` : ""))) : null)))));
  }
  root.append(h("section", { class: "panel" }, h("h1", {}, "Claims board"), form,
    h("p", { class: "muted" }, `${page.total} claims${params.document ? ` in ${params.document}` : ""}; showing ${page.items.length} from ${offset + 1}.`)),
    board);
}
