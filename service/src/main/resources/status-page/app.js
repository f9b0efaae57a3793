// The status page: one module per concern; this one routes, fetches and keeps the page live.
// The server decides what exists (an unknown service or outage is a 404 page before this runs).
import { h } from "./dom.js";
import { when, duration, money, sentiment, count, stateLabel } from "./format.js";
import { worldMap, regionList } from "./map.js";
import { reportsChart, sentimentChart, historyBar } from "./charts.js";

const main = document.getElementById("main");
const live = document.getElementById("live");
let eventsSeen = 0;

async function json(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function badge(state) {
  const { icon, label } = stateLabel(state);
  return h("span", { class: `badge ${state}` }, h("span", { "aria-hidden": "true" }, icon), ` ${label}`);
}

function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.filter(Boolean).map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function outageCard(outage, showMoney) {
  return h("article", { class: `outage-card ${outage.state.toLowerCase()}`, "data-outage": outage.id },
    h("h3", {}, h("a", { href: `/outage/${encodeURIComponent(outage.id)}` }, `${outage.service} — ${outage.scope.toLowerCase()} outage`)),
    facts([
      ["State", outage.state.toLowerCase()],
      ["Since", when(outage.onset)],
      [outage.resolvedAt ? "Lasted" : "For", duration(outage.durationSeconds)],
      ["Cause hint", outage.cause],
      ["Regions", outage.regions.join(", ")],
      ["Reports", count(outage.reports)],
      ["Mean sentiment", sentiment(outage.meanSentiment)],
      showMoney && ["Estimated loss", money(outage.loss)],
      outage.vendor && ["Vendor's status page", vendorWord(outage.vendor)],
    ]));
}

// What the platform's own status page said: an outage it does not admit is still an outage.
function vendorWord(vendor) {
  const state = vendor.state.toLowerCase().replace(/_/g, " ");
  return vendor.acknowledged
    ? `${vendor.name}: ${state}${vendor.incident ? ` (${vendor.incident})` : ""}`
    : `${vendor.name} has not acknowledged it (says ${state})`;
}

// A service whose data trails the others' (or a live clock) shows an earlier moment than they do.
function catchingUp(service) {
  return h("span", { class: "catching-up" }, ` catching up: data until ${when(service.dataUntil)}, ${duration(service.behindSeconds)} behind`);
}

async function overview() {
  const data = await json("/overview");
  const showMoney = !data.public;
  const services = h("table", { class: "services" },
    h("caption", {}, "Every monitored service"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Service"), h("th", { scope: "col" }, "State"), h("th", { scope: "col" }, "Scope"), h("th", { scope: "col" }, "Cause hint"), h("th", { scope: "col" }, "Regions"))),
    h("tbody", {}, data.services.map((service) =>
      h("tr", { "data-service": service.service, "data-state": service.state },
        h("th", { scope: "row" }, h("a", { href: `/service/${encodeURIComponent(service.service)}` }, service.service)),
        h("td", { "data-catching-up": String(Boolean(service.catchingUp)) }, badge(service.state), service.catchingUp ? catchingUp(service) : ""),
        h("td", {}, service.scope ? service.scope.toLowerCase() : "—"),
        h("td", { class: "cause" }, service.cause || "—"),
        h("td", { class: "regions" }, service.regions ? service.regions.join(", ") : "—")))));
  const lagging = data.services.filter((s) => s.catchingUp);
  const worst = data.services.some((s) => s.state === "outage") ? "outage" : data.services.some((s) => s.state === "degraded") ? "degraded" : "operational";
  main.replaceChildren(
    h("h1", {}, "Status of the platforms you depend on"),
    h("p", { class: `summary ${worst}` }, badge(worst), " ",
      data.services.length === 0 ? "No service has been judged yet." :
      data.openOutages.length === 0 ? "Every service is operational." : `${data.openOutages.length} open outage(s).`,
      ` As of ${when(data.asOf)}.`,
      lagging.length === 0 ? "" : ` Still catching up: ${lagging.map((s) => s.service).join(", ")}.`),
    h("section", { "aria-labelledby": "open-h" }, h("h2", { id: "open-h" }, "Open outages"),
      data.openOutages.length === 0 ? h("p", { class: "quiet" }, "None.") : h("div", { class: "cards" }, data.openOutages.map((o) => outageCard(o, showMoney)))),
    h("section", { "aria-labelledby": "services-h" }, h("h2", { id: "services-h" }, "Services"), services),
    h("section", { "aria-labelledby": "map-h", class: "map-section" }, h("h2", { id: "map-h" }, "Where"), await worldMap(data.regions), regionList(data.regions)),
    h("section", { "aria-labelledby": "recent-h" }, h("h2", { id: "recent-h" }, "Recently resolved"),
      data.recentOutages.length === 0 ? h("p", { class: "quiet" }, "None.") : h("div", { class: "cards" }, data.recentOutages.map((o) => outageCard(o, showMoney)))),
    h("p", { class: "quiet" }, `${count(data.outagesInHistory)} outage(s) in the history.`));
}

async function servicePage(name) {
  const [data, reports, summary] = await Promise.all([
    json(`/status/${encodeURIComponent(name)}/history`),
    json(`/reports/recent?service=${encodeURIComponent(name)}&limit=20`),
    json("/overview"),
  ]);
  const state = summary.services.find((s) => s.service === name) || { state: "operational" };
  const regions = Object.keys(data.uptime);
  main.replaceChildren(
    h("p", {}, h("a", { href: "/" }, "← All services")),
    h("h1", { "data-service": name, "data-state": state.state }, name, " ", badge(state.state)),
    state.catchingUp ? h("p", { class: "summary" }, catchingUp(state)) : "",
    h("section", { "aria-labelledby": "uptime-h" }, h("h2", { id: "uptime-h" }, "Uptime, last 90 days"),
      regions.length === 0 ? h("p", { class: "quiet" }, "No probe windows yet.") :
      regions.map((region) => h("div", { class: "history-row" }, h("h3", {}, `${region} — ${data.uptime[region].toFixed(2)} % up`), historyBar(data.days, region)))),
    h("section", { "aria-labelledby": "outages-h" }, h("h2", { id: "outages-h" }, "Outages, last 90 days"),
      data.outages.length === 0 ? h("p", { class: "quiet" }, "None.") : h("div", { class: "cards" }, data.outages.map((o) => outageCard(o, !summary.public)))),
    h("section", { "aria-labelledby": "reports-h" }, h("h2", { id: "reports-h" }, "User reports against the baseline"), reportsChart(data.reports)),
    h("section", { "aria-labelledby": "sentiment-h" }, h("h2", { id: "sentiment-h" }, "How users feel"), sentimentChart(data.reports)),
    h("section", { "aria-labelledby": "categories-h" }, h("h2", { id: "categories-h" }, "Most reported problems, last 24 hours"),
      data.categories.length === 0 ? h("p", { class: "quiet" }, "No reports.") :
      h("ol", { class: "categories" }, data.categories.map((c) => h("li", { "data-category": c.category }, `${c.category.toLowerCase().replace("_", " ")}: ${count(c.reports)}`)))),
    h("section", { "aria-labelledby": "texts-h" }, h("h2", { id: "texts-h" }, "What users say"),
      reports.length === 0 ? h("p", { class: "quiet" }, "No reports.") :
      h("ul", { class: "texts" }, reports.map((r) =>
        h("li", { class: "report" },
          h("q", { class: "text" }, r.text),
          h("span", { class: "meta" }, ` ${when(r.reportedAt)}, ${r.region}, ${r.category.toLowerCase()}, sentiment ${sentiment(r.sentiment)}`))))));
}

async function outagePage(id) {
  const [outage, summary] = await Promise.all([json(`/outages/${encodeURIComponent(id)}`), json("/overview")]);
  main.replaceChildren(
    h("p", {}, h("a", { href: "/" }, "← All services"), " · ", h("a", { href: `/service/${encodeURIComponent(outage.service)}` }, `${outage.service}`)),
    h("h1", {}, `${outage.service}: ${outage.state.toLowerCase()} ${outage.scope.toLowerCase()} outage`),
    outageCard(outage, !summary.public));
}

function route() {
  const path = decodeURIComponent(location.pathname);
  if (path.startsWith("/service/")) return servicePage(path.slice("/service/".length));
  if (path.startsWith("/outage/")) return outagePage(path.slice("/outage/".length));
  return overview();
}

let pending = null;
let queued = false;
let rendering = Promise.resolve();

// Changes come in bursts (every region of a global outage at once): one redraw per burst, and at
// most one waiting behind the one being drawn, however slow drawing is.
function refreshSoon() {
  if (pending || queued) return;
  pending = setTimeout(() => {
    pending = null;
    queued = true;
    rendering = rendering.then(() => {
      queued = false;
      return render();
    });
  }, 250);
}

async function render() {
  const focused = document.activeElement && document.activeElement.getAttribute("href");
  try {
    await route();
    if (focused) main.querySelector(`[href="${CSS.escape(focused)}"]`)?.focus();
  } catch (error) {
    main.replaceChildren(h("p", { class: "error", role: "alert" }, `Cannot load the status now (${error.message}); retrying on the next update.`));
  }
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
}

function listen() {
  const events = new EventSource("/events");
  const heard = (event) => {
    eventsSeen += 1;
    document.body.dataset.events = String(eventsSeen);
    live.textContent = `Live — last change at ${when(new Date(Number(event.lastEventId)).toISOString())}`;
    refreshSoon();
  };
  events.addEventListener("outage", heard);
  events.addEventListener("service", heard);
  // new windows and report texts, at most every few seconds: redraw, but they are not "changes"
  events.addEventListener("data", refreshSoon);
  events.onopen = () => { live.textContent = "Live"; };
  // the browser reconnects by itself, sending Last-Event-ID, after a drop or a restart
  events.onerror = () => { live.textContent = "Reconnecting…"; };
}

rendering = render().then(() => {
  // since the navigation started: the HTML, the modules, the data and drawing it
  document.body.dataset.firstRenderMs = String(Math.round(performance.now()));
  listen();
});
