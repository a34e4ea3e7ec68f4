import type { NodeSingular, StylesheetJson } from "cytoscape";
import type { Word } from "./i18n";

/** The page's CJK-first font stack (styles.css), for the labels Cytoscape draws on its canvas. */
export const fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// One colour per meaning, never shared by two meanings a view can show together: stages are blues and mauve (no
// orange, which says "weak"), statuses red → green, chokepoints a red of their own, PageRank a deep purple.
export const colours = {
  upstream: "#4e79a7",
  midstream: "#76b7b2",
  downstream: "#b07aa1",
  missing: "#d62728",
  weak: "#f28e2b",
  present: "#8cb369",
  strong: "#2c7a2c",
  product: "#bcc6d3",
  enterprise: "#7f8c9a",
  local: "#17becf",
  foreign: "#8c564b",
  chokepoint: "#e15759",
  central: "#5e3c99",
  region: "#9ecae1",
  more: "#eef1f6",
  none: "#e4e7ec",
};

const measure = document.createElement("canvas").getContext("2d");

/** A segment box as wide as its label (up to 150 px, then the label wraps onto a second line). */
function labelWidth(node: NodeSingular): number {
  const name = String(node.data("name") ?? "");
  if (!measure) return 46;
  measure.font = `bold 12px ${fontFamily}`;
  return measure.measureText(name).width;
}
const segmentWidth = (node: NodeSingular) => Math.max(46, Math.min(150, labelWidth(node) + 16));
const segmentHeight = (node: NodeSingular) => (labelWidth(node) + 16 > 150 ? 44 : 30);

