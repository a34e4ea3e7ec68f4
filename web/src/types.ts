// Shapes of what the server sends (see src/ChainGraph.Server). The REST ones are checked against the
// service's OpenAPI document by a test (tests/ChainGraph.Server.Tests/OpenApiTests.cs).

export interface CyElement {
  group: "nodes" | "edges";
  data: Record<string, unknown> & { id: string };
  classes: string;
}

export interface ViewRequest {
  kind: "chain" | "focus" | "chokepoints" | "path" | "linkage" | "centrality" | "compare" | "rank" | "profile" | "alternatives";
  to?: string;
  k?: number;
  chain?: string;
  region?: string;
  focus?: string;
  depth?: number;
  top?: number;
  room?: string;
  regions?: string;
  level?: "province" | "city" | "county";
  weakBelow?: number;
  strongAt?: number;
  candidates?: number;
  tag?: string;
}

/** An analysis a view carries (hub contract): the same JSON the REST endpoint returns. */
export interface Analysis { kind: "gaps" | "chokepoints" | "compare" | "rank" | "profile" | "alternatives" | "centrality"; report: unknown }

export interface Member { id: string; name: string }
export interface RoomJoined { view: ViewOpened | null; pickers: Record<string, string>; members: Member[] }
export interface Position { x: number; y: number }

export interface ViewOpened {
  viewId: string;
  title: string;
  layout: "chain" | "dagre" | "fcose";
  elements: CyElement[];
  request: ViewRequest;
  analysis?: Analysis | null;
  expanded?: string[];
  selection?: string | null;
  positions?: Record<string, Position>;
}

export interface ViewPatch {
  viewId: string;
  added: CyElement[];
  removed: string[];
  updated: CyElement[];
  expanded?: string[];
  collapsed?: string[];
  analysis?: Analysis | null;
}

export interface JobProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number | null;
}

export interface GapCandidate { id: string; name: string; province: string | null; city: string | null; score: number; why: string; code?: string; stockCode?: string; tags?: string[]; }
export interface SegmentGap { id: string; name: string; stage: string; status: string; local: number; national: number; candidates: GapCandidate[]; }
export interface GapReport { chainName: string; region: string; segments: SegmentGap[]; }
export interface ChokepointItem { id: string; name: string; label: string; suppliers: number; hhi: number; foreignShare: number | null; dominates: number; articulation: boolean; score: number; why: string; }
export interface ChokepointReport { items: ChokepointItem[]; articulationPoints: string[]; }
/** What the chain picker offers (GET /api/chains): a template (kind "chain") or an industry whose chain is derived. */
export interface ChainSummary { id: string; name: string; segments: number; kind: string; sector?: string | null; division?: string | null; enterprises?: number | null; level?: number | null; }

export interface RegionSegmentStatus { id: string; name: string; status: string; local: number; points: number }
export interface RankedRegion { rank: number; id: string; code: string; name: string; province: string | null; score: number; why: string; missing: string[]; segments: RegionSegmentStatus[] }
export interface RankReport { chainId: string; chainName: string; level: string; regions: RankedRegion[]; total: number; withMakers: number }
export interface CompareReport {
  chainId: string; chainName: string;
  regions: { name: string; kind: string; code: string | null; score: number; missing: string[]; weak: string[] }[];
  segments: { id: string; name: string; stage: string; national: number; regions: { status: string; makers: number }[] }[];
}
export interface SavedView { id: string; name: string; request: ViewRequest; pickers?: Record<string, string>; created: string }
