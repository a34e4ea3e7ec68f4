import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import * as signalR from "@microsoft/signalr";
import { api, apiKey } from "./api";
import { communityPalette, legend, stylesheet } from "./style";
import type { ChokepointReport, CyElement, GapReport, JobProgress, ViewOpened, ViewPatch, ViewRequest } from "./types";

cytoscape.use(fcose);
cytoscape.use(dagre);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const room = new URLSearchParams(location.search).get("room") ?? undefined;

const cy: Core = cytoscape({ container: $("cy"), style: stylesheet, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4 });
const state = {
  viewId: "",
  request: undefined as ViewRequest | undefined,
  layoutDone: 0,
  table: { header: [] as string[], rows: [] as string[][] },
  patches: 0,
  tapped: [] as string[],
};
// For tests, benchmarks and the curious: the graph, the view state, and a way to open a view.
(window as unknown as Record<string, unknown>).chaingraph = { cy, state, open: (request: ViewRequest) => openView(request) };

const hub = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/graph", { accessTokenFactory: apiKey })
  .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
  .build();

function setConnection(text: string) {
  const badge = $("connection");
  badge.dataset.state = text;
  badge.textContent = text;
}

hub.onreconnecting(() => setConnection("reconnecting"));
hub.onreconnected(async () => {
  setConnection("connected");
  // A reconnection is a new connection, outside the room: rejoin it and resume what it shows, leaving the other
  // members' screens as they are. Reopen the view only when nobody kept it: no room, or it closed with its last member.
  if (await showRoomView()) return;
  if (state.request) await openView(state.request);
});
hub.onclose(() => setConnection("disconnected"));

hub.on("ViewPatched", (patch: ViewPatch) => {
  if (patch.viewId === state.viewId) applyPatch(patch);
});
hub.on("ViewOpened", (view: ViewOpened) => show(view));
hub.on("SelectionChanged", (viewId: string, nodeId: string | null) => {
  if (viewId !== state.viewId) return;
  cy.$(":selected").unselect();
  if (nodeId) cy.getElementById(nodeId).select();
});
hub.on("Progress", (p: JobProgress) => showProgress(p));

function toDefinition(e: CyElement): ElementDefinition {
  return { group: e.group, data: e.data, classes: e.classes };
}

function show(view: ViewOpened) {
  state.viewId = view.viewId;
  state.request = view.request;
  $("title").textContent = view.title;
  cy.elements().remove();
  cy.add(view.elements.map(toDefinition));
  const started = performance.now();
  if (view.layout === "dagre") {
    cy.layout({ name: "dagre", rankDir: "LR", nodeSep: 12, rankSep: 90, animate: false } as cytoscape.LayoutOptions).run();
  } else {
    // Unlinked nodes (common in a chokepoint view) go in a grid beside the network: a force
    // layout spends most of its time packing a thousand one-node components.
    const unlinked = cy.nodes().filter(n => n.degree(false) === 0);
    const linked = cy.elements().difference(unlinked);
    if (linked.nonempty()) linked.layout({ name: "fcose", animate: false, quality: linked.length > 1000 ? "draft" : "default", randomize: true } as cytoscape.LayoutOptions).run();
    if (unlinked.nonempty()) {
      const box = linked.nonempty() ? linked.boundingBox() : { x2: 0, y1: 0, w: 0, h: 0 };
      const side = Math.ceil(Math.sqrt(unlinked.length)) * 60;
      unlinked.layout({ name: "grid", animate: false, boundingBox: { x1: box.x2 + 80, y1: box.y1, w: side, h: side }, avoidOverlap: true } as cytoscape.LayoutOptions).run();
    }
  }
  state.layoutDone = performance.now() - started;
  cy.fit(undefined, 30);
  document.body.dataset.view = view.viewId;
}

/** Adds new elements around the node they came from, so what the user already sees keeps its place. */
function applyPatch(patch: ViewPatch) {
  cy.batch(() => {
    for (const id of patch.removed) cy.getElementById(id).remove();
    for (const e of patch.updated) {
      const element = cy.getElementById(e.data.id);
      element.data(e.data);
      element.classes(e.classes);
    }
    const nodes = patch.added.filter(e => e.group === "nodes");
    const anchors = new Map<string, NodeSingular>();
    for (const edge of patch.added.filter(e => e.group === "edges")) {
      const source = cy.getElementById(String(edge.data.source));
      const target = cy.getElementById(String(edge.data.target));
      if (source.nonempty()) anchors.set(String(edge.data.target), source as NodeSingular);
      if (target.nonempty()) anchors.set(String(edge.data.source), target as NodeSingular);
    }
    const ring = new Map<string, number>();
    nodes.forEach(e => {
      const anchor = anchors.get(e.data.id);
      const centre = anchor?.position() ?? { x: cy.width() / 2, y: cy.height() / 2 };
      const key = anchor?.id() ?? "";
      const i = ring.get(key) ?? 0;
      ring.set(key, i + 1);
      const angle = (i * 2 * Math.PI) / Math.max(8, nodes.length);
      const radius = 80 + 6 * Math.floor(i / 8);
      cy.add({ ...toDefinition(e), position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) } });
    });
    cy.add(patch.added.filter(e => e.group === "edges").map(toDefinition));
  });
  state.patches++;
  document.body.dataset.patches = String(state.patches);
}

