// The wirescope explorer: a hash router over five views. No framework, no CDN.
import { api, clear, errorBox, h, matched, snippet } from "./dom.js";
import { renderReader } from "./reader.js";
import { renderEvents } from "./events.js";
import { renderClaims } from "./claims.js";
import { renderFigures } from "./figures.js";
import { renderDirectory } from "./directory.js";
import { renderIncident, renderIncidents } from "./incidents.js";

const view = document.getElementById("view");

function route() {
  const [path, query = ""] = window.location.hash.replace(/^#/, "").split("?");
  const params = Object.fromEntries(new URLSearchParams(query));
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  let name = "documents";
  let run = () => renderDocuments(view, params);
  if (parts[0] === "doc" && parts[1]) {
    name = "documents";
    run = () => renderReader(view, parts[1], params);
  } else if (parts[0] === "events") {
    name = "events";
    run = () => renderEvents(view, params);
  } else if (parts[0] === "directory") {
    name = "directory";
    run = () => renderDirectory(view, params);
  } else if (parts[0] === "incidents") {
    name = "incidents";
    run = () => renderIncidents(view, params);
  } else if (parts[0] === "incident" && parts[1]) {
    name = "incidents";
    run = () => renderIncident(view, parts[1]);
  } else if (parts[0] === "claims") {
    name = "claims";
    run = () => renderClaims(view, params);
  } else if (parts[0] === "figures") {
    name = "figures";
    run = () => renderFigures(view, params);
  }
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.classList.toggle("active", a.dataset.nav === name);
  }
  clear(view);
  view.dataset.view = parts[0] || "documents";
  run().catch((error) => view.append(errorBox(error)));
}

async function renderDocuments(root, params) {
  const q = params.q || "";
  const input = h("input", {
    id: "search", type: "search", name: "q", value: q, placeholder: "Search articles (e.g. Rudskoy, “air strike”)",
    "aria-label": "Search articles",
  });
  const form = h("form", { class: "searchbar", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = input.value.trim() ? `#/?q=${encodeURIComponent(input.value.trim())}` : "#/";
  });
  const list = h("ol", { id: "documents", class: "documents" });
  const summary = h("p", { class: "muted" });
  root.append(h("section", { class: "panel" }, h("h1", {}, q ? "Search" : "Articles"), form, summary, list));
  const offset = Number(params.offset || 0);
  const page = await api("/api/documents", { q, limit: 50, offset });
  summary.textContent = q
    ? `${matched(page)} article${page.total === 1 ? "" : "s"} match “${q}”`
    : `${matched(page)} article${page.total === 1 ? "" : "s"} in the store`;
  for (const doc of page.items) {
    const counts = doc.counts || {};
    list.append(h("li", { class: "document", "data-id": doc.id },
      h("a", { class: "doc-link", href: `#/doc/${encodeURIComponent(doc.id)}` }, doc.title || doc.id),
      h("span", { class: "muted" }, ` · ${doc.published || "date unknown"}`),
      doc.snippet ? h("p", { class: "snippet" }, snippet(doc.snippet)) : null,
      h("p", { class: "counts muted" },
        `${counts.events ?? 0} events · ${counts.quotes ?? 0} claims · ${counts.entities ?? 0} actors · `
        + `${counts.places ?? 0} places · ${counts.times ?? 0} times`)));
  }
  if (page.next || offset > 0) {
    const nav = h("p", { class: "pager" });
    if (offset > 0) nav.append(h("a", { href: `#/?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - 50)}` }, "← previous"), " ");
    if (page.next) nav.append(h("a", { href: `#/?q=${encodeURIComponent(q)}&offset=${offset + 50}` }, "next →"));
    root.append(nav);
  }
}

async function storeInfo() {
  try {
    const health = await api("/api/health");
    const c = health.counts;
    document.getElementById("store-info").textContent =
      `${c.documents} articles · ${c.events} events · ${c.quotes} claims · v${health.version}`;
  } catch (error) {
    document.getElementById("store-info").textContent = `store unavailable: ${error.message}`;
  }
}

window.addEventListener("hashchange", route);
storeInfo();
route();
