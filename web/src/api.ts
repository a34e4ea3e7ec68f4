// The REST API under /api. A service with API keys answers 401 until the user gives one;
// it is kept for the browser session and sent with every call and the hub connection.

import { t } from "./i18n";

const keyName = "chaingraph-key";

export const apiKey = () => sessionStorage.getItem(keyName) ?? "";

async function get<T>(path: string, retry = true): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (apiKey()) headers.Authorization = `Bearer ${apiKey()}`;
  const response = await fetch(path, { headers });
  if ((response.status === 401 || response.status === 403) && retry) {
    const key = prompt(response.status === 401 ? t("key.needed") : t("key.refused"));
    if (key) {
      sessionStorage.setItem(keyName, key.trim());
      return get<T>(path, false);
    }
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`);
  }
  return response.json() as Promise<T>;
}

const query = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

import type { ChainSummary } from "./types";

export const api = {
  chains: () => get<ChainSummary[]>("/api/chains"),
  regions: () => get<{ name: string; level: string; enterprises: number }[]>("/api/regions"),
  search: (q: string) => get<{ id: string; label: string; name: string }[]>(`/api/search?${query({ q, limit: 15 })}`),
  node: (id: string) => get<{ id: string; label: string; properties: Record<string, unknown>; total: number }>(`/api/nodes?${query({ id, limit: 1 })}`),
  gaps: <T>(chain: string, region: string) => get<T>(`/api/analyses/gaps?${query({ chain, region, candidates: 5 })}`),
  chokepoints: <T>(top: number) => get<T>(`/api/analyses/chokepoints?${query({ top })}`),
};
