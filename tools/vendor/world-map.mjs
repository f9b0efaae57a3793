// Builds service/src/main/resources/status-page/vendor/world-110m.json, the status page's map, once,
// by hand (the page itself needs no build step): Natural Earth's 1:110m countries as packaged by the
// world-atlas npm package (TopoJSON), decoded with topojson-client, projected equirectangular onto a
// 1000 × 500 box and written as one SVG path per country keyed by ISO 3166-1 alpha-2 (the pipeline's
// region codes), using the alpha-2 ↔ numeric table of i18n-iso-countries.
//
//   mkdir /tmp/vend && cd /tmp/vend && npm pack world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
//   for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   node /path/to/tools/vendor/world-map.mjs /tmp/vend > service/src/main/resources/status-page/vendor/world-110m.json
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const from = process.argv[2];
const require = createRequire(import.meta.url);
const topojson = require(`${from}/topojson-client-3.1.0/package/dist/topojson-client.js`);
const world = JSON.parse(readFileSync(`${from}/world-atlas-2.0.2/package/countries-110m.json`));
const codes = JSON.parse(readFileSync(`${from}/i18n-iso-countries-7.14.0/package/codes.json`));
const alpha2ByNumeric = Object.fromEntries(codes.map(([alpha2, , numeric]) => [numeric, alpha2]));

const x = (lon) => ((lon + 180) * 1000) / 360;
const y = (lat) => ((90 - lat) * 500) / 180;
// A ring that crosses the antimeridian (Russia, Fiji) jumps across the whole map between two
// points: a new subpath starts there instead, so no stroke is drawn across the world.
const ring = (points) => {
  let d = "";
  points.forEach(([lon, lat], i) => {
    const jump = i > 0 && Math.abs(lon - points[i - 1][0]) > 180;
    d += (i === 0 || jump ? "M" : "L") + `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`;
  });
  return d + "Z";
};

const countries = {};
for (const feature of topojson.feature(world, world.objects.countries).features) {
  const code = alpha2ByNumeric[feature.id];
  if (!code) continue; // disputed areas without an ISO code (e.g. N. Cyprus, Somaliland)
  const polygons =
    feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  countries[code] = { name: feature.properties.name, d: polygons.flat().map(ring).join("") };
}
process.stdout.write(
  JSON.stringify({
    source: "Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2",
    width: 1000,
    height: 500,
    countries,
  }) + "\n",
);
