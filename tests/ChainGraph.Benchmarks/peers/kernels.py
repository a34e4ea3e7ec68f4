#!/usr/bin/env python3
"""igraph and graph-tool on the graphs ChainGraph's kernels run on, for the kernels-chainkg benchmark.

Usage: /usr/bin/python3 kernels.py FOLDER

FOLDER holds what the benchmark wrote, each file a node count on its first line, then one
edge "u v" per line:
  structure.txt   undirected, articulation points
  dominators.txt  directed, the last node is the virtual source
  supply.txt      directed, PageRank
  communities.txt undirected, Louvain
and ChainGraph's answers (ours-*.txt, one value per line) to check the peers against.

Loads the graphs (not timed), runs every kernel once (the warm-up), compares the answers and
prints one JSON line. Then, for each "round" line on stdin, times every kernel once per library
with time.perf_counter and prints one JSON line of milliseconds; the benchmark times its own
kernels between rounds, so both sides see the same machine load.

Settings: PageRank damping 0.85; igraph's PRPACK solves to an L1 residual of 1e-10, graph-tool
is given epsilon=1e-10 (L1 change between iterations). Louvain: igraph's community_multilevel,
randomised through Python's random module, seeded 42 once; graph-tool has no Louvain.
graph-tool runs on one OpenMP thread, as igraph and ChainGraph run on one: with two, on a machine
that other processes keep busy, its threads wait on each other (PageRank took 10 to 20 times longer).
"""
import json
import os
import random
import sys
import time

import numpy as np
import igraph as ig

try:
    import graph_tool.all as gt
except ImportError:
    gt = None

DAMPING = 0.85
EPSILON = 1e-10


def read_edges(folder, name):
    with open(os.path.join(folder, name)) as f:
        n = int(f.readline())
        edges = np.loadtxt(f, dtype=np.int64, ndmin=2).reshape(-1, 2)
    return n, edges


def read_values(folder, name, dtype):
    return np.loadtxt(os.path.join(folder, name), dtype=dtype, ndmin=1)


def igraph_graph(n, edges, directed):
    return ig.Graph(n=n, edges=edges.tolist(), directed=directed)


def gt_graph(n, edges, directed):
    g = gt.Graph(directed=directed)
    g.add_vertex(n)
    g.add_edge_list(edges)
    return g


def igraph_kernels(folder):
    structure = igraph_graph(*read_edges(folder, "structure.txt"), directed=False)
    n, edges = read_edges(folder, "dominators.txt")
    dominators = igraph_graph(n, edges, directed=True)
    supply = igraph_graph(*read_edges(folder, "supply.txt"), directed=True)
    communities = igraph_graph(*read_edges(folder, "communities.txt"), directed=False)
    root = n - 1
    return {
        "articulationPoints": lambda: structure.articulation_points(),
        "dominators": lambda: dominators.dominator(root, mode="out"),
        "pageRank": lambda: supply.pagerank(damping=DAMPING, directed=True),
        "louvain": lambda: communities.community_multilevel(),
    }, communities


def gt_kernels(folder):
    structure = gt_graph(*read_edges(folder, "structure.txt"), directed=False)
    n, edges = read_edges(folder, "dominators.txt")
    dominators = gt_graph(n, edges, directed=True)
    supply = gt_graph(*read_edges(folder, "supply.txt"), directed=True)
    root = dominators.vertex(n - 1)
    return {
        "articulationPoints": lambda: gt.label_biconnected_components(structure)[1],
        "dominators": lambda: gt.dominator_tree(dominators, root),
        "pageRank": lambda: gt.pagerank(supply, damping=DAMPING, epsilon=EPSILON),
    }


def checks(folder, igraph_answers, gt_answers, communities):
    """How far each peer's answer is from ours: nodes on which the articulation points and the
    immediate dominators differ, PageRank's largest difference from igraph's, and every
    partition's modularity by igraph's function."""
    points = set(read_values(folder, "ours-articulation.txt", np.int64).tolist())
    idom = read_values(folder, "ours-dominators.txt", np.int64)
    rank = read_values(folder, "ours-pagerank.txt", np.float64)
    membership = read_values(folder, "ours-membership.txt", np.int64).tolist()
    # igraph gives unreachable nodes NaN and the root -1; ours gives both -1.
    igraph_idom = np.array([-1 if d != d else int(d) for d in igraph_answers["dominators"]])
    igraph_rank = np.array(igraph_answers["pageRank"])
    out = {
        "articulationPointsDiffer": {"igraph": len(set(igraph_answers["articulationPoints"]) ^ points)},
        "dominatorsDiffer": {"igraph": int((igraph_idom != idom).sum())},
        "pageRankMaxAbsDifferenceFromIgraph": {"ours": float(np.abs(rank - igraph_rank).max())},
        "modularity": {"ours": communities.modularity(membership),
                       "igraph": communities.modularity(igraph_answers["louvain"].membership)},
    }
    if gt_answers:
        gt_points = set(np.flatnonzero(gt_answers["articulationPoints"].a).tolist())
        out["articulationPointsDiffer"]["graph-tool"] = len(gt_points ^ points)
        # graph-tool gives unreachable nodes and the root 0, a node index too: only reachable nodes are compared.
        reachable = idom >= 0
        out["dominatorsDiffer"]["graph-tool"] = int((gt_answers["dominators"].a[reachable] != idom[reachable]).sum())
        out["pageRankMaxAbsDifferenceFromIgraph"]["graph-tool"] = float(np.abs(gt_answers["pageRank"].a - igraph_rank).max())
    return out


def time_once(kernels):
    times = {}
    for name, run in kernels.items():
        start = time.perf_counter()
        answer = run()
        times[name] = (time.perf_counter() - start) * 1000
        if name == "louvain":
            times["louvainModularity"] = answer.modularity
    return times


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[1]
    random.seed(42)
    igraph_all, communities = igraph_kernels(folder)
    peers = {"igraph": igraph_all}
    igraph_answers = {name: run() for name, run in igraph_all.items()}
    gt_answers = None
    if gt is not None:
        gt.openmp_set_num_threads(1)
        peers["graph-tool"] = gt_kernels(folder)
        gt_answers = {name: run() for name, run in peers["graph-tool"].items()}
    print(json.dumps({
        "versions": {"igraph": ig.__version__, "graph-tool": gt.__version__.split()[0] if gt else None},
        "graphToolThreads": gt.openmp_get_num_threads() if gt else None,
        "checks": checks(folder, igraph_answers, gt_answers, communities),
    }), flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        print(json.dumps({name: time_once(kernels) for name, kernels in peers.items()}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
