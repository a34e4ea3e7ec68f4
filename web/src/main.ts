// The page's wiring: the hub connection, the pickers and buttons, and what a view brings (graph, table, charts, map).
import type { NodeSingular } from "cytoscape";
import * as signalR from "@microsoft/signalr";
import { api, apiKey } from "./api";
import { showCharts } from "./charts";
import { ask } from "./dialog";
import { $, el, escape, item, small } from "./dom";
import { cytoscapeJson, csv, download, fileStem, png, reportUrl, xlsx, type Subject } from "./exports";
import { busy, hideMessage, readable, renderBusy, showError, showMessage } from "./feedback";
import { applyPatch, applyPositions, colourByRegions, cy, drawView, renderLegend, setupTooltips } from "./graph";
import { lang, setLang, t, tMaybe, translatePage } from "./i18n";
import { mapShown, onMapEvents, showMap } from "./map";
import { chokepointsTable, compareTable, gapsTable, genericTable, rankTable } from "./reports";
import { communityPalette } from "./style";
import { clearTable, onTableEvents, showTable, type Shown } from "./table";
import type { Analysis, ChainSummary, ChokepointReport, CompareReport, GapReport, JobProgress, Member, Position, RankReport, RoomJoined, SavedView, ViewOpened, ViewPatch, ViewRequest } from "./types";
import { requestOf, sameRequest, savedViewOf, urlOf } from "./url";

const room = new URLSearchParams(location.search).get("room") ?? undefined;

const state = {
  viewId: "",
  request: undefined as ViewRequest | undefined,
  /** Milliseconds of the last view's layout, and from OpenView to its layout done. */
  layoutDone: 0,
  openMs: 0,
  /** Milliseconds from a double click to its patch drawn. */
  expandMs: 0,
  /** Milliseconds the map took to draw, last time. */
  mapDrawnMs: 0,
  /** What the table shows, as the exports write it (filtered and sorted as on screen). */
  table: { name: "", header: [] as string[], rows: [] as string[][] },
  /** The analysis the view shows, if any (kind and report). */
  analysis: undefined as Analysis | undefined,
  expanded: [] as string[],
  selection: null as string | null,
  members: [] as Member[],
  pickers: {} as Record<string, string>,
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
  .withUrl(`/hubs/graph?lang=${lang}`, { accessTokenFactory: apiKey })
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
  if (state.request) await openView(state.request, "none");
});
hub.onclose(() => {
  setConnection("disconnected");
  showMessage(t("error.connection"));
});

hub.on("ViewPatched", (patch: ViewPatch) => {
  if (patch.viewId === state.viewId) patched(patch);
});
// A member of the room opened a view: this page shows it, and its address says so (replaced: Back leaves the room's history alone).
hub.on("ViewOpened", (view: ViewOpened) => {
  show(view);
  window.history.replaceState({ request: view.request }, "", urlOf(view.request));
});
hub.on("SelectionChanged", (viewId: string, nodeId: string | null) => {
  if (viewId !== state.viewId) return;
  select(nodeId, false, false);
});
hub.on("NodesMoved", (viewId: string, positions: Record<string, Position>) => {
  if (viewId === state.viewId) applyPositions(positions);
});
hub.on("PickersChanged", (pickers: Record<string, string>) => applyPickers(pickers));
hub.on("MembersChanged", (members: Member[]) => showMembers(members));
hub.on("Progress", (p: JobProgress) => showProgress(p));

/** The view's title in the page's language: the analysis' name for an analysis, else what the service says (names from the data). */
function titleOf(view: ViewOpened) {
  const r = view.request;
  if (r.kind === "chokepoints") return t("title.chokepoints");
  if (r.kind === "centrality") return t("title.centrality");
  if (r.kind === "rank") return t("title.rank", chainName(r.chain), tMaybe("level", r.level ?? "province"));
  if (r.kind === "compare") return t("title.compare", chainName(r.chain), (r.regions ?? "").split(",").join(" · "));
  return view.title;
}

const chainName = (id: string | undefined) => chains.find(c => c.id === id)?.name ?? id ?? "";

