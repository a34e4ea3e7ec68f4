// Charts drawn by hand in SVG (no charting library): segment status counts and local vs national makers per segment for
// a chain in a region; HHI per product for the chokepoints.
import { $, el, svg } from "./dom";
import { t, tMaybe } from "./i18n";
import { colours } from "./style";
import type { ChokepointReport, GapReport } from "./types";

const statuses = ["missing", "weak", "present", "strong"] as const;
const statusColour = (s: string) => (colours as Record<string, string>)[s] ?? colours.none;

function frame(title: string, chart: SVGSVGElement, name: string) {
  const figure = el("figure", "chart", el("figcaption", undefined, title), chart);
  figure.dataset.chart = name;
  return figure;
}

function text(x: number, y: number, value: string, attributes: Record<string, string | number> = {}) {
  return svg("text", { x, y, "font-size": 11, fill: "#1d2433", ...attributes }, value);
}

export function statusCounts(report: GapReport) {
  const counts = statuses.map(s => report.segments.filter(g => g.status === s).length);
  const width = 400, height = 150, bar = 60, top = 20, base = 120;
  const max = Math.max(1, ...counts);
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  statuses.forEach((s, i) => {
    const h = ((base - top) * counts[i]) / max;
    const x = 30 + i * 92;
    chart.append(svg("rect", { x, y: base - h, width: bar, height: Math.max(h, 1), fill: statusColour(s), "data-status": s }));
    chart.append(text(x + bar / 2, base - h - 4, String(counts[i]), { "text-anchor": "middle", "font-weight": "bold" }));
    chart.append(text(x + bar / 2, base + 16, tMaybe("status", s), { "text-anchor": "middle" }));
  });
  chart.append(svg("line", { x1: 20, x2: width - 10, y1: base, y2: base, stroke: "#99a" }));
  return frame(t("chart.statusCounts", report.region), chart, "status");
}

export function localNational(report: GapReport) {
  const rowHeight = 20, left = 110, width = 400, right = 50;
  const height = report.segments.length * rowHeight + 30;
  const max = Math.max(1, ...report.segments.map(s => s.national));
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  const span = width - left - right;
  report.segments.forEach((s, i) => {
    const y = 8 + i * rowHeight;
    const name = s.name.length > 8 ? `${s.name.slice(0, 8)}…` : s.name;
    const label = text(left - 6, y + 11, name, { "text-anchor": "end" });
    label.append(svg("title", {}, s.name));
    chart.append(label);
    chart.append(svg("rect", { x: left, y, width: (span * s.national) / max, height: 14, fill: "#dfe3ea" }));
    chart.append(svg("rect", { x: left, y, width: (span * s.local) / max, height: 14, fill: statusColour(s.status), "data-segment": s.id }));
    chart.append(text(left + (span * s.national) / max + 4, y + 11, `${s.local}/${s.national}`));
  });
  const keyY = height - 8;
  chart.append(svg("rect", { x: left, y: keyY - 9, width: 10, height: 10, fill: "#dfe3ea" }), text(left + 14, keyY, t("chart.national")));
  chart.append(svg("rect", { x: left + 90, y: keyY - 9, width: 10, height: 10, fill: colours.strong }), text(left + 104, keyY, t("chart.local", report.region)));
  return frame(t("chart.localNational"), chart, "makers");
}

export function hhi(report: ChokepointReport) {
  const products = report.items.filter(i => i.label === "Product").slice(0, 20);
  const rowHeight = 18, left = 110, width = 400, right = 40;
  const height = products.length * rowHeight + 34;
  const span = width - left - right;
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  products.forEach((p, i) => {
    const y = 8 + i * rowHeight;
    const name = p.name.length > 8 ? `${p.name.slice(0, 8)}…` : p.name;
    const label = text(left - 6, y + 10, name, { "text-anchor": "end" });
    label.append(svg("title", {}, `${p.name}: HHI ${p.hhi.toFixed(2)}, ${t("chokepoints.makers")} ${p.suppliers}`));
    chart.append(label);
    chart.append(svg("rect", { x: left, y, width: Math.max(1, span * p.hhi), height: 12, fill: p.hhi >= 0.25 ? colours.chokepoint : "#9bb7d4", "data-product": p.id }));
    chart.append(text(left + span * p.hhi + 4, y + 10, p.hhi.toFixed(2)));
  });
  const bottom = 8 + products.length * rowHeight;
  // 0.25: the usual line above which a market counts as highly concentrated.
  chart.append(svg("line", { x1: left + span * 0.25, x2: left + span * 0.25, y1: 4, y2: bottom, stroke: "#556", "stroke-dasharray": "3 3" }));
  chart.append(text(left + span * 0.25 + 3, bottom + 14, t("chart.concentrated")));
  chart.append(text(left, bottom + 14, "0"), text(left + span - 6, bottom + 14, "1"));
  return frame(t("chart.hhi"), chart, "hhi");
}

export function showCharts(gaps: GapReport | undefined, chokepoints: ChokepointReport | undefined) {
  const box = $("charts");
  const figures = [...(gaps ? [statusCounts(gaps), localNational(gaps)] : []), ...(chokepoints ? [hhi(chokepoints)] : [])];
  box.replaceChildren(...(figures.length ? figures : [el("p", "empty", t("chart.none"))]));
}
