import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import * as signalR from "@microsoft/signalr";
import { api, apiKey } from "./api";
import { lang, setLang, t, tMaybe, translatePage, type Word } from "./i18n";
import { communityPalette, legend, stylesheet } from "./style";
import type { ChainSummary, ChokepointReport, CyElement, GapReport, JobProgress, ViewOpened, ViewPatch, ViewRequest } from "./types";

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
  /** The chain the picker holds (its id). */
  chain: "",
  /** The page's language: "zh" (the default) or "en". */
  lang,
};
let shownView: ViewOpened | undefined;
// For tests, benchmarks and the curious (README, "The web client"): the graph, the view state, and a way to open a
// view, which resolves to true once it is shown and to false when it failed (the page shows why).
(window as unknown as Record<string, unknown>).chaingraph = { cy, state, open: (request: ViewRequest) => openView(request) };

const hub = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/graph", { accessTokenFactory: apiKey })
  .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
  .build();

type Connection = "connecting" | "connected" | "reconnecting" | "disconnected";

function setConnection(connection: Connection) {
  const badge = $("connection");
  badge.dataset.state = connection;
  badge.textContent = t(`connection.${connection}`);
}

hub.onreconnecting(() => setConnection("reconnecting"));
hub.onreconnected(async () => {
  setConnection("connected");
  // A reconnection is a new connection, outside the room: rejoin it and resume what it shows, leaving the other
  // members' screens as they are. Reopen the view only when nobody kept it: no room, or it closed with its last member.
  if (await showRoomView()) return;
  if (state.request) await openView(state.request);
});
hub.onclose(() => {
  setConnection("disconnected");
  showMessage(t("error.connection"));
});

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
  // The service names "+N more" in English; the page says it in its own language.
  const data = typeof e.data.more === "number" ? { ...e.data, name: t("more", e.data.more) } : e.data;
  return { group: e.group, data, classes: e.classes };
}

/** The view's title in the page's language: the analysis' name for an analysis, else what the service says (names from the data). */
function titleOf(view: ViewOpened) {
  if (view.request.kind === "chokepoints") return t("title.chokepoints");
  if (view.request.kind === "centrality") return t("title.centrality");
  return view.title;
}

function show(view: ViewOpened) {
  state.viewId = view.viewId;
  state.request = view.request;
  shownView = view;
  $("title").textContent = titleOf(view);
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
  // A view of a few nodes would fill the screen with giant labels.
  if (cy.zoom() > 1.6) {
    cy.zoom(1.6);
    cy.center();
  }
  document.body.dataset.view = view.viewId;
}