/** What the exports are about: the title, the chain and region the view is of. */
function subject(): Subject {
  const r = state.request;
  return { title: shownView ? titleOf(shownView) : "ChainGraph", chain: r?.chain ? chainName(r.chain) : undefined, region: r?.region ?? (r?.kind === "compare" ? r.regions : undefined) };
}

function show(view: ViewOpened, request = view.request) {
  state.viewId = view.viewId;
  state.request = request;
  shownView = { ...view, request };
  state.expanded = [...(view.expanded ?? [])];
  state.selection = view.selection ?? null;
  $("title").textContent = titleOf(shownView);
  document.title = `${titleOf(shownView)} · ChainGraph`;
  state.layoutDone = drawView(view);
  document.body.dataset.view = view.viewId;
  // The table, the charts and every export describe this view and nothing earlier.
  state.analysis = undefined;
  if (view.analysis) showAnalysis(view.analysis);
  else clearAnalysis();
  if (view.selection) select(view.selection, false, false);
  updateReportLink();
}

function clearAnalysis() {
  state.analysis = undefined;
  clearTable();
  showCharts(undefined, undefined);
}

/** Shows an analysis in the table (and charts, map) — from the view, a patch, or the REST endpoint. */
function showAnalysis(analysis: Analysis) {
  state.analysis = analysis;
  switch (analysis.kind) {
    case "gaps": {
      const report = analysis.report as GapReport;
      showTable(gapsTable(report));
      showCharts(report, undefined);
      break;
    }
    case "chokepoints": {
      const report = analysis.report as ChokepointReport;
      showTable(chokepointsTable(report));
      showCharts(undefined, report);
      break;
    }
    case "rank":
      showTable(rankTable(analysis.report as RankReport));
      showCharts(undefined, undefined);
      break;
    case "compare":
      showTable(compareTable(analysis.report as CompareReport));
      colourByRegions(analysis.report as CompareReport);
      showCharts(undefined, undefined);
      break;
    default: {
      const table = genericTable(t("sheet.table"), analysis.report);
      if (table) showTable(table);
      else clearTable();
      showCharts(undefined, undefined);
    }
  }
  selectTab(document.querySelector<HTMLButtonElement>("aside nav button.active")?.dataset.tab === "details" ? "table" : currentTab());
}

const currentTab = () => document.querySelector<HTMLButtonElement>("aside nav button.active")?.dataset.tab ?? "table";

function patched(patch: ViewPatch) {
  applyPatch(patch);
  for (const id of patch.expanded ?? []) if (!state.expanded.includes(id)) state.expanded.push(id);
  state.expanded = state.expanded.filter(id => !(patch.collapsed ?? []).includes(id));
  if (patch.analysis) showAnalysis(patch.analysis);
  state.patches++;
  document.body.dataset.patches = String(state.patches);
}

/** What the spinner says while a view opens. */
function opening(request: ViewRequest): string {
  switch (request.kind) {
    case "chain": return t("busy.open", chainName(request.chain));
    case "chokepoints": return t("busy.chokepoints");
    case "centrality": return t("busy.centrality");
    case "path": return t("busy.path");
    case "linkage": return t("busy.linkage");
    case "rank": case "compare": return t("busy.open", chainName(request.chain));
    default: return t("busy.focus");
  }
}

type HistoryMode = "push" | "replace" | "none";

