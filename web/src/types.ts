// Shapes of what the server sends (see src/ChainGraph.Server). The REST ones are checked against the
// service's OpenAPI document by a test (tests/ChainGraph.Server.Tests/OpenApiTests.cs).

export interface CyElement {
  group: "nodes" | "edges";
  data: Record<string, unknown> & { id: string };
  classes: string;
}

export interface ViewRequest {
  kind: "chain" | "focus" | "chokepoints" | "path" | "linkage" | "centrality";
  to?: string;
  k?: number;
  chain?: string;
  region?: string;
  focus?: string;
  depth?: number;
  top?: number;
  room?: string;
}

export interface ViewOpened {
  viewId: string;
  title: string;
  layout: "dagre" | "fcose";
  elements: CyElement[];
  request: ViewRequest;
}

export interface ViewPatch {
  viewId: string;
  added: CyElement[];
  removed: string[];
  updated: CyElement[];
}

export interface JobProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number | null;
}

export interface GapCandidate { id: string; name: string; province: string | null; city: string | null; score: number; why: string; }
export interface SegmentGap { id: string; name: string; stage: string; status: string; local: number; national: number; candidates: GapCandidate[]; }
export interface GapReport { chainName: string; region: string; segments: SegmentGap[]; }
export interface ChokepointItem { id: string; name: string; label: string; suppliers: number; hhi: number; foreignShare: number | null; dominates: number; articulation: boolean; score: number; why: string; }
export interface ChokepointReport { items: ChokepointItem[]; articulationPoints: string[]; }
/** What the chain picker offers (GET /api/chains): a template (kind "chain") or an industry whose chain is derived. */
export interface ChainSummary { id: string; name: string; segments: number; kind: string; sector?: string | null; division?: string | null; enterprises?: number | null; level?: number | null; }