/** Adds new elements around the node they came from, so what the user already sees keeps its place. */
function applyPatch(patch: ViewPatch) {
  cy.batch(() => {
    for (const id of patch.removed) cy.getElementById(id).remove();
    for (const e of patch.updated) {
      const element = cy.getElementById(e.data.id);
      element.data(toDefinition(e).data!);
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

/** What the spinner says while a view opens. */
function opening(request: ViewRequest): string {
  switch (request.kind) {
    case "chain": return t("busy.open", chosen && chosen.id === request.chain ? chosen.name : request.chain ?? "");
    case "chokepoints": return t("busy.chokepoints");
    case "centrality": return t("busy.centrality");
    case "path": return t("busy.path");
    case "linkage": return t("busy.linkage");
    default: return t("busy.focus");
  }
}

/** Opens a view and shows it; true when it opened. A failure is shown in the page, never thrown. */
async function openView(request: ViewRequest): Promise<boolean> {
  try {
    const previous = state.viewId;
    await busy(opening(request), async () => show(await hub.invoke<ViewOpened>("OpenView", { ...request, room })));
    hideMessage();
    // The service caps open views per connection and per room: free the one this replaces.
    if (previous && previous !== state.viewId) hub.invoke("CloseView", previous).catch(() => undefined);
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

// Feedback: a spinner, with the seconds spent, for anything that takes over 300 ms; errors as a message in the page.
const running = new Map<object, { label: string; started: number }>();
let busyTicker = 0;

async function busy<T>(label: string, work: () => Promise<T>): Promise<T> {
  const token = {};
  const timer = window.setTimeout(() => {
    running.set(token, { label, started: performance.now() - 300 });
    renderBusy();
  }, 300);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    running.delete(token);
    renderBusy();
  }
}

function renderBusy() {
  const box = $("busy");
  const latest = [...running.values()].at(-1);
  box.hidden = latest === undefined;
  if (latest === undefined) {
    delete document.body.dataset.busy;
    clearInterval(busyTicker);
    busyTicker = 0;
    return;
  }
  document.body.dataset.busy = latest.label;
  box.querySelector(".text")!.textContent = latest.label;
  box.querySelector(".elapsed")!.textContent = t("busy.elapsed", ((performance.now() - latest.started) / 1000).toFixed(1));
  if (!busyTicker) busyTicker = window.setInterval(renderBusy, 200);
}

/**
 * What a user can read in a failure: the service's own message (SignalR wraps a HubException's as
 * "An unexpected error occurred invoking 'X' on the server. HubException: …"), or a plain sentence when it sent none.
 */
function readable(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const sent = /HubException: ([\s\S]*)$/.exec(text);
  if (sent) return sent[1].trim();
  if (/An unexpected error occurred/.test(text)) return t("error.unexpected");
  return text.replace(/^Error: /, "");
}

function showMessage(text: string, kind: "error" | "info" = "error") {
  const box = $("message");
  box.dataset.kind = kind;
  box.querySelector("strong")!.textContent = kind === "error" ? t("error.title") : "";
  box.querySelector(".text")!.textContent = text;
  box.hidden = false;
  document.body.dataset.message = kind;
}

function showError(error: unknown) {
  console.error(error);
  showMessage(readable(error));
}

function hideMessage() {
  $("message").hidden = true;
  delete document.body.dataset.message;
}
$("message").querySelector(".close")!.addEventListener("click", hideMessage);

cy.on("tap", "node", async event => {
  const node = event.target as NodeSingular;
  const id = node.id();
  if (!node.hasClass("more")) state.tapped = [...state.tapped.filter(t => t !== id), id].slice(-2);
  if (!node.hasClass("more")) showDetails(id);
  hub.invoke("Select", state.viewId, id).catch(() => undefined);
  const expanded = node.scratch("_expanded") === true;
  try {
    const patch = await busy(t("busy.expand"), () => hub.invoke<ViewPatch>(expanded && !node.hasClass("more") ? "Collapse" : "Expand", state.viewId, id));
    node.scratch("_expanded", !expanded);
    applyPatch(patch);
  } catch (e) {
    showError(e);
  }
});

let detailsOf: string | undefined;

async function showDetails(id: string) {
  selectTab("details");
  detailsOf = id;
  try {
    const node = await api.node(id);
    const value = (k: string, v: unknown) => (k === "stage" ? tMaybe("stage", String(v)) : Array.isArray(v) ? v.join("、") : String(v));
    const rows = Object.entries(node.properties).map(([k, v]) => `<dt title="${escape(k)}">${escape(tMaybe("prop", k))}</dt><dd>${escape(value(k, v))}</dd>`);
    $("details").innerHTML = `<h3>${escape(String(node.properties.name ?? id))}</h3><p>${escape(tMaybe("label", node.label))} · <code>${escape(id)}</code> · ${escape(t("details.neighbours", node.total))}</p><dl>${rows.join("")}</dl>`;
  } catch (e) {
    showError(e);
  }
}

function selectTab(tab: string) {
  document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.classList.toggle("active", b.dataset.tab === tab));
  document.querySelectorAll<HTMLElement>(".tab").forEach(t => (t.hidden = t.id !== tab));
}
document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.addEventListener("click", () => selectTab(b.dataset.tab!)));

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** Re-renders the table in the page's language after a switch. */
let tableRenderer: (() => void) | undefined;

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
  hideChainList();
  if (!chosen) return showMessage(chains.length === 0 ? t("chain.none") : t("chain.pick"), "info");
  const chain = chosen.id;
  const region = $<HTMLInputElement>("region").value.trim();
  if (!(await openView({ kind: "chain", chain, region: region || undefined })) || !region) return;
  try {
    const report = await busy(t("busy.gaps"), () => api.gaps<GapReport>(chain, region));
    (tableRenderer = () => renderGaps(report))();
  } catch (e) {
    showError(e);
  }
}

function renderGaps(report: GapReport) {
  const status = (s: string) => tMaybe("status", s);
  renderTable([t("gaps.segment"), t("gaps.status"), t("gaps.localNational"), t("gaps.candidate"), t("gaps.score"), t("gaps.why")], report.segments.flatMap(s => {
    const badge = `<span class="status ${escape(s.status)}">${escape(status(s.status))}</span>`;
    const head = [escape(s.name), badge, `${s.local}/${s.national}`];
    if (s.candidates.length === 0) return [{ id: s.id, cells: [s.name, status(s.status), `${s.local}/${s.national}`, "", "", ""], html: [...head, "", "", ""] }];
    return s.candidates.map(c => ({
      id: c.id,
      cells: [s.name, status(s.status), `${s.local}/${s.national}`, `${c.name} (${c.province ?? ""})`, String(c.score), c.why],
      html: [...head, `${escape(c.name)}<br><small>${escape(c.province ?? "")} ${escape(c.city ?? "")}</small>`, c.score.toFixed(2), `<span class="why">${escape(c.why)}</span>`],
    }));
  }));
}

async function openChokepoints() {
  if (!(await openView({ kind: "chokepoints", top: 40 }))) return;
  try {
    const report = await busy(t("busy.chokepoints"), () => api.chokepoints<ChokepointReport>(100));
    (tableRenderer = () => renderChokepoints(report))();
  } catch (e) {
    showError(e);
  }
}

function renderChokepoints(report: ChokepointReport) {
  renderTable([t("chokepoints.rank"), t("chokepoints.name"), t("chokepoints.makers"), t("chokepoints.hhi"), t("chokepoints.dominates"), t("gaps.score"), t("gaps.why")],
    report.items.map((i, rank) => ({
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

// Search: results as the user types; Enter opens the first.
let searchTimer = 0;
const searchBox = $<HTMLInputElement>("search");

async function runSearch(text: string) {
  const list = $("search-results");
  try {
    const hits = await busy(t("busy.loading"), () => api.search(text));
    list.replaceChildren(...(hits.length === 0 ? [item(t("search.none"), "empty")] : hits.map(h => {
      const li = item(h.name);
      li.dataset.id = h.id;
      li.append(small(`${tMaybe("label", h.label)} · ${h.id}`));
      li.addEventListener("mousedown", event => {
        event.preventDefault();
        list.hidden = true;
        openView({ kind: "focus", focus: h.id, depth: 1 });
      });
      return li;
    })));
    list.hidden = false;
    return hits;
  } catch (e) {
    showError(e);
    return [];
  }
}

searchBox.addEventListener("input", () => {
  clearTimeout(searchTimer);
  const text = searchBox.value.trim();
  if (!text) {
    $("search-results").hidden = true;
    return;
  }
  searchTimer = window.setTimeout(() => runSearch(text), 200);
});
searchBox.addEventListener("keydown", async event => {
  if (event.key === "Escape") $("search-results").hidden = true;
  if (event.key !== "Enter" || !searchBox.value.trim()) return;
  event.preventDefault();
  clearTimeout(searchTimer);
  const [first] = await runSearch(searchBox.value.trim());
  if (!first) return;
  $("search-results").hidden = true;
  await openView({ kind: "focus", focus: first.id, depth: 1 });
});
searchBox.addEventListener("blur", () => ($("search-results").hidden = true));

function item(text: string, className?: string) {
  const li = document.createElement("li");
  if (className) li.className = className;
  li.textContent = text;
  return li;
}

function small(text: string) {
  const element = document.createElement("small");
  element.textContent = text;
  return element;
}

// The chain picker: templates first, then the industries that can form a chain, grouped by strategic sector
// (else by SW level-1 industry); typing filters by name, code, sector or industry; Enter opens the chain.
let chains: ChainSummary[] = [];
let chosen: ChainSummary | undefined;
let shownChoices: ChainSummary[] = [];
let active = -1;
const chainBox = $<HTMLInputElement>("chain");
const chainList = $("chain-list");

function groupOf(c: ChainSummary) {
  if (c.kind === "chain") return t("group.templates");
  return c.sector ? t("group.sector", c.sector) : t("group.division", c.division ?? "");
}

function groupRank(c: ChainSummary) {
  return c.kind === "chain" ? 0 : c.sector ? 1 : 2;
}

function renderChainList() {
  const typed = chosen && chainBox.value === chosen.name ? "" : chainBox.value.trim().toLowerCase();
  const fits = (c: ChainSummary) => !typed || [c.name, c.id, c.sector, c.division].some(v => v?.toLowerCase().includes(typed));
  // A stable sort keeps the service's order (industries by code) inside each group.
  shownChoices = chains.filter(fits).sort((a, b) => groupRank(a) - groupRank(b) || (groupRank(a) === 1 ? a.sector!.localeCompare(b.sector!, "zh") : 0));
  active = Math.max(chosen && !typed ? shownChoices.indexOf(chosen) : 0, shownChoices.length > 0 ? 0 : -1);
  const rows: HTMLLIElement[] = [];
  let group = "";
  shownChoices.forEach((c, index) => {
    if (groupOf(c) !== group) {
      group = groupOf(c);
      rows.push(item(group, "group"));
    }
    const li = item(c.name, `option level-${c.level ?? 1}`);
    li.dataset.id = c.id;
    li.dataset.index = String(index);
    li.setAttribute("role", "option");
    li.append(small(`${c.id} · ${c.kind === "chain" ? t("chain.meta", c.segments) : t("chain.metaIndustry", c.segments, c.enterprises ?? 0)}`));
    li.addEventListener("mousedown", event => {
      event.preventDefault();
      choose(c);
    });
    rows.push(li);
  });
  if (shownChoices.length === 0) rows.push(item(chains.length === 0 ? t("chain.none") : t("chain.noMatch"), "empty"));
  chainList.replaceChildren(...rows);
  highlight();
  chainList.hidden = false;
  chainBox.setAttribute("aria-expanded", "true");
}

function highlight() {
  chainList.querySelectorAll<HTMLLIElement>("li.option").forEach(li => li.classList.toggle("active", Number(li.dataset.index) === active));
  chainList.querySelector("li.active")?.scrollIntoView({ block: "nearest" });
}

function hideChainList() {
  chainList.hidden = true;
  chainBox.setAttribute("aria-expanded", "false");
  // A name or code typed in full is a choice, even when the user moves on without picking it from the list.
  const typed = chainBox.value.trim().toLowerCase();
  const exact = chains.find(c => c.id.toLowerCase() === typed) ?? chains.find(c => c.name.toLowerCase() === typed);
  if (exact && exact !== chosen) return choose(exact);
  if (chosen) chainBox.value = chosen.name;
}

function choose(c: ChainSummary) {
  chosen = c;
  chainBox.value = c.name;
  chainBox.title = `${c.name} (${c.id})`;
  state.chain = c.id;
  chainList.hidden = true;
  chainBox.setAttribute("aria-expanded", "false");
}

chainBox.addEventListener("focus", () => {
  chainBox.select();
  renderChainList();
});
chainBox.addEventListener("input", renderChainList);
chainBox.addEventListener("blur", hideChainList);
chainBox.addEventListener("keydown", event => {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    if (chainList.hidden) renderChainList();
    active = Math.max(0, Math.min(shownChoices.length - 1, active + (event.key === "ArrowDown" ? 1 : -1)));
    highlight();
  } else if (event.key === "Escape") {
    hideChainList();
  } else if (event.key === "Enter") {
    event.preventDefault();
    if (!chainList.hidden && shownChoices[active]) choose(shownChoices[active]);
    openChain();
  }
});
$<HTMLInputElement>("region").addEventListener("keydown", event => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  openChain();
});

$("open-chain").addEventListener("click", openChain);
$("open-path").addEventListener("click", () => {
  if (state.tapped.length < 2) return showMessage(t("path.needTwo"), "info");
  const [focus, to] = state.tapped;
  openView({ kind: "path", focus, to, k: 3 });
});
$("open-centrality").addEventListener("click", () => openView({ kind: "centrality", top: 60 }));
$("open-linkage").addEventListener("click", () => {
  const from = $<HTMLInputElement>("region").value.trim();
  if (!from) return showMessage(t("linkage.needRegion"), "info");
  const to = prompt(t("linkage.prompt", from));
  if (to) openView({ kind: "linkage", focus: from, to: to.trim(), top: 20 });
});
$("colour-communities").addEventListener("click", async () => {
  const coloured = cy.nodes(".by-community");
  if (coloured.nonempty()) return coloured.removeClass("by-community");
  try {
    const membership = await busy(t("busy.communities"), () => hub.invoke<Record<string, number>>("Communities", state.viewId));
    cy.batch(() => {
      for (const [id, community] of Object.entries(membership))
        cy.getElementById(id).data("communityColour", communityPalette[community] ?? "#dddddd").addClass("by-community");
    });
  } catch (e) {
    showError(e);
  }
});
$("open-chokepoints").addEventListener("click", openChokepoints);

// Built with the DOM, not markup: the page's policy allows no inline styles.
function renderLegend() {
  $("legend").replaceChildren(...legend.map(([word, colour]) => {
    const row = document.createElement("div");
    const swatch = document.createElement("i");
    swatch.style.background = colour;
    row.append(swatch, t(word as Word));
    return row;
  }));
}

/** Everything the page says, again, in the language just chosen. */
function retranslate() {
  translatePage();
  renderLegend();
  setConnection(($("connection").dataset.state ?? "connecting") as Connection);
  if (shownView) $("title").textContent = titleOf(shownView);
  cy.nodes(".more").forEach(n => void n.data("name", t("more", n.data("more"))));
  tableRenderer?.();
  if (detailsOf && !$("details").hidden) showDetails(detailsOf);
  if (!chainList.hidden) renderChainList();
  renderBusy();
  state.lang = lang;
}

$("lang").addEventListener("click", () => {
  setLang(lang === "zh" ? "en" : "zh");
  retranslate();
});

/** The chain opened first: the first template, else the first strategic industry of level 2, else the first industry. */
function firstChain(list: ChainSummary[]) {
  return list.find(c => c.kind === "chain") ?? list.find(c => c.sector && c.level === 2) ?? list[0];
}

async function start() {
  retranslate();
  let regions: { name: string; enterprises: number }[];
  try {
    [chains, regions] = await busy(t("busy.loading"), () => Promise.all([api.chains(), api.regions()]));
  } catch (e) {
    setConnection("disconnected");
    showMessage(t("error.start", readable(e)));
    return;
  }
  $("regions").replaceChildren(...regions.map(r => {
    const option = document.createElement("option");
    option.value = r.name;
    option.textContent = String(r.enterprises);
    return option;
  }));
  const first = firstChain(chains);
  if (first) choose(first);
  await hub.start();
  setConnection("connected");
  if (await showRoomView()) return;
  if (first) await openChain();
  else showMessage(t("chain.none"), "info");
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
  showMessage(t("error.start", readable(e)));
});