/** Opens a view and shows it; true when it opened. A failure is shown in the page, never thrown. */
async function openView(request: ViewRequest, history: HistoryMode = "push"): Promise<boolean> {
  try {
    const previous = state.viewId;
    const started = performance.now();
    await busy(opening(request), async () => {
      const view = await openOnHub(request);
      show(view, request);
    });
    state.openMs = performance.now() - started;
    hideMessage();
    if (history !== "none" && !(history === "push" && sameRequest(history === "push" ? requestOf(location.search) : undefined, request)))
      window.history[history === "push" ? "pushState" : "replaceState"]({ request }, "", urlOf(request));
    // The service caps open views per connection and per room: free the one this replaces.
    if (previous && previous !== state.viewId) hub.invoke("CloseView", previous).catch(() => undefined);
    if (!state.analysis) await fetchAnalysis(request);
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}

/** OpenView; a service without the compare and rank views (older than the hub contract) shows their chain instead. */
async function openOnHub(request: ViewRequest): Promise<ViewOpened> {
  try {
    return await hub.invoke<ViewOpened>("OpenView", { ...request, room });
  } catch (e) {
    if ((request.kind !== "compare" && request.kind !== "rank") || !/kind/i.test(readable(e))) throw e;
    return await hub.invoke<ViewOpened>("OpenView", { kind: "chain", chain: request.chain, room });
  }
}

/** The analysis of a view the service sent without one, from the REST endpoint for the same parameters. */
async function fetchAnalysis(request: ViewRequest) {
  const viewId = state.viewId;
  try {
    let analysis: Analysis | undefined;
    if (request.kind === "chain" && request.region && request.chain)
      analysis = { kind: "gaps", report: await busy(t("busy.gaps"), () => api.gaps<GapReport>(request.chain!, request.region!)) };
    else if (request.kind === "chokepoints") analysis = { kind: "chokepoints", report: await busy(t("busy.chokepoints"), () => api.chokepoints<ChokepointReport>(request.top ?? 40)) };
    else if (request.kind === "rank" && request.chain) analysis = { kind: "rank", report: await busy(t("busy.loading"), () => api.rank<RankReport>(request.chain!, request.level ?? "province", 100)) };
    else if (request.kind === "compare" && request.chain && request.regions)
      analysis = { kind: "compare", report: await busy(t("busy.loading"), () => api.compare<CompareReport>(request.chain!, request.regions!)) };
    // A view opened meanwhile has its own analysis.
    if (analysis && state.viewId === viewId) showAnalysis(analysis);
  } catch (e) {
    showError(e);
  }
}

window.addEventListener("popstate", () => {
  const request = requestOf(location.search);
  if (request && !sameRequest(request, state.request)) openView(request, "none");
});

$("message").querySelector(".close")!.addEventListener("click", hideMessage);

// A click selects (Details show it); a double click, or Expand in Details, expands; "+N more" expands on a click.
cy.on("tap", "node", event => {
  const node = event.target as NodeSingular;
  const id = node.id();
  if (node.hasClass("more")) return void toggle(id);
  state.tapped = [...state.tapped.filter(t => t !== id), id].slice(-2);
  select(id, true);
});
cy.on("tap", event => {
  if (event.target === cy) select(null, true);
});
cy.on("dbltap", "node", event => {
  const node = event.target as NodeSingular;
  if (!node.hasClass("more")) toggle(node.id());
});
cy.on("dragfree", "node", event => {
  const node = event.target as NodeSingular;
  const moved: Record<string, Position> = {};
  (node.selected() ? cy.$("node:selected") : node).forEach(n => void (moved[n.id()] = { ...n.position() }));
  hub.invoke("MoveNodes", state.viewId, moved).catch(() => undefined);
});

function select(id: string | null, share: boolean, toDetails = true) {
  state.selection = id;
  cy.$(":selected").unselect();
  if (id) {
    cy.getElementById(id).select();
    showDetails(id, toDetails);
  }
  if (share) hub.invoke("Select", state.viewId, id).catch(() => undefined);
}

async function toggle(id: string) {
  const node = cy.getElementById(id);
  const collapse = state.expanded.includes(id) && !node.hasClass("more");
  const started = performance.now();
  try {
    const patch = await busy(t("busy.expand"), () => hub.invoke<ViewPatch>(collapse ? "Collapse" : "Expand", state.viewId, id));
    if (!patch.expanded && !patch.collapsed) patch[collapse ? "collapsed" : "expanded"] = [id];
    patched(patch);
    state.expandMs = performance.now() - started;
    if (detailsOf === id) showDetails(id);
  } catch (e) {
    showError(e);
  }
}

let detailsOf: string | undefined;

async function showDetails(id: string, toDetails = true) {
  if (toDetails) selectTab("details");
  detailsOf = id;
  try {
    const node = await api.node(id);
    if (detailsOf !== id) return;
    const value = (k: string, v: unknown) => (k === "stage" ? tMaybe("stage", String(v)) : Array.isArray(v) ? v.join("、") : String(v));
    const rows = Object.entries(node.properties).map(([k, v]) => `<dt title="${escape(k)}">${escape(tMaybe("prop", k))}</dt><dd>${escape(value(k, v))}</dd>`);
    const box = $("details");
    box.innerHTML = `<h3>${escape(String(node.properties.name ?? id))}</h3><p>${escape(tMaybe("label", node.label))} · <code>${escape(id)}</code> · ${escape(t("details.neighbours", node.total))}</p><div class="actions"></div><dl>${rows.join("")}</dl>`;
    const actions = box.querySelector(".actions")!;
    if (cy.getElementById(id).nonempty()) {
      const expanded = state.expanded.includes(id);
      const expand = el("button", "expand", t(expanded ? "details.collapse" : "details.expand"));
      expand.addEventListener("click", () => toggle(id));
      actions.append(expand);
    }
    const focus = el("button", "open-focus", t("details.openFocus"));
    focus.addEventListener("click", () => openView({ kind: "focus", focus: id, depth: 1 }));
    actions.append(focus);
  } catch (e) {
    showError(e);
  }
}

function selectTab(tab: string) {
  document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.classList.toggle("active", b.dataset.tab === tab));
  document.querySelectorAll<HTMLElement>(".tab").forEach(t => (t.hidden = t.id !== tab));
  if (tab === "map") showMap(state.request?.chain ?? state.chain);
}
document.querySelectorAll<HTMLButtonElement>("aside nav button").forEach(b => b.addEventListener("click", () => selectTab(b.dataset.tab!)));

