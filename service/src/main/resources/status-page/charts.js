// Small SVG charts drawn by hand: reports per window against the baseline band, sentiment over
// time, and the 90-day history bar. Each has a text alternative.
import { s, h } from "./dom.js";
import { when } from "./format.js";

const W = 720;
const H = 160;

export function reportsChart(points) {
  if (points.length === 0) return h("p", { class: "quiet" }, "No report windows in the last 24 hours.");
  const max = Math.max(1, ...points.map((p) => Math.max(p.reports, p.high)));
  const x = (i) => (points.length === 1 ? W / 2 : (i * W) / (points.length - 1));
  const y = (v) => H - (v * (H - 10)) / max;
  const band =
    points.map((p, i) => `${x(i).toFixed(1)},${y(p.high).toFixed(1)}`).join(" ") +
    " " +
    points.map((p, i) => `${x(i).toFixed(1)},${y(p.low).toFixed(1)}`).reverse().join(" ");
  const peak = points.reduce((a, b) => (b.reports > a.reports ? b : a));
  return h("figure", { class: "chart" },
    s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Reports per window; peak ${peak.reports} at ${when(peak.t)}` },
      s("polygon", { points: band, class: "band" }),
      s("polyline", { points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.baseline).toFixed(1)}`).join(" "), class: "baseline" }),
      s("polyline", { points: points.map((p, i) => `${x(i).toFixed(1)},${y(p.reports).toFixed(1)}`).join(" "), class: "reports" })),
    h("figcaption", {}, `Reports per window (line) against the baseline median ± 3 MAD (band), ${when(points[0].t)} to ${when(points[points.length - 1].t)}. Peak: ${peak.reports} reports at ${when(peak.t)}.`));
}

export function sentimentChart(points) {
  const scored = points.filter((p) => p.sentiment !== null);
  if (scored.length === 0) return h("p", { class: "quiet" }, "No scored reports in the last 24 hours.");
  const x = (i) => (scored.length === 1 ? W / 2 : (i * W) / (scored.length - 1));
  const y = (v) => H / 2 - (v * (H / 2 - 5));
  const lowest = scored.reduce((a, b) => (b.sentiment < a.sentiment ? b : a));
  return h("figure", { class: "chart" },
    s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Mean sentiment per window; lowest ${lowest.sentiment.toFixed(2)} at ${when(lowest.t)}` },
      s("line", { x1: 0, x2: W, y1: H / 2, y2: H / 2, class: "zero" }),
      s("polyline", { points: scored.map((p, i) => `${x(i).toFixed(1)},${y(p.sentiment).toFixed(1)}`).join(" "), class: "sentiment" })),
    h("figcaption", {}, `Mean sentiment of reports per window, from −1 (negative) to +1 (positive). Lowest: ${lowest.sentiment.toFixed(2)} at ${when(lowest.t)}.`));
}

export function historyBar(days, region) {
  const cells = days.map((day) => {
    const uptime = day.uptime[region];
    const level = uptime === undefined ? "none" : uptime >= 99.9 ? "up" : uptime >= 95 ? "partial" : "down";
    const text = uptime === undefined ? `${day.day}: no data` : `${day.day}: ${uptime.toFixed(2)} % up${day.outages ? `, ${day.outages} outage(s)` : ""}`;
    return h("li", { class: `day ${level}`, title: text, "data-level": level }, h("span", { class: "sr" }, text));
  });
  return h("ol", { class: "history", "aria-label": `${region}: 90 days, oldest first` }, cells);
}
