// DOM helpers. Every string from an article or the API goes into the page as a text node
// (textContent / createTextNode) or an attribute set with setAttribute — never as HTML — so a
// hostile article cannot run script.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function svg(tag, attrs = {}) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// A search snippet with matches marked "[like this]" as text with <mark> elements.
export function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(last, m.index), h("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const error = body && body.error ? body.error : { message: response.statusText };
    throw new Error(`${error.message}${error.detail ? ` (${JSON.stringify(error.detail)})` : ""}`);
  }
  return body;
}

export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, String(error.message || error));
}

// How many a listing matched: "10,000 or more" when the server stopped counting at its cap.
export function matched(page) {
  return page.total_exact === false ? `${page.total.toLocaleString("en")} or more` : String(page.total);
}

// One item across the store: an event or claim id is unique only within its document.
export function keyOf(item) {
  return `${item.document_id}/${item.id}`;
}

// The article reader, scrolled to an event's sentence and shading it.
export function sentenceHref(ev) {
  return `#/doc/${encodeURIComponent(ev.document_id)}?event=${encodeURIComponent(ev.id)}`;
}

export function fmtNumber(q) {
  if (q.value !== null && q.value !== undefined) return String(q.value);
  if (q.low !== null && q.high !== null) return `${q.low}–${q.high}`;
  if (q.low !== null) return `≥${q.low}`;
  if (q.high !== null) return `≤${q.high}`;
  return "?";
}

// What the typing rule named in an event's `via` means, in a coder's words.
const VIA = {
  sense: (x) => `the trigger word's sense (${x})`,
  weapon: (x) => `the weapon named around it (${x})`,
  grenade: () => "a grenade was named",
  aerial: () => "a government's bombing, raid or strike comes from the air",
  territory: (x) => (x === "regain" ? "ground retaken" : `ground taken, by a ${x.replace("_", "-")} actor`),
  abduction: () => "people were taken",
  victims: (x) => (x === "civilian" ? "an attack on civilians" : "force used on protesters"),
  clash: () => "a battle or firefight between armed sides",
  commissive: (x) => (x === "threat" ? "a promise of violence: a threat" : "a promise"),
  content: () => "what is threatened or asked for",
  protesters: () => "coercion of protesters",
  mobilize: (x) => `a mobilisation of ${x}`,
  withdraw: () => "a withdrawal from territory",
  block: () => "a blockade by unarmed people: a protest",
  threatened: () => "retyped: the act is threatened, not done",
  planned: (x) => `retyped: a planned act (${x})`,
  refusal: () => "retyped: a negated acceptance is a refusal",
  antecedent: () => "the attack this report refers back to",
};

export function describeVia(via) {
  const cut = via.indexOf(":");
  const [rule, detail] = cut < 0 ? [via, ""] : [via.slice(0, cut), via.slice(cut + 1)];
  return VIA[rule] ? VIA[rule](detail) : "";
}

export function describeQuantity(q) {
  return [q.qualifier, fmtNumber(q), q.unit, q.category ? `(${q.category})` : null]
    .filter(Boolean).join(" ");
}

// The offline Natural Earth country outlines, fetched once per page load.
let basemap = null;

export function countries() {
  if (!basemap) {
    basemap = fetch("vendor/countries.geojson").then((r) => {
      if (!r.ok) throw new Error("basemap missing: run `make web` to build the front-end files");
      return r.json();
    });
  }
  return basemap;
}