/** A table row: centre and select its node when the view shows it (the table stays in front), else show its details. */
function focusNode(id: string) {
  const node = cy.getElementById(id);
  if (node.nonempty()) {
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    select(id, true, false);
  } else {
    showDetails(id);
  }
}
onTableEvents(focusNode, (shown: Shown) => (state.table = shown));

onMapEvents(region => {
  $<HTMLInputElement>("region").value = region;
  openChain();
}, ms => (state.mapDrawnMs = ms));

function showProgress(p: JobProgress) {
  const box = $("progress");
  box.hidden = p.phase === "done";
  const share = p.total ? p.done / p.total : 0;
  (box.querySelector(".bar") as HTMLElement).style.width = `${Math.round(share * 100)}%`;
  box.querySelector("span")!.textContent = `${p.phase} ${p.done.toLocaleString()}${p.total ? ` / ${p.total.toLocaleString()}` : ""}`;
}

// Exports: of the view shown, named after it.
function closeMenus() {
  document.querySelectorAll<HTMLDetailsElement>("header details[open]").forEach(d => (d.open = false));
}
$("export-png").addEventListener("click", async () => {
  closeMenus();
  try {
    download(`${fileStem(subject())}.png`, await busy(t("busy.export"), () => png(subject())));
  } catch (e) {
    showError(e);
  }
});
$("export-json").addEventListener("click", () => {
  closeMenus();
  download(`${fileStem(subject())}.cyjs`, cytoscapeJson());
});
$("export-csv").addEventListener("click", () => {
  closeMenus();
  if (state.table.header.length === 0) return showMessage(t("export.noTable"), "info");
  download(`${fileStem(subject())}.csv`, csv(state.table));
});
$("export-xlsx").addEventListener("click", async () => {
  closeMenus();
  if (state.table.header.length === 0) return showMessage(t("export.noTable"), "info");
  try {
    download(`${fileStem(subject())}.xlsx`, await busy(t("busy.export"), () => xlsx(subject(), state.table)));
  } catch (e) {
    showError(e);
  }
});

function updateReportLink() {
  const link = $<HTMLAnchorElement>("export-report");
  const r = state.request;
  const ok = r?.kind === "chain" && !!r.chain && !!r.region;
  link.hidden = !ok;
  if (ok) link.href = reportUrl(r!.chain!, r!.region!);
}
$("export-report").addEventListener("click", closeMenus);

