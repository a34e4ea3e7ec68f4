import type { StylesheetJson } from "cytoscape";
import type { Word } from "./i18n";

/** The page's CJK-first font stack (styles.css), for the labels Cytoscape draws on its canvas. */
export const fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// Colours by stage and by gap/chokepoint status; the legend below shows the same ones.
export const colours = {
  upstream: "#4e79a7",
  midstream: "#59a14f",
  downstream: "#f28e2b",
  missing: "#d62728",
  weak: "#f28e2b",
  present: "#8cb369",
  strong: "#2c7a2c",
  enterprise: "#7f8c9a",
  local: "#17becf",
  foreign: "#9467bd",
  chokepoint: "#e15759",
};

export const stylesheet: StylesheetJson = [
  { selector: "node", style: { label: "data(name)", "font-family": fontFamily, "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18, "background-color": "#a0aec0", "text-wrap": "ellipsis", "text-max-width": "90px" } },
  { selector: "node.product", style: { shape: "ellipse", "background-color": "#bcc6d3" } },
  { selector: "node.enterprise", style: { shape: "round-rectangle", "background-color": colours.enterprise, width: 14, height: 14 } },
  { selector: "node.local", style: { "background-color": colours.local } },
  { selector: "node.foreign", style: { "background-color": colours.foreign } },
  { selector: "node.segment", style: { shape: "round-rectangle", width: 46, height: 30, "font-size": 12, "font-weight": "bold", "text-valign": "center", "text-margin-y": 0, color: "#fff", "text-outline-width": 2, "text-outline-color": "#555" } },
  { selector: "node.segment.upstream", style: { "background-color": colours.upstream } },
  { selector: "node.segment.midstream", style: { "background-color": colours.midstream } },
  { selector: "node.segment.downstream", style: { "background-color": colours.downstream } },
  { selector: "node.status-missing", style: { "background-color": colours.missing, "border-width": 3, "border-style": "dashed", "border-color": "#7a0000" } },
  { selector: "node.status-weak", style: { "background-color": colours.weak, "border-width": 2, "border-color": "#8a4b00" } },
  { selector: "node.status-present", style: { "background-color": colours.present } },
  { selector: "node.status-strong", style: { "background-color": colours.strong } },
  { selector: "node.chokepoint", style: { "background-color": colours.chokepoint, width: "mapData(score, 0, 1, 14, 48)", height: "mapData(score, 0, 1, 14, 48)" } },
  { selector: "node.focus", style: { "border-width": 3, "border-color": "#1d2433" } },
  { selector: "node.more", style: { shape: "round-rectangle", "background-color": "#eef1f6", "border-width": 1, "border-color": "#99a", width: 56, height: 20, "text-valign": "center", "text-margin-y": 0, "font-size": 10 } },
  { selector: "node.by-community", style: { "background-color": "data(communityColour)" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffbf00" } },
  { selector: "edge", style: { width: 1, "line-color": "#c3cad6", "target-arrow-color": "#c3cad6", "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.7 } },
  { selector: "edge.feeds, edge.upstream_of", style: { width: 3, "line-color": "#56627a", "target-arrow-color": "#56627a" } },
  { selector: "edge.makes", style: { "line-color": "#9bb7d4", "target-arrow-color": "#9bb7d4" } },
  { selector: "edge.supplies", style: { "line-color": "#17becf", "target-arrow-color": "#17becf", "line-style": "dashed" } },
  { selector: "edge.more", style: { "line-style": "dotted", "target-arrow-shape": "none" } },
];

/** Twenty distinct colours for communities 0..19; the rest share grey. */
export const communityPalette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5"];

export const legend: [Word, string][] = [
  ["legend.upstream", colours.upstream],
  ["legend.midstream", colours.midstream],
  ["legend.downstream", colours.downstream],
  ["legend.missing", colours.missing],
  ["legend.weak", colours.weak],
  ["legend.present", colours.present],
  ["legend.strong", colours.strong],
  ["legend.local", colours.local],
  ["legend.foreign", colours.foreign],
  ["legend.chokepoint", colours.chokepoint],
];
