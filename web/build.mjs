// Build step of the web app: copy the front-end libraries installed from npm (Leaflet,
// Swagger UI, uPlot) into the Python package (src/wirescope/serve/web/vendor/, not committed) and
// turn the Natural Earth country outlines (world-atlas, 1:50m) into GeoJSON for the offline
// basemap. No CDN at run time.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "wirescope", "serve", "web", "vendor");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const leaflet = join(modules, "leaflet", "dist");
copyFileSync(join(leaflet, "leaflet.js"), join(out, "leaflet.js"));
copyFileSync(join(leaflet, "leaflet.css"), join(out, "leaflet.css"));
cpSync(join(leaflet, "images"), join(out, "images"), { recursive: true });

// Swagger UI for the API's browsable docs (/api/docs), served here instead of from a CDN.
const swagger = join(modules, "swagger-ui-dist");
copyFileSync(join(swagger, "swagger-ui-bundle.js"), join(out, "swagger-ui-bundle.js"));
copyFileSync(join(swagger, "swagger-ui.css"), join(out, "swagger-ui.css"));

// uPlot for the figures view's line charts.
const uplot = join(modules, "uplot", "dist");
copyFileSync(join(uplot, "uPlot.iife.min.js"), join(out, "uPlot.iife.min.js"));
copyFileSync(join(uplot, "uPlot.min.css"), join(out, "uPlot.min.css"));

const atlas = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json"), "utf8"));
const countries = feature(atlas, atlas.objects.countries);
// Round coordinates to ~100 m: plenty for a basemap, a third of the size.
const round = (c) => (typeof c[0] === "number" ? c.map((v) => Math.round(v * 1000) / 1000) : c.map(round));
for (const f of countries.features) f.geometry.coordinates = round(f.geometry.coordinates);
writeFileSync(join(out, "countries.geojson"), JSON.stringify(countries));

const versions = Object.fromEntries(
  ["leaflet", "swagger-ui-dist", "topojson-client", "uplot", "world-atlas"].map((name) => [
    name, JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version,
  ]),
);
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify({
  ...versions,
  basemap: "Natural Earth 1:50m admin-0 countries, via world-atlas (public domain)",
}, null, 2));
console.log(`web vendor files written to ${out}`, versions);