export const stylesheet: StylesheetJson = [
  { selector: "node", style: { label: "data(name)", "font-family": fontFamily, "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18, "background-color": "#a0aec0", "text-wrap": "ellipsis", "text-max-width": "90px" } },
  { selector: "node.product", style: { shape: "ellipse", "background-color": colours.product } },
  { selector: "node.enterprise", style: { shape: "round-rectangle", "background-color": colours.enterprise, width: 14, height: 14 } },
  { selector: "node.local", style: { "background-color": colours.local } },
  { selector: "node.foreign", style: { "background-color": colours.foreign } },
  {
    selector: "node.segment", style: {
      shape: "round-rectangle", width: segmentWidth, height: segmentHeight, "font-size": 12, "font-weight": "bold", "text-valign": "center", "text-halign": "center",
      "text-margin-y": 0, color: "#fff", "text-outline-width": 2, "text-outline-color": "#445", "text-wrap": "wrap", "text-max-width": "140px",
    },
  },
  { selector: "node.segment.upstream", style: { "background-color": colours.upstream } },
  { selector: "node.segment.midstream", style: { "background-color": colours.midstream } },
  { selector: "node.segment.downstream", style: { "background-color": colours.downstream } },
  { selector: "node.status-missing", style: { "background-color": colours.missing, "border-width": 3, "border-style": "dashed", "border-color": "#7a0000" } },
  { selector: "node.status-weak", style: { "background-color": colours.weak, "border-width": 2, "border-color": "#8a4b00" } },
  { selector: "node.status-present", style: { "background-color": colours.present } },
  { selector: "node.status-strong", style: { "background-color": colours.strong } },
  { selector: "node.chokepoint", style: { "background-color": colours.chokepoint, width: "mapData(score, 0, 1, 14, 48)", height: "mapData(score, 0, 1, 14, 48)" } },
  { selector: "node.central", style: { "background-color": colours.central, width: "mapData(score, 0, 1, 12, 44)", height: "mapData(score, 0, 1, 12, 44)" } },
  { selector: "node.region", style: { shape: "round-rectangle", "background-color": colours.region, width: 24, height: 24, "font-size": 11, "font-weight": "bold", "border-width": 1, "border-color": "#08519c" } },
  // A ranked region (the rank view): the darker and larger, the more complete the chain there (score 0–100).
  {
    selector: "node.region[score]", style: {
      "background-color": "mapData(score, 0, 100, #deebf7, #08519c)", width: "mapData(score, 0, 100, 24, 60)", height: "mapData(score, 0, 100, 24, 60)",
    },
  },
  { selector: "node.focus", style: { "border-width": 3, "border-color": "#1d2433" } },
  { selector: "node.expanded", style: { "border-width": 2, "border-style": "double", "border-color": "#1d2433" } },
  { selector: "node.more", style: { shape: "round-rectangle", "background-color": colours.more, "border-width": 1, "border-color": "#99a", width: 64, height: 20, "text-valign": "center", "text-margin-y": 0, "font-size": 10, "text-max-width": "60px" } },
  { selector: "node.by-community", style: { "background-color": "data(communityColour)" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffbf00", "border-style": "solid" } },
  { selector: "edge", style: { width: 1, "line-color": "#c3cad6", "target-arrow-color": "#c3cad6", "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.7 } },
  { selector: "edge.feeds, edge.upstream_of", style: { width: 3, "line-color": "#56627a", "target-arrow-color": "#56627a" } },
  { selector: "edge.makes", style: { "line-color": "#9bb7d4", "target-arrow-color": "#9bb7d4" } },
  { selector: "edge.supplies", style: { "line-color": "#17becf", "target-arrow-color": "#17becf", "line-style": "dashed" } },
  { selector: "edge.more", style: { "line-style": "dotted", "target-arrow-shape": "none" } },
];

/** Twenty distinct colours for communities 0..19; the rest share grey. */
export const communityPalette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5"];

/** A legend line: its word, what it looks like, and the elements it describes (shown only when the view has some). */
export interface LegendEntry { word: Word; colour: string; shape: "box" | "round" | "square" | "dot" | "line" | "thick" | "dashed" | "dotted" | "ring"; selector: string; except?: string }

/** Segments coloured by a status (or by bands of statuses) no longer show their stage's colour. */
const byStatus = ".status-missing, .status-weak, .status-present, .status-strong, [bands]";

export const legend: LegendEntry[] = [
  ...(["upstream", "midstream", "downstream"] as const).map((stage): LegendEntry =>
    ({ word: `legend.${stage}`, colour: colours[stage], shape: "box", selector: `node.segment.${stage}`, except: byStatus })),
  // A compare view's segments carry their statuses region by region in data(bands).
  ...(["missing", "weak", "present", "strong"] as const).map((status): LegendEntry =>
    ({ word: `legend.${status}`, colour: colours[status], shape: "box", selector: `node.status-${status}, node[bands *= "${status}"]` })),
  { word: "legend.product", colour: colours.product, shape: "round", selector: "node.product", except: ".chokepoint, .central, .by-community" },
  { word: "legend.enterprise", colour: colours.enterprise, shape: "square", selector: "node.enterprise", except: ".local, .foreign, .chokepoint, .central, .by-community" },
  { word: "legend.local", colour: colours.local, shape: "square", selector: "node.local" },
  { word: "legend.foreign", colour: colours.foreign, shape: "square", selector: "node.foreign" },
  { word: "legend.chokepoint", colour: colours.chokepoint, shape: "round", selector: "node.chokepoint" },
  { word: "legend.central", colour: colours.central, shape: "round", selector: "node.central" },
  { word: "legend.region", colour: "#4a7fb5", shape: "box", selector: "node.region[score]" },
  { word: "legend.place", colour: colours.region, shape: "box", selector: "node.region", except: "[score]" },
  { word: "legend.focus", colour: "#ffffff", shape: "ring", selector: "node.focus" },
  { word: "legend.more", colour: colours.more, shape: "box", selector: "node.more" },
  { word: "legend.feeds", colour: "#56627a", shape: "thick", selector: "edge.feeds, edge.upstream_of" },
  { word: "legend.makes", colour: "#9bb7d4", shape: "line", selector: "edge.makes" },
  { word: "legend.supplies", colour: "#17becf", shape: "dashed", selector: "edge.supplies" },
  { word: "legend.moreEdge", colour: "#c3cad6", shape: "dotted", selector: "edge.more" },
];
