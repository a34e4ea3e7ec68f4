// The side table: sortable by a click on a header, filtered by a box, optionally grouped (gaps by segment), reasons
// on one line with the full text on a click or in the title. What it shows is what the exports write (state.table).
import { $, el } from "./dom";
import { t, tMaybe } from "./i18n";

export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** A long text: one line with an ellipsis, the whole on a click. */
  reason?: boolean;
  /** A gap status: a coloured badge. */
  status?: boolean;
  /** How a number shows (and exports); by default as it is. */
  digits?: number;
}

export interface TableRow {
  /** The node a click focuses. */
  id: string;
  cells: Record<string, Cell>;
  /** A group's line without members (a segment without candidates): shown as the group's header only. */
  empty?: boolean;
}

export interface TableSpec {
  /** What the table is (the sheet's name in an export), e.g. 补链缺口. */
  name: string;
  columns: Column[];
  rows: TableRow[];
  /** Rows grouped under the value of this column; the columns in groupColumns show in the group's header. */
  groupBy?: string;
  groupColumns?: string[];
  /** The node a group's header focuses, by group value. */
  groupIds?: Record<string, string>;
}

export interface Shown { name: string; header: string[]; rows: string[][] }

type Sort = { key: string; descending: boolean } | undefined;

let spec: TableSpec | undefined;
let sort: Sort;
let filter = "";
let onFocus: (id: string) => void = () => undefined;
let onChange: (shown: Shown) => void = () => undefined;

export function onTableEvents(focus: (id: string) => void, change: (shown: Shown) => void) {
  onFocus = focus;
  onChange = change;
}

const text = (column: Column, value: Cell): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return column.digits === undefined ? String(value) : value.toFixed(column.digits);
  return column.status ? tMaybe("status", value) : value;
};

const statusOrder: Record<string, number> = { missing: 0, weak: 1, present: 2, strong: 3 };

function compare(column: Column, a: Cell, b: Cell): number {
  if (a === null || a === "" || a === "—") return b === null || b === "" || b === "—" ? 0 : 1;
  if (b === null || b === "" || b === "—") return -1;
  if (column.status) return (statusOrder[String(a)] ?? 9) - (statusOrder[String(b)] ?? 9);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "zh");
}

/** Shows a table; keeps the sort and filter when the same table is shown again (a language switch, a new analysis). */
export function showTable(next: TableSpec, keep = next.name === spec?.name) {
  if (!keep) {
    sort = undefined;
    filter = "";
  }
  spec = next;
  const box = $("table");
  const input = el("input", "filter");
  input.type = "search";
  input.placeholder = t("table.filter");
  input.value = filter;
  input.addEventListener("input", () => {
    filter = input.value;
    renderBody();
  });
  const count = el("span", "count");
  box.replaceChildren(el("div", "table-tools", input, count), el("table", "work", el("thead"), el("tbody")));
  renderHead();
  renderBody();
}

/** No table: the view shown has none, so neither the table nor its exports describe an earlier one. */
export function clearTable() {
  spec = undefined;
  $("table").replaceChildren(el("p", "empty", t("table.none")));
  onChange({ name: "", header: [], rows: [] });
}

export const tableName = () => spec?.name ?? "";

function visibleColumns() {
  const grouped = new Set(spec!.groupColumns ?? []);
  return spec!.columns.filter(c => !(spec!.groupBy && (c.key === spec!.groupBy || grouped.has(c.key))));
}

function renderHead() {
  const row = el("tr");
  for (const column of visibleColumns()) {
    const th = el("th", column.numeric ? "num" : undefined, column.label);
    th.dataset.key = column.key;
    th.title = t("table.sort");
    if (sort?.key === column.key) {
      th.append(el("span", "arrow", sort.descending ? "▼" : "▲"));
      th.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
    }
    th.addEventListener("click", () => {
      // Numbers sort largest first on the first click: the best candidate, the worst chokepoint.
      sort = sort?.key === column.key ? { key: column.key, descending: !sort.descending } : { key: column.key, descending: column.numeric === true };
      renderHead();
      renderBody();
    });
    row.append(th);
  }
  $("table").querySelector("thead")!.replaceChildren(row);
}

function matches(row: TableRow) {
  if (!filter.trim()) return true;
  const words = filter.trim().toLowerCase().split(/\s+/);
  const all = spec!.columns.map(c => text(c, row.cells[c.key])).join(" ").toLowerCase();
  return words.every(w => all.includes(w));
}

function renderBody() {
  const s = spec!;
  const rows = s.rows.filter(matches);
  if (sort) {
    const column = s.columns.find(c => c.key === sort!.key)!;
    rows.sort((a, b) => (sort!.descending ? -1 : 1) * compare(column, a.cells[column.key], b.cells[column.key]));
  }
  const columns = visibleColumns();
  const body: HTMLTableRowElement[] = [];
  // What the exports write: the rows in the order shown (by group, then as sorted).
  let ordered = rows;
  if (s.groupBy) {
    const groups = new Map<string, TableRow[]>();
    for (const row of s.rows) if (!groups.has(String(row.cells[s.groupBy]))) groups.set(String(row.cells[s.groupBy]), []);
    for (const row of rows) groups.get(String(row.cells[s.groupBy]))!.push(row);
    ordered = [];
    for (const [group, members] of groups) {
      if (members.length === 0) continue;
      ordered.push(...members);
      body.push(groupRow(group, members[0], columns.length));
      for (const row of members) if (!row.empty) body.push(dataRow(row, columns));
    }
  } else {
    for (const row of rows) body.push(dataRow(row, columns));
  }
  $("table").querySelector("tbody")!.replaceChildren(...body);
  const count = $("table").querySelector(".count")!;
  count.textContent = t("table.count", rows.filter(r => !r.empty).length, s.rows.filter(r => !r.empty).length);
  onChange({ name: s.name, header: s.columns.map(c => c.label), rows: ordered.map(r => s.columns.map(c => text(c, r.cells[c.key]))) });
}

function groupRow(group: string, first: TableRow, span: number) {
  const s = spec!;
  const td = el("td", undefined, el("strong", undefined, group));
  td.colSpan = span;
  for (const key of s.groupColumns ?? []) {
    const column = s.columns.find(c => c.key === key)!;
    const value = first.cells[key];
    td.append(" ", column.status ? badge(String(value)) : el("span", "group-note", `${column.label} ${text(column, value)}`));
  }
  const tr = el("tr", "group", td);
  const id = s.groupIds?.[group];
  if (id) {
    tr.dataset.id = id;
    tr.addEventListener("click", () => onFocus(id));
  }
  return tr;
}

export function badge(status: string) {
  return el("span", `status ${status}`, tMaybe("status", status));
}

function dataRow(row: TableRow, columns: Column[]) {
  const tr = el("tr");
  tr.dataset.id = row.id;
  for (const column of columns) {
    const value = text(column, row.cells[column.key]);
    const td = el("td", column.numeric ? "num" : undefined);
    if (column.status && row.cells[column.key]) td.append(badge(String(row.cells[column.key])));
    else if (column.reason) {
      td.className = "reason";
      td.title = value;
      td.append(el("span", undefined, value));
      td.addEventListener("click", event => {
        event.stopPropagation();
        td.classList.toggle("open");
      });
    } else td.textContent = value;
    tr.append(td);
  }
  tr.addEventListener("click", () => {
    $("table").querySelectorAll("tr.selected").forEach(r => r.classList.remove("selected"));
    tr.classList.add("selected");
    onFocus(row.id);
  });
  return tr;
}