// Saved views: the view shown under a name (POST /api/views); the list opens one; /?view=<id> too.
$("save-view").addEventListener("click", async () => {
  closeMenus();
  if (!state.request) return;
  const name = await ask(t("views.name"), shownView ? titleOf(shownView) : "");
  if (!name) return;
  try {
    const saved = await api.saveView(name, state.request, pickers());
    showMessage(t("views.saved", saved.name), "info");
    const url = new URL(location.href);
    url.searchParams.set("view", saved.id);
    window.history.replaceState({ request: state.request }, "", url.pathname + url.search);
  } catch (e) {
    showError(e);
  }
});
$<HTMLDetailsElement>("views-menu").addEventListener("toggle", async () => {
  if (!$<HTMLDetailsElement>("views-menu").open) return;
  const list = $("views-list");
  try {
    const views = await api.views();
    list.replaceChildren(...(views.length === 0 ? [item(t("views.none"), "empty")] : views.map(v => savedItem(v))));
  } catch (e) {
    list.replaceChildren(item(readable(e), "empty"));
  }
});

function savedItem(v: SavedView) {
  const li = item(v.name);
  li.dataset.id = v.id;
  li.append(small(new Date(v.created).toLocaleString(lang === "zh" ? "zh-CN" : "en")));
  li.addEventListener("click", () => {
    closeMenus();
    openSaved(v);
  });
  return li;
}

async function openSaved(v: SavedView, history: HistoryMode = "push") {
  if (v.pickers) applyPickers(v.pickers);
  const opened = await openView(v.request, history);
  if (opened) {
    const url = new URL(location.href);
    url.searchParams.set("view", v.id);
    window.history.replaceState({ request: v.request }, "", url.pathname + url.search);
  }
  return opened;
}

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

function choose(c: ChainSummary, share = true) {
  const changed = chosen !== c;
  chosen = c;
  chainBox.value = c.name;
  chainBox.title = `${c.name} (${c.id})`;
  state.chain = c.id;
  chainList.hidden = true;
  chainBox.setAttribute("aria-expanded", "false");
  if (changed && share) sharePickers();
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
const regionBox = $<HTMLInputElement>("region");
regionBox.addEventListener("keydown", event => {
  if (event.key !== "Enter") return;
  event.preventDefault();
  openChain();
});
regionBox.addEventListener("change", () => sharePickers());

// Pickers: what the room's members share besides the view (chain, region).
function pickers(): Record<string, string> {
  return { chain: state.chain, region: regionBox.value.trim(), tab: currentTab() };
}

function sharePickers() {
  state.pickers = pickers();
  if (room && hub.state === signalR.HubConnectionState.Connected) hub.invoke("SetPickers", room, state.pickers).catch(() => undefined);
}

function applyPickers(values: Record<string, string>) {
  state.pickers = { ...values };
  const c = chains.find(x => x.id === values.chain);
  if (c) choose(c, false);
  if (values.region !== undefined) regionBox.value = values.region;
}

function showMembers(members: Member[]) {
  state.members = members;
  const box = $("members");
  box.hidden = !room;
  box.textContent = t("room.members", members.length);
  box.title = members.map(m => m.name).join("、");
}

async function openChain() {
  hideChainList();
  if (!chosen) return showMessage(chains.length === 0 ? t("chain.none") : t("chain.pick"), "info");
  const region = regionBox.value.trim();
  await openView({ kind: "chain", chain: chosen.id, region: region || undefined });
}

$("open-chain").addEventListener("click", openChain);
$("open-path").addEventListener("click", () => {
  if (state.tapped.length < 2) return showMessage(t("path.needTwo"), "info");
  const [focus, to] = state.tapped;
  openView({ kind: "path", focus, to, k: 3 });
});
$("open-centrality").addEventListener("click", () => openView({ kind: "centrality", top: 60 }));
$("open-linkage").addEventListener("click", async () => {
  const from = regionBox.value.trim();
  if (!from) return showMessage(t("linkage.needRegion"), "info");
  const to = await ask(t("linkage.prompt", from), "", t("linkage.placeholder"));
  if (to) openView({ kind: "linkage", focus: from, to, top: 20 });
});
$("open-compare").addEventListener("click", async () => {
  if (!chosen) return showMessage(t("chain.pick"), "info");
  const region = regionBox.value.trim();
  const regions = await ask(t("compare.prompt", chosen.name), region ? `${region},` : "", t("compare.placeholder"));
  if (!regions) return;
  const list = regions.split(/[,，、\s]+/).filter(Boolean);
  if (list.length < 2) return showMessage(t("compare.needTwo"), "info");
  openView({ kind: "compare", chain: chosen.id, regions: list.join(",") });
});
$("open-rank").addEventListener("click", async () => {
  if (!chosen) return showMessage(t("chain.pick"), "info");
  if (await openView({ kind: "rank", chain: chosen.id, level: "province" })) selectTab("map");
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
    renderLegend();
  } catch (e) {
    showError(e);
  }
});
$("open-chokepoints").addEventListener("click", () => openView({ kind: "chokepoints", top: 40 }));

