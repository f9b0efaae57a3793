// A world map with every region (ISO 3166-1 alpha-2 country) coloured by its impact now. Colour is
// never the only signal: impacted countries also get a hatch pattern and a title, and the list
// beside the map says the same in words.
import { s, h } from "./dom.js";
import { stateLabel } from "./format.js";

let world = null;

async function shapes() {
  if (!world) world = fetch("/assets/vendor/world-110m.json").then((r) => r.json());
  return world;
}

export async function worldMap(regions) {
  const { width, height, countries } = await shapes();
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": "map-title",
    class: "map",
    id: "map",
  });
  svg.append(s("title", { id: "map-title" }, describe(regions)));
  svg.append(
    s("defs", {},
      s("pattern", { id: "hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
        s("rect", { width: 6, height: 6, class: "hatch-ground" }),
        s("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }))));
  for (const [code, country] of Object.entries(countries)) {
    const impact = regions[code];
    const path = s("path", {
      d: country.d,
      class: impact ? `country impact-${impact.state}` : "country",
      "data-region": code,
      "data-state": impact ? impact.state : "operational",
    });
    if (impact) {
      path.append(s("title", {}, `${country.name}: ${stateLabel(impact.state).label} — ${impact.services.join(", ")}`));
    }
    svg.append(path);
  }
  return svg;
}

function describe(regions) {
  const codes = Object.keys(regions);
  return codes.length === 0
    ? "World map: no region is affected now."
    : `World map: affected regions ${codes.map((c) => `${c} (${regions[c].state})`).join(", ")}.`;
}

export function regionList(regions) {
  const codes = Object.keys(regions);
  if (codes.length === 0) return h("p", { class: "quiet" }, "No region is affected now.");
  return h("ul", { class: "region-list", "aria-label": "Affected regions" },
    codes.map((code) =>
      h("li", { "data-region": code },
        h("span", { class: `badge ${regions[code].state}` }, stateLabel(regions[code].state).icon, " ", stateLabel(regions[code].state).label),
        ` ${code}: ${regions[code].services.join(", ")}`)));
}
