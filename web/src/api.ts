// The REST API under /api. A service with API keys answers 401 until the user gives one;
// it is kept for the browser session and sent with every call and the hub connection.

import { lang, t } from "./i18n";

const keyName = "chaingraph-key";

export const apiKey = () => sessionStorage.getItem(keyName) ?? "";

async function get<T>(path: string, retry = true): Promise<T> {
  return (await send(path, undefined, retry)).json() as Promise<T>;
}

/** A GET (no body) or a JSON POST; asks for a key on 401/403 once; a failure throws the service's message. */
async function send(path: string, body?: unknown, retry = true): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (apiKey()) headers.Authorization = `Bearer ${apiKey()}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
  // Open mode refuses a page's writes whatever the key: asking for one would not help (a service with keys says 401 or 403 otherwise).
  const openMode = response.status === 403 && (await response.clone().json().catch(() => ({}))).title === "Refused without API keys";
  if ((response.status === 401 || response.status === 403) && retry && !openMode) {
    const key = prompt(response.status === 401 ? t("key.needed") : t("key.refused"));
    if (key) {
      sessionStorage.setItem(keyName, key.trim());
      return send(path, body, false);
    }
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const errors = problem.errors ? Object.values(problem.errors as Record<string, string[]>).flat().join(" ") : "";
    throw new Error(errors || problem.detail || problem.title || `${response.status} ${response.statusText}`);
  }
  return response;
}

export const query = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

import type { ChainSummary, SavedView, ViewRequest } from "./types";

export const api = {
  chains: () => get<ChainSummary[]>("/api/chains"),
  regions: () => get<{ name: string; level: string; enterprises: number }[]>("/api/regions"),
  search: (q: string) => get<{ id: string; label: string; name: string }[]>(`/api/search?${query({ q, limit: 15 })}`),
  node: (id: string) => get<{ id: string; label: string; properties: Record<string, unknown>; total: number }>(`/api/nodes?${query({ id, limit: 1 })}`),
  gaps: <T>(chain: string, region: string) => get<T>(`/api/analyses/gaps?${query({ chain, region, candidates: 5, lang })}`),
  chokepoints: <T>(top: number) => get<T>(`/api/analyses/chokepoints?${query({ top, lang })}`),
  rank: <T>(chain: string, level: string, top = 1000) => get<T>(`/api/analyses/rank?${query({ chain, level, top, lang })}`),
  compare: <T>(chain: string, regions: string) => get<T>(`/api/analyses/compare?${query({ chain, regions, lang })}`),
  views: () => get<SavedView[]>("/api/views"),
  view: (id: string) => get<SavedView>(`/api/views/${encodeURIComponent(id)}`),
  saveView: async (name: string, request: ViewRequest, pickers: Record<string, string>) =>
    (await send("/api/views", { name, request, pickers })).json() as Promise<SavedView>,
  xlsx: async (title: string, sheets: { name: string; header: string[]; rows: string[][] }[]) => (await send("/api/export/xlsx", { title, sheets })).blob(),
};
