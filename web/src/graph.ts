// The graph: Cytoscape.js with the page's style, the layouts, patches placed around what they came from, the legend of
// the view shown and hover tooltips.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import { layoutChain } from "./chain-layout";
import { layoutNetwork } from "./network-layout";
import { $, el } from "./dom";
import { t, tMaybe, type Word } from "./i18n";
import { colours, legend, stylesheet } from "./style";
import type { CompareReport, CyElement, Position, ViewOpened, ViewPatch } from "./types";

cytoscape.use(fcose);
cytoscape.use(dagre);

export const cy: Core = cytoscape({ container: $("cy"), style: stylesheet, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });

/** The kind of view shown; PageRank's scored nodes come as "chokepoint" and are drawn as what they are. */
let shownKind = "";

/** The regions a compare view's segment bands stand for, left to right (none in other views). */
let bandRegions: string[] = [];

export function toDefinition(e: CyElement): ElementDefinition {
  // The service names "+N more" in English; the page says it in its own language.
  const data = typeof e.data.more === "number" ? { ...e.data, name: t("more", e.data.more) } : e.data;
  const classes = shownKind === "centrality" ? e.classes.replace(/\bchokepoint\b/, "central") : e.classes;
  return { group: e.group, data, classes };
}

/** Draws a view; returns the layout's milliseconds. */
export function drawView(view: ViewOpened): number {
  shownKind = view.request.kind;
  bandRegions = [];
  const started = performance.now();
  cy.batch(() => {
    cy.elements().remove();
    cy.add(view.elements.map(toDefinition));
  });
  if (view.layout === "chain") {
    layoutChain(cy);
  } else if (view.layout === "dagre") {
    cy.layout({ name: "dagre", rankDir: "LR", nodeSep: 14, rankSep: 90, animate: false } as cytoscape.LayoutOptions).run();
  } else {
    layoutNetwork(cy);
  }
  placeMoreNodes();
  applyPositions(view.positions ?? {});
  for (const id of view.expanded ?? []) cy.getElementById(id).addClass("expanded");
  const layout = performance.now() - started;
  renderLegend();
  fitBesideLegend();
  return layout;
}

/** Fits the view to the screen; where it would run under the legend (bottom left), into the width beside it. */
function fitBesideLegend() {
  cy.fit(undefined, 30);
  // A view of a few nodes would fill the screen with giant labels.
  if (cy.zoom() > 1.6) {
    cy.zoom(1.6);
    cy.center();
  }
  const area = cy.container()!.getBoundingClientRect();
  const legendBox = $("legend").getBoundingClientRect();
  const beside = legendBox.right - area.left + 12;
  const box = cy.elements().renderedBoundingBox();
  if (box.x1 >= beside || box.y2 <= legendBox.top - area.top || area.width - beside < 200) return;
  cy.zoom({ level: cy.zoom() * Math.min(1, (area.width - beside - 30) / box.w), renderedPosition: { x: box.x1, y: (box.y1 + box.y2) / 2 } });
  cy.panBy({ x: beside - cy.elements().renderedBoundingBox().x1, y: 0 });
}

/** Each "+N more" beside its parent, on the side away from the rest of the view, so it reads as the parent's. */
function placeMoreNodes() {
  const centre = cy.nodes().not(".more").boundingBox();
  const middle = { x: (centre.x1 + centre.x2) / 2, y: (centre.y1 + centre.y2) / 2 };
  cy.nodes(".more").forEach(more => {
    const parent = more.connectedEdges().connectedNodes().not(more);
    if (parent.empty()) return;
    const p = (parent.first() as NodeSingular).position();
    const angle = Math.atan2(p.y - middle.y, p.x - middle.x) || 0;
    more.position({ x: p.x + 70 * Math.cos(angle), y: p.y + 40 * Math.sin(angle) + 26 });
  });
}

export function applyPositions(positions: Record<string, Position>) {
  cy.batch(() => {
    for (const [id, p] of Object.entries(positions)) cy.getElementById(id).position(p);
  });
}

/** Adds new elements around the node they came from, so what the user already sees keeps its place. */
export function applyPatch(patch: ViewPatch) {
  cy.batch(() => {
    for (const id of patch.removed) cy.getElementById(id).remove();
    for (const e of patch.updated) {
      const element = cy.getElementById(e.data.id);
      const definition = toDefinition(e);
      element.data(definition.data!);
      element.classes(definition.classes as string);
    }
    const nodes = patch.added.filter(e => e.group === "nodes");
    const anchors = new Map<string, NodeSingular>();
    for (const edge of patch.added.filter(e => e.group === "edges")) {
      const source = cy.getElementById(String(edge.data.source));
      const target = cy.getElementById(String(edge.data.target));
      if (source.nonempty()) anchors.set(String(edge.data.target), source as NodeSingular);
      if (target.nonempty()) anchors.set(String(edge.data.source), target as NodeSingular);
    }
    const counts = new Map<string, number>();
    for (const e of nodes) {
      const key = anchors.get(e.data.id)?.id() ?? "";
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const ring = new Map<string, number>();
    nodes.forEach(e => {
      const anchor = anchors.get(e.data.id);
      const centre = anchor?.position() ?? { x: cy.width() / 2, y: cy.height() / 2 };
      const key = anchor?.id() ?? "";
      const i = ring.get(key) ?? 0;
      ring.set(key, i + 1);
      // Rings of up to 12 around the anchor, the next ring further out: no new node lands on another.
      const perRing = 12;
      const inRing = Math.min(perRing, (counts.get(key) ?? 1) - perRing * Math.floor(i / perRing));
      const angle = ((i % perRing) * 2 * Math.PI) / Math.max(6, inRing) - Math.PI / 2;
      const radius = 80 + 50 * Math.floor(i / perRing);
      cy.add({ ...toDefinition(e), position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } });
    });
    cy.add(patch.added.filter(e => e.group === "edges").map(toDefinition));
    for (const id of patch.expanded ?? []) cy.getElementById(id).addClass("expanded");
    for (const id of patch.collapsed ?? []) cy.getElementById(id).removeClass("expanded");
  });
  renderLegend();
}