/** Everything the page says, again, in the language just chosen. */
function retranslate() {
  translatePage();
  renderLegend();
  setConnection(($("connection").dataset.state ?? "connecting") as Connection);
  if (shownView) $("title").textContent = titleOf(shownView);
  cy.nodes(".more").forEach(n => void n.data("name", t("more", n.data("more"))));
  if (state.analysis) showAnalysis(state.analysis);
  else if (shownView) clearTable();
  if (detailsOf && !$("details").hidden) showDetails(detailsOf);
  if (!$("map").hidden) showMap(mapShown().chain);
  if (!chainList.hidden) renderChainList();
  renderBusy();
  state.lang = lang;
  showMembers(state.members);
}

$("lang").addEventListener("click", () => {
  setLang(lang === "zh" ? "en" : "zh");
  retranslate();
  if (hub.state === signalR.HubConnectionState.Connected) hub.invoke("SetLanguage", lang).catch(() => undefined);
  // Reasons are written in the language asked for: the view's analysis again, in the new one.
  if (state.analysis && state.request) fetchAnalysis(state.request);
});

/** The chain opened first: the first template, else the first strategic industry of level 2, else the first industry. */
function firstChain(list: ChainSummary[]) {
  return list.find(c => c.kind === "chain") ?? list.find(c => c.sector && c.level === 2) ?? list[0];
}

async function start() {
  retranslate();
  setupTooltips();
  clearTable();
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
  if (first) choose(first, false);
  await hub.start();
  setConnection("connected");
  if (await showRoomView()) return;
  // The address names a view (a deep link, a saved view) or the page opens the first chain.
  const saved = savedViewOf(location.search);
  if (saved) {
    try {
      if (await openSaved(await api.view(saved), "replace")) return;
    } catch (e) {
      showError(e);
    }
  }
  const linked = requestOf(location.search);
  if (linked) {
    if (linked.chain) {
      const c = chains.find(x => x.id === linked.chain);
      if (c) choose(c, false);
    }
    if (linked.region) regionBox.value = linked.region;
    if (await openView(linked, "replace")) return;
  }
  if (first) await openChain();
  else showMessage(t("chain.none"), "info");
}

/** Joins the page's room and shows the view it shows; false when there is no room or it has no view open. */
async function showRoomView() {
  if (!room) return false;
  // A service older than the hub contract takes the room alone.
  const joined = await hub.invoke<RoomJoined | ViewOpened | null>("JoinRoom", room, memberName())
    .catch(() => hub.invoke<RoomJoined | ViewOpened | null>("JoinRoom", room));
  // The room's answer: its view, pickers and members (hub contract); an older service sends the view alone.
  const shared = joined && "members" in joined ? joined.view : (joined as ViewOpened | null);
  if (joined && "members" in joined) {
    applyPickers(joined.pickers ?? {});
    showMembers(joined.members);
  }
  if (shared) show(shared);
  return shared !== null && shared !== undefined;
}

function memberName() {
  const stored = localStorage.getItem("chaingraph-name");
  if (stored) return stored;
  const name = `${t("room.guest")}${Math.floor(1000 + Math.random() * 9000)}`;
  localStorage.setItem("chaingraph-name", name);
  return name;
}

start().catch(e => {
  setConnection("disconnected");
  showMessage(t("error.start", readable(e)));
});
