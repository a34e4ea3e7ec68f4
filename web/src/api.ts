// The REST API under /api.

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`);
  }
  return response.json() as Promise<T>;
}

const query = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();

export const api = {
  chains: () => get<{ id: string; name: string; segments: number }[]>("/api/chains"),
  regions: () => get<{ name: string; level: string; enterprises: number }[]>("/api/regions"),
  search: (q: string) => get<{ id: string; label: string; name: string }[]>(`/api/search?${query({ q, limit: 15 })}`),
  node: (id: string) => get<{ id: string; label: string; properties: Record<string, unknown>; total: number }>(`/api/nodes/${encodeURIComponent(id)}?limit=1`),
  gaps: <T>(chain: string, region: string) => get<T>(`/api/analyses/gaps?${query({ chain, region, candidates: 5 })}`),
  chokepoints: <T>(top: number) => get<T>(`/api/analyses/chokepoints?${query({ top })}`),
};
