// A tile map of China: one square per province in its geographic place (no borders to draw or download), coloured by
// the chain's completeness (GET /api/analyses/rank?level=province) or by one segment's status; a click on a province
// shows its cities (level=city, that province's), a click on a city opens the chain there.
import { api } from "./api";
import { $, el, svg } from "./dom";
import { busy, showError } from "./feedback";
import { t, tMaybe } from "./i18n";
import { colours } from "./style";
import type { RankedRegion, RankReport } from "./types";

/** Short name, column, row: 34 provincial divisions including Hong Kong, Macao and Taiwan. */
export const tiles: [string, number, number][] = [
  ["黑龙江", 9, 0], ["内蒙古", 6, 1], ["吉林", 9, 1], ["新疆", 1, 2], ["甘肃", 4, 2], ["宁夏", 5, 2], ["北京", 7, 2], ["辽宁", 8, 2],
  ["青海", 3, 3], ["陕西", 5, 3], ["山西", 6, 3], ["河北", 7, 3], ["天津", 8, 3], ["西藏", 2, 4], ["四川", 4, 4], ["重庆", 5, 4],
  ["河南", 6, 4], ["山东", 7, 4], ["江苏", 8, 4], ["上海", 9, 4], ["云南", 4, 5], ["贵州", 5, 5], ["湖北", 6, 5], ["安徽", 7, 5],
  ["浙江", 8, 5], ["湖南", 6, 6], ["江西", 7, 6], ["福建", 8, 6], ["台湾", 9, 6], ["广西", 5, 7], ["广东", 6, 7], ["香港", 7, 7],
  ["海南", 5, 8], ["澳门", 6, 8],
];

const size = 40;
const gap = 3;

interface MapState { chain: string; provinces?: RankReport; cities?: RankReport; province?: string; colourBy: string }
const shown: MapState = { chain: "", colourBy: "" };
let onRegion: (region: string) => void = () => undefined;
let onDrawn: (ms: number) => void = () => undefined;

export function onMapEvents(region: (name: string) => void, drawn: (ms: number) => void) {
  onRegion = region;
  onDrawn = drawn;
}

/** Completeness 0–100 on a light-to-dark blue ramp. */
function ramp(score: number) {
  const k = Math.max(0, Math.min(1, score / 100));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * Math.sqrt(k));
  return `rgb(${mix(222, 8)},${mix(235, 69)},${mix(247, 148)})`;
}

const dark = (score: number) => score >= 35;

function fill(region: RankedRegion | undefined): { colour: string; light: boolean; value: string } {
  if (!region) return { colour: colours.none, light: false, value: t("map.noData") };
  if (!shown.colourBy) return { colour: ramp(region.score), light: dark(region.score), value: region.score.toFixed(1) };
  const segment = region.segments.find(s => s.id === shown.colourBy);
  if (!segment) return { colour: colours.none, light: false, value: t("map.noData") };
  const colour = (colours as Record<string, string>)[segment.status] ?? colours.none;
  return { colour, light: segment.status !== "present", value: tMaybe("status", segment.status) };
}

/** Shows the map for a chain (fetched once per chain and level). */
export async function showMap(chain: string) {
  if (!chain) return;
  try {
    if (shown.chain !== chain || !shown.provinces) {
      shown.chain = chain;
      shown.cities = undefined;
      shown.province = undefined;
      shown.colourBy = "";
      shown.provinces = await busy(t("busy.map"), () => api.rank<RankReport>(chain, "province", 100));
    }
    draw();
  } catch (e) {
    showError(e);
  }
}

export const mapShown = () => ({ chain: shown.chain, province: shown.province, colourBy: shown.colourBy });

async function openProvince(name: string) {
  try {
    if (!shown.cities) shown.cities = await busy(t("busy.map"), () => api.rank<RankReport>(shown.chain, "city", 1000));
    shown.province = name;
    draw();
  } catch (e) {
    showError(e);
  }
}

