// The analyses' answers as tables (table.ts) in the page's language.
import { t } from "./i18n";
import type { Column, TableRow, TableSpec } from "./table";
import type { ChokepointReport, CompareReport, GapCandidate, GapReport, RankReport } from "./types";

const stockCode = (c: GapCandidate) => c.code ?? c.stockCode ?? (/^\d{6}$/.test(c.id) ? c.id : "");

export function gapsTable(report: GapReport): TableSpec {
  const candidates = report.segments.flatMap(s => s.candidates);
  const hasTags = candidates.some(c => (c.tags?.length ?? 0) > 0);
  const hasCodes = candidates.some(c => stockCode(c) !== "");
  const columns: Column[] = [
    { key: "segment", label: t("gaps.segment") },
    { key: "status", label: t("gaps.status"), status: true },
    { key: "localNational", label: t("gaps.localNational") },
    { key: "candidate", label: t("gaps.candidate") },
    ...(hasCodes ? [{ key: "code", label: t("gaps.code") }] : []),
    { key: "province", label: t("gaps.province") },
    { key: "city", label: t("gaps.city") },
    ...(hasTags ? [{ key: "tags", label: t("gaps.tags") }] : []),
    { key: "score", label: t("gaps.score"), numeric: true, digits: 2 },
    { key: "why", label: t("gaps.why"), reason: true },
  ];
  const rows: TableRow[] = report.segments.flatMap((s): TableRow[] => {
    const group = { segment: s.name, status: s.status, localNational: `${s.local}/${s.national}` };
    if (s.candidates.length === 0) return [{ id: s.id, empty: true, cells: { ...group, candidate: "", code: "", province: "", city: "", tags: "", score: null, why: "" } }];
    return s.candidates.map(c => ({
      id: c.id,
      cells: { ...group, candidate: c.name, code: stockCode(c), province: c.province ?? "", city: c.city ?? "", tags: (c.tags ?? []).join("、"), score: c.score, why: c.why },
    }));
  });
  return {
    name: t("sheet.gaps"), columns, rows, groupBy: "segment", groupColumns: ["status", "localNational"],
    groupIds: Object.fromEntries(report.segments.map(s => [s.name, s.id])),
  };
}

/** Chokepoints: makers and HHI describe products; an enterprise (its products only it makes) shows "—" there. */
export function chokepointsTable(report: ChokepointReport): TableSpec {
  const columns: Column[] = [
    { key: "rank", label: t("chokepoints.rank"), numeric: true },
    { key: "name", label: t("chokepoints.name") },
    { key: "kind", label: t("chokepoints.kind") },
    { key: "makers", label: t("chokepoints.makers"), numeric: true },
    { key: "hhi", label: t("chokepoints.hhi"), numeric: true, digits: 2 },
    { key: "foreign", label: t("chokepoints.foreign"), numeric: true },
    { key: "dominates", label: t("chokepoints.dominates"), numeric: true },
    { key: "score", label: t("gaps.score"), numeric: true, digits: 2 },
    { key: "why", label: t("gaps.why"), reason: true },
  ];
  const rows = report.items.map((i, rank) => {
    const product = i.label === "Product";
    return {
      id: i.id,
      cells: {
        rank: rank + 1, name: i.name, kind: t(product ? "label.Product" : i.label === "Enterprise" ? "label.Enterprise" : "label.Segment"),
        makers: product ? i.suppliers : "—", hhi: product ? i.hhi : "—",
        foreign: product && i.foreignShare !== null ? `${Math.round(i.foreignShare * 100)}%` : "—",
        dominates: i.dominates, score: i.score, why: i.why,
      },
    };
  });
  return { name: t("sheet.chokepoints"), columns, rows };
}

export function rankTable(report: RankReport): TableSpec {
  const columns: Column[] = [
    { key: "rank", label: t("chokepoints.rank"), numeric: true },
    { key: "name", label: t("rank.region") },
    { key: "province", label: t("gaps.province") },
    { key: "score", label: t("rank.score"), numeric: true, digits: 1 },
    { key: "missing", label: t("rank.missing") },
    { key: "why", label: t("gaps.why"), reason: true },
  ];
  return {
    name: t("sheet.rank"), columns,
    rows: report.regions.map(r => ({ id: r.id, cells: { rank: r.rank, name: r.name, province: r.province ?? "", score: r.score, missing: r.missing.join("、"), why: r.why } })),
  };
}

export function compareTable(report: CompareReport): TableSpec {
  const columns: Column[] = [
    { key: "segment", label: t("gaps.segment") },
    { key: "national", label: t("compare.national"), numeric: true },
    ...report.regions.flatMap((r, i) => [
      { key: `s${i}`, label: r.name, status: true },
      { key: `m${i}`, label: t("compare.makers", r.name), numeric: true },
    ]),
  ];
  const rows = report.segments.map(s => ({
    id: s.id,
    cells: { segment: s.name, national: s.national, ...Object.fromEntries(s.regions.flatMap((r, i) => [[`s${i}`, r.status], [`m${i}`, r.makers]])) },
  }));
  const scores = { id: "", cells: { segment: t("compare.score"), national: null, ...Object.fromEntries(report.regions.flatMap((r, i) => [[`s${i}`, null], [`m${i}`, r.score]])) } };
  return { name: t("sheet.compare"), columns, rows: [scores, ...rows] };
}

/** Any other analysis (centrality, profile, alternatives): its first list of records, one column per plain field. */
export function genericTable(name: string, report: unknown): TableSpec | undefined {
  if (!report || typeof report !== "object") return undefined;
  const list = Object.values(report as Record<string, unknown>).find(v => Array.isArray(v) && v.length > 0 && typeof v[0] === "object") as Record<string, unknown>[] | undefined;
  if (!list) return undefined;
  const keys = Object.keys(list[0]).filter(k => list.some(r => ["string", "number", "boolean"].includes(typeof r[k]) || Array.isArray(r[k]))).slice(0, 10);
  const columns: Column[] = keys.map(k => ({ key: k, label: k, numeric: typeof list[0][k] === "number", reason: k === "why", digits: typeof list[0][k] === "number" && !Number.isInteger(list[0][k]) ? 3 : undefined }));
  const cell = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : Array.isArray(v) ? v.map(x => (typeof x === "object" ? (x as { name?: string }).name ?? "" : String(x))).join("、") : v === true ? "✓" : v === false ? "" : null);
  return { name, columns, rows: list.map(r => ({ id: String(r.id ?? r.name ?? ""), cells: Object.fromEntries(keys.map(k => [k, cell(r[k])])) })) };
}