async function openView(request: ViewRequest) {
  try {
    const previous = state.viewId;
    show(await hub.invoke<ViewOpened>("OpenView", { ...request, room }));
    // The service caps open views per connection and per room: free the one this replaces.
    if (previous) hub.invoke("CloseView", previous).catch(() => undefined);
  } catch (e) {
    alert((e as Error).message);
  }
}

cy.on("tap", "node", async event => {
  const node = event.target as NodeSingular;
  const id = node.id();
  if (!node.hasClass("more")) state.tapped = [...state.tapped.filter(t => t !== id), id].slice(-2);
  if (!node.hasClass("more")) showDetails(id);
  hub.invoke("Select", state.viewId, id).catch(() => undefined);
  const expanded = node.scratch("_expanded") === true;
  const patch = await hub.invoke<ViewPatch>(expanded && !node.hasClass("more") ? "Collapse" : "Expand", state.viewId, id);
  node.scratch("_expanded", !expanded);
  applyPatch(patch);
});

async function showDetails(id: string) {
  selectTab("details");
  const node = await api.node(id);
  const rows = Object.entries(node.properties).map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(Array.isArray(v) ? v.join("、") : String(v))}</dd>`);
  $("details").innerHTML = `<h3>${escape(String(node.properties.name ?? id))}</h3><p>${node.label} · <code>${escape(id)}</code> · ${node.total} neighbours</p><dl>${rows.join("")}</dl>`;
}

function selectTab(tab: string) {
  document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.classList.toggle("active", b.dataset.tab === tab));
  document.querySelectorAll<HTMLElement>(".tab").forEach(t => (t.hidden = t.id !== tab));
}
document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.addEventListener("click", () => selectTab(b.dataset.tab!)));

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

function renderTable(header: string[], rows: { cells: string[]; id: string; html?: string[] }[]) {
  state.table = { header, rows: rows.map(r => r.cells) };
  const head = `<tr>${header.map(h => `<th>${escape(h)}</th>`).join("")}</tr>`;
  const body = rows.map(r => `<tr data-id="${escape(r.id)}">${(r.html ?? r.cells.map(escape)).map(c => `<td>${c}</td>`).join("")}</tr>`).join("");
  $("table").innerHTML = `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  selectTab("table");
  $("table").querySelectorAll<HTMLTableRowElement>("tbody tr").forEach(row => row.addEventListener("click", () => focusNode(row.dataset.id!)));
}

/** Centres a node that the view shows, or opens a view around it. */
function focusNode(id: string) {
  const node = cy.getElementById(id);
  if (node.nonempty()) {
    cy.$(":selected").unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    showDetails(id);
  } else {
    openView({ kind: "focus", focus: id, depth: 1 });
  }
}

async function openChain() {
  const chain = $<HTMLSelectElement>("chain").value;
  const region = $<HTMLInputElement>("region").value.trim();
  await openView({ kind: "chain", chain, region: region || undefined });
  if (!region) return;
  const report = await api.gaps<GapReport>(chain, region);
  renderTable(["segment", "status", "local/national", "candidate", "score", "why"], report.segments.flatMap(s => {
    const status = `<span class="status ${s.status}">${s.status}</span>`;
    const head = [escape(s.name), status, `${s.local}/${s.national}`];
    if (s.candidates.length === 0) return [{ id: s.id, cells: [s.name, s.status, `${s.local}/${s.national}`, "", "", ""], html: [...head, "", "", ""] }];
    return s.candidates.map(c => ({
      id: c.id,
      cells: [s.name, s.status, `${s.local}/${s.national}`, `${c.name} (${c.province ?? ""})`, String(c.score), c.why],
      html: [...head, `${escape(c.name)}<br><small>${escape(c.province ?? "")} ${escape(c.city ?? "")}</small>`, c.score.toFixed(2), `<span class="why">${escape(c.why)}</span>`],
    }));
  }));
}