/** A compare view's segments in bands, one per region from left to right, each in the segment's status there. */
export function colourByRegions(report: CompareReport) {
  const statusColour = (status: string) => colours[status as keyof typeof colours] ?? colours.none;
  cy.batch(() => {
    for (const segment of report.segments) {
      const node = cy.getElementById(segment.id);
      const n = segment.regions.length;
      if (node.empty() || n === 0) continue;
      node.data("bands", segment.regions.map(r => r.status).join(" "));
      // Each colour twice, at both ends of its band, so the bands meet edge to edge instead of blending.
      node.style({
        "background-fill": "linear-gradient", "background-gradient-direction": "to-right",
        "background-gradient-stop-colors": segment.regions.flatMap(r => [statusColour(r.status), statusColour(r.status)]).join(" "),
        "background-gradient-stop-positions": segment.regions.flatMap((_, i) => [`${(100 * i) / n}%`, `${(100 * (i + 1)) / n}%`]).join(" "),
      });
    }
  });
  bandRegions = report.regions.map(r => r.name);
  renderLegend();
}

// The legend says what the view shown holds: only its kinds of nodes and edges, with their colours and shapes.
let legendOpen = true;

export function legendEntries() {
  return legend.filter(entry => {
    const found = cy.$(entry.selector);
    return (entry.except ? found.not(entry.except) : found).nonempty();
  });
}

export function renderLegend() {
  const box = $("legend");
  const toggle = el("button", "legend-toggle", `${t("legend.title")} ${legendOpen ? "▾" : "▸"}`);
  toggle.title = t(legendOpen ? "legend.hide" : "legend.show");
  toggle.addEventListener("click", () => {
    legendOpen = !legendOpen;
    renderLegend();
  });
  const rows = legendOpen ? legendEntries().map(entry => {
    const swatch = el("i", `swatch ${entry.shape}`);
    if (["line", "thick", "dashed", "dotted"].includes(entry.shape)) swatch.style.borderTopColor = entry.colour;
    else swatch.style.background = entry.colour;
    return el("div", undefined, swatch, t(entry.word as Word));
  }) : [];
  if (legendOpen && bandRegions.length > 0) rows.push(el("div", "bands", t("legend.bands", bandRegions.join(" · "))));
  box.replaceChildren(toggle, ...rows);
  box.classList.toggle("closed", !legendOpen);
}

// Tooltips: what a node is, without a click.
export function setupTooltips() {
  const tip = $("tooltip");
  cy.on("mouseover", "node", event => {
    const node = event.target as NodeSingular;
    const d = node.data();
    const lines: string[] = [];
    if (d.label) lines.push(tMaybe("label", String(d.label)) + (d.stage ? ` · ${tMaybe("stage", String(d.stage))}` : ""));
    const status = node.classes().find(c => c.startsWith("status-"))?.slice(7) ?? (typeof d.status === "string" ? d.status : undefined);
    if (status) lines.push(`${t("gaps.status")}: ${tMaybe("status", status)}`);
    if (typeof d.local === "number" && typeof d.national === "number") lines.push(`${t("gaps.localNational")}: ${d.local}/${d.national}`);
    if (d.province || d.city) lines.push([d.province, d.city].filter(Boolean).join(" "));
    if (typeof d.score === "number") lines.push(`${t("gaps.score")}: ${(d.score as number).toFixed(2)}`);
    if (node.hasClass("more")) lines.push(t("tooltip.more"));
    else lines.push(t(node.hasClass("expanded") ? "tooltip.collapse" : "tooltip.expand"));
    tip.replaceChildren(el("strong", undefined, String(d.name ?? d.id)), ...lines.map(l => el("div", undefined, l)));
    const p = node.renderedPosition();
    tip.style.left = `${Math.min(p.x + 14, cy.width() - 220)}px`;
    tip.style.top = `${p.y + 14}px`;
    tip.hidden = false;
  });
  cy.on("mouseout", "node", () => (tip.hidden = true));
  cy.on("pan zoom", () => (tip.hidden = true));
}
