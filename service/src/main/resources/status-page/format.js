// How times, durations, money and sentiment read on the page.
export function when(iso) {
  return iso ? iso.replace("T", " ").replace(/(:\d\d)(\.\d+)?Z$/, "$1 UTC") : "—";
}

export function duration(seconds) {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function money(loss) {
  if (!loss || loss.length === 0) return "no revenue configured";
  return loss
    .map((m) => `${Number(m.amount).toLocaleString("en", { minimumFractionDigits: m.amount.includes(".") ? m.amount.split(".")[1].length : 0 })} ${m.currency}`)
    .join(" + ");
}

export function sentiment(value) {
  if (value === null || value === undefined) return "no reports scored";
  const mood = value <= -0.05 ? "negative" : value >= 0.05 ? "positive" : "neutral";
  return `${value.toFixed(2)} (${mood})`;
}

export function count(n) {
  return Number(n).toLocaleString("en");
}

const STATES = {
  operational: { icon: "✓", label: "Operational" },
  degraded: { icon: "▲", label: "Degraded" },
  outage: { icon: "✕", label: "Outage" },
};

export function stateLabel(state) {
  return STATES[state] || { icon: "?", label: state };
}