async function openChokepoints() {
  await openView({ kind: "chokepoints", top: 40 });
  const report = await api.chokepoints<ChokepointReport>(100);
  renderTable(["#", "name", "makers", "HHI", "dominates", "score", "why"], report.items.map((i, rank) => ({
    id: i.id,
    cells: [String(rank + 1), i.name, String(i.suppliers), i.hhi.toFixed(2), String(i.dominates), i.score.toFixed(2), i.why],
  })));
}

function showProgress(p: JobProgress) {
  const box = $("progress");
  box.hidden = p.phase === "done";
  const share = p.total ? p.done / p.total : 0;
  (box.querySelector(".bar") as HTMLElement).style.width = `${Math.round(share * 100)}%`;
  box.querySelector("span")!.textContent = `${p.phase} ${p.done.toLocaleString()}${p.total ? ` / ${p.total.toLocaleString()}` : ""}`;
}

// A cell a spreadsheet would run as a formula gets a leading ' (OWASP's rule), as the service's CSV does; plain numbers stay.
const spreadsheetSafe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? `'${cell}` : cell);

function download(name: string, blob: Blob) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

$("export-png").addEventListener("click", () => download("chaingraph.png", cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }) as unknown as Blob));
$("export-json").addEventListener("click", () => download("chaingraph.cyjs", new Blob([JSON.stringify(cy.json())], { type: "application/json" })));
$("export-csv").addEventListener("click", () => {
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const text = [state.table.header, ...state.table.rows].map(r => r.map(c => quote(spreadsheetSafe(c))).join(",")).join("\r\n");
  download("chaingraph.csv", new Blob(["\uFEFF" + text], { type: "text/csv;charset=utf-8" }));
});

let searchTimer = 0;
$<HTMLInputElement>("search").addEventListener("input", event => {
  clearTimeout(searchTimer);
  const text = (event.target as HTMLInputElement).value.trim();
  const list = $("search-results");
  if (!text) {
    list.hidden = true;
    return;
  }
  searchTimer = window.setTimeout(async () => {
    const hits = await api.search(text);
    list.innerHTML = hits.map(h => `<li data-id="${escape(h.id)}">${escape(h.name)}<small>${h.label} · ${escape(h.id)}</small></li>`).join("");
    list.hidden = hits.length === 0;
    list.querySelectorAll<HTMLLIElement>("li").forEach(li => li.addEventListener("click", () => {
      list.hidden = true;
      openView({ kind: "focus", focus: li.dataset.id!, depth: 1 });
    }));
  }, 200);
});

$("open-chain").addEventListener("click", openChain);
$("open-path").addEventListener("click", () => {
  if (state.tapped.length < 2) return alert("Click two nodes first, then Path.");
  const [focus, to] = state.tapped;
  openView({ kind: "path", focus, to, k: 3 });
});
$("open-centrality").addEventListener("click", () => openView({ kind: "centrality", top: 60 }));
$("open-linkage").addEventListener("click", () => {
  const from = $<HTMLInputElement>("region").value.trim();
  if (!from) return alert("Type a region in the Region box first.");
  const to = prompt(`Link ${from} with which region or cluster?`);
  if (to) openView({ kind: "linkage", focus: from, to: to.trim(), top: 20 });
});
$("colour-communities").addEventListener("click", async () => {
  const coloured = cy.nodes(".by-community");
  if (coloured.nonempty()) return coloured.removeClass("by-community");
  const membership = await hub.invoke<Record<string, number>>("Communities", state.viewId);
  cy.batch(() => {
    for (const [id, community] of Object.entries(membership))
      cy.getElementById(id).data("communityColour", communityPalette[community] ?? "#dddddd").addClass("by-community");
  });
});
$("open-chokepoints").addEventListener("click", openChokepoints);
// Built with the DOM, not markup: the page's policy allows no inline styles.
$("legend").replaceChildren(...legend.map(([text, colour]) => {
  const row = document.createElement("div");
  const swatch = document.createElement("i");
  swatch.style.background = colour;
  row.append(swatch, text);
  return row;
}));

async function start() {
  const [chains, regions] = await Promise.all([api.chains(), api.regions()]);
  $("chain").innerHTML = chains.map(c => `<option value="${escape(c.id)}">${escape(c.name)}</option>`).join("");
  $("regions").innerHTML = regions.map(r => `<option value="${escape(r.name)}">${r.enterprises}</option>`).join("");
  await hub.start();
  setConnection("connected");
  if (await showRoomView()) return;
  if (chains.length > 0) await openChain();
}

/** Joins the page's room and shows the view it shows; false when there is no room or it has no view open. */
async function showRoomView() {
  if (!room) return false;
  const shared = await hub.invoke<ViewOpened | null>("JoinRoom", room);
  if (shared) show(shared);
  return shared !== null;
}

start().catch(e => {
  setConnection("disconnected");
  console.error(e);
});
