// The figures view: each claimant's running figures as a line over the days they were given
// (uPlot, offline), every point linked to its sentence, the checks listed beside the chart.
import { api, h, sentenceHref } from "./dom.js";

const DAY = 86400;

const seconds = (day) => Date.parse(`${day}T00:00:00Z`) / 1000;

// A point's sentence: the reader at the event that holds its count.
const pointHref = (p) => sentenceHref({ document_id: p.document_id, id: p.event });

// A click on the chart opens the sentence of the point under the cursor.
function chart(el, points) {
  const dated = points.filter((p) => p.day);
  if (!window.uPlot || dated.length === 0) return null;
  const xs = dated.map((p) => seconds(p.day));
  const ys = dated.map((p) => p.value);
  const width = Math.max(320, Math.min(720, el.clientWidth || 640));
  // One point alone still gets a visible span of days around it.
  const lo = Math.min(...xs) - (xs.length > 1 ? 0 : 3 * DAY);
  const hi = Math.max(...xs) + (xs.length > 1 ? 0 : 3 * DAY);
  return new window.uPlot({
    width, height: 180,
    scales: { x: { time: true, range: [lo, hi] }, y: { range: (_, min, max) => [0, Math.max(max * 1.15, 1)] } },
    series: [{}, { label: "figure", stroke: "#b03a2e", width: 2, points: { show: true, size: 8 } }],
    axes: [{}, { size: 60 }],
    legend: { show: false },
    hooks: { ready: [(u) => u.over.addEventListener("click", () => {
      const i = u.cursor.idx;
      if (i !== null && i !== undefined && dated[i]) window.location.hash = pointHref(dated[i]);
    })] },
  }, [xs, ys], el);
}

function pointItem(p) {
  const words = p.count ? p.count.text : String(p.value);
  const when = p.day ? `${p.day}${p.day_via === "published" ? " (published)" : ""}` : "undated";
  return h("li", { class: "point", "data-day": p.day || "" },
    h("span", { class: "num" }, p.value.toLocaleString("en")), ` · ${when} · `,
    h("a", { class: "to-sentence", href: pointHref(p) }, `“${words}”`),
    p.since ? ` · since “${p.since.text}”` : "");
}

function flagItem(f) {
  return h("li", { class: `flag ${f.holds ? "holds" : "fails"}`, "data-kind": f.kind },
    h("strong", {}, f.holds ? "✓ " : "⚠ "), `${f.kind.replace("_", " ")}: ${f.message}`);
}

export async function renderFigures(root, params) {
  const page = await api("/api/figures", { speaker: params.speaker, measure: params.measure, limit: 200 });
  const speaker = h("input", { name: "speaker", value: params.speaker || "", placeholder: "Claimant (e.g. Rudskoy)", "aria-label": "Claimant" });
  const measure = h("input", { name: "measure", value: params.measure || "", placeholder: "Measure (e.g. settlements)", "aria-label": "Measure" });
  const form = h("form", { class: "searchbar", id: "figure-filters" }, speaker, measure, h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (speaker.value.trim()) q.set("speaker", speaker.value.trim());
    if (measure.value.trim()) q.set("measure", measure.value.trim());
    window.location.hash = `#/figures?${q}`;
  });
  const list = h("div", { id: "figure-series", class: "board" });
  const charts = [];
  for (const s of page.items) {
    const plot = h("div", { class: "figure-chart" });
    const who = s.claimant.name || s.claimant.id || "unattributed";
    list.append(h("section", { class: "panel series", "data-measure": s.measure, "data-claimant": s.claimant.id || "" },
      h("h2", {}, `${who} — ${s.measure}`,
        h("span", { class: "muted" }, `${s.scope ? ` · ${s.scope}` : ""}${s.since ? ` · since ${s.since}` : ""}${s.cumulative ? " · running total" : ""}`)),
      plot,
      h("ol", { class: "points" }, s.points.map(pointItem)),
      s.flags.length ? h("ul", { class: "flags" }, s.flags.map(flagItem)) : null));
    charts.push([plot, s.points]);
  }
  root.append(h("section", { class: "panel" }, h("h1", {}, "Figures"), form,
    h("p", { class: "muted" }, `${page.total} series of running figures (what each claimant says a total stands at, by the day it was said).`)),
    list);
  for (const [plot, points] of charts) chart(plot, points);
}