function draw() {
  const started = performance.now();
  const box = $("map");
  const report = shown.provinces!;
  const picker = el("select", "map-colour");
  picker.append(new Option(t("map.byScore"), ""), ...(report.regions[0]?.segments ?? []).map(s => new Option(t("map.bySegment", s.name), s.id)));
  picker.value = shown.colourBy;
  picker.addEventListener("change", () => {
    shown.colourBy = picker.value;
    draw();
  });
  const crumbs = el("div", "crumbs");
  const all = el("button", "link", t("map.country"));
  all.addEventListener("click", () => {
    shown.province = undefined;
    draw();
  });
  crumbs.append(all);
  if (shown.province) {
    const open = el("button", "link open-region", t("map.openRegion", shown.province));
    const province = shown.province;
    open.addEventListener("click", () => onRegion(province));
    crumbs.append(" › ", el("strong", undefined, shown.province), " ", open);
  }
  const title = el("div", "map-title", t("map.title", report.chainName, shown.province ?? t("map.country")));
  const picture = shown.province ? cityTiles(shown.province) : provinceTiles(report);
  box.replaceChildren(title, el("div", "map-tools", picker, crumbs), picture, scale());
  box.dataset.level = shown.province ? "city" : "province";
  onDrawn(performance.now() - started);
}

function tile(x: number, y: number, label: string, region: RankedRegion | undefined, name: string, onClick?: () => void) {
  const f = fill(region);
  const g = svg("g", { class: `tile${region ? "" : " none"}`, "data-name": name, transform: `translate(${x},${y})` });
  const title = svg("title");
  title.textContent = region ? `${region.name} · #${region.rank} · ${t("rank.score")} ${region.score.toFixed(1)}${region.missing.length ? `\n${t("rank.missing")}: ${region.missing.join("、")}` : ""}` : `${name} · ${t("map.noData")}`;
  g.append(title, svg("rect", { width: size, height: size, rx: 4, fill: f.colour }));
  const text = f.light ? "#ffffff" : "#1d2433";
  g.append(svg("text", { x: size / 2, y: 16, "text-anchor": "middle", "font-size": label.length > 3 ? 10 : 12, "font-weight": "bold", fill: text }, label));
  g.append(svg("text", { x: size / 2, y: 31, "text-anchor": "middle", "font-size": 9, fill: text }, region ? f.value : "—"));
  if (onClick) {
    g.classList.add("clickable");
    g.addEventListener("click", onClick);
  }
  return g;
}

function provinceTiles(report: RankReport) {
  const byShort = (short: string) => report.regions.find(r => r.name.startsWith(short) || (r.province ?? "").startsWith(short));
  const picture = svg("svg", { class: "tiles", width: 10 * (size + gap), height: 9 * (size + gap), viewBox: `0 0 ${10 * (size + gap)} ${9 * (size + gap)}`, role: "img" });
  for (const [short, col, row] of tiles) {
    const region = byShort(short);
    picture.append(tile(col * (size + gap), row * (size + gap), short, region, region?.name ?? short, region ? () => openProvince(region.name) : undefined));
  }
  return picture;
}

function cityTiles(province: string) {
  const cities = (shown.cities?.regions ?? []).filter(r => r.province === province);
  const columns = 9;
  const rows = Math.max(1, Math.ceil(cities.length / columns));
  const picture = svg("svg", { class: "tiles cities", width: columns * (size + gap), height: rows * (size + gap), viewBox: `0 0 ${columns * (size + gap)} ${rows * (size + gap)}`, role: "img" });
  cities.forEach((city, i) => {
    const short = city.name.replace(/(市|地区|自治州|盟)$/, "");
    picture.append(tile((i % columns) * (size + gap), Math.floor(i / columns) * (size + gap), short.length > 4 ? short.slice(0, 4) : short, city, city.name, () => onRegion(city.name)));
  });
  if (cities.length === 0) return el("p", "empty", t("map.noCities", province));
  return picture;
}

function scale() {
  const box = el("div", "map-scale");
  const swatch = (colour: string, label: string) => {
    const i = el("i");
    i.style.background = colour;
    return el("span", undefined, i, label);
  };
  if (shown.colourBy) for (const s of ["missing", "weak", "present", "strong"]) box.append(swatch((colours as Record<string, string>)[s], tMaybe("status", s)));
  else for (const v of [0, 25, 50, 75, 100]) box.append(swatch(ramp(v), String(v)));
  box.append(swatch(colours.none, t("map.noData")));
  return box;
}
