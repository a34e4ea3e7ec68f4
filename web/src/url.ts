// The address is the view: a ViewRequest as query parameters (beside lang and room, which belong to the page).
import type { ViewRequest } from "./types";

const fields = ["kind", "chain", "region", "focus", "to", "depth", "top", "k", "regions", "level", "weakBelow", "strongAt", "candidates", "tag"] as const;
const numbers = new Set(["depth", "top", "k", "weakBelow", "strongAt", "candidates"]);
const kinds = new Set(["chain", "focus", "chokepoints", "path", "linkage", "centrality", "compare", "rank", "profile", "alternatives"]);

/** The address of a view: the page's own parameters kept, the view's replaced. */
export function urlOf(request: ViewRequest): string {
  const url = new URL(location.href);
  for (const f of [...fields, "view"]) url.searchParams.delete(f);
  for (const f of fields) {
    const value = (request as unknown as Record<string, unknown>)[f];
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(f, String(value));
  }
  return url.pathname + url.search;
}

/** The view an address names, or undefined when it names none (or an unknown kind). */
export function requestOf(search: string): ViewRequest | undefined {
  const params = new URLSearchParams(search);
  const kind = params.get("kind");
  if (!kind || !kinds.has(kind)) return undefined;
  const request: Record<string, unknown> = {};
  for (const f of fields) {
    const value = params.get(f);
    if (value === null || value === "") continue;
    request[f] = numbers.has(f) ? Number(value) : value;
  }
  return request as unknown as ViewRequest;
}

export const savedViewOf = (search: string) => new URLSearchParams(search).get("view") ?? undefined;

/** Same view: the same parameters, whatever their order. */
export const sameRequest = (a: ViewRequest | undefined, b: ViewRequest | undefined) => !!a && !!b && urlOf(a) === urlOf(b);
