#!/usr/bin/env python3
"""Independent NetworkX reference for ChainGraph's chokepoint analysis.

Usage: python3 tests/reference/networkx_chokepoints.py /work/shared/data/chainkg [--timing]

Graph (INPUT_TO, directed, between product names), from product_product.json:
  rel == "上游材料": to_entity -> from_entity  (the material is an input of the product)
  rel == "下游产品": from_entity -> to_entity
  rel == "产品小类": ignored (SUBTYPE_OF, not part of this graph)
  self-loops dropped, duplicate edges counted once.
Product nodes: names in product.json  U  product_name in company_product.json
               U  every endpoint of an INPUT_TO edge.

Computes articulation points / bridges of the undirected INPUT_TO graph and the
dominator tree from a virtual source wired to every product with in-degree 0.
Prints one JSON object on stdout (seconds only with --timing).
"""
import hashlib
import json
import os
import sys
import time

import networkx as nx

EXPECTED_EDGES = 56735
SOURCE = ("\u0000SOURCE",)  # a tuple: can never collide with a product name (str)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def sha256_lines(lines):
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    timing = "--timing" in argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = args[0]

    # ---- build the graph (not timed as part of steps 1/2) ----
    edges = set()
    for row in read_jsonl(os.path.join(data, "product_product.json")):
        rel = row["rel"]
        if rel == "上游材料":
            s, t = row["to_entity"], row["from_entity"]
        elif rel == "下游产品":
            s, t = row["from_entity"], row["to_entity"]
        elif rel == "产品小类":
            continue
        else:
            raise ValueError(f"unknown rel {rel!r}")
        if s != t:
            edges.add((s, t))
    assert len(edges) == EXPECTED_EDGES, f"INPUT_TO edge count {len(edges)} != {EXPECTED_EDGES}"

    products = set(r["name"] for r in read_jsonl(os.path.join(data, "product.json")))
    products.update(r["product_name"] for r in read_jsonl(os.path.join(data, "company_product.json")))
    for s, t in edges:
        products.add(s)
        products.add(t)

    dg = nx.DiGraph()
    dg.add_nodes_from(products)
    dg.add_edges_from(edges)
    ug = nx.Graph()
    ug.add_edges_from(edges)  # isolated products omitted: they cannot be articulation points

    wccs = list(nx.weakly_connected_components(dg.subgraph(ug.nodes)))
    largest_component = max(len(c) for c in wccs)

    # ---- step 1: articulation points + bridges ----
    t0 = time.perf_counter()
    aps = sorted(nx.articulation_points(ug))
    bridge_count = sum(1 for _ in nx.bridges(ug))
    t_ap = time.perf_counter() - t0

    # ---- step 2: dominators from a virtual source ----
    roots = [p for p in products if dg.in_degree(p) == 0]
    dg.add_node(SOURCE)
    dg.add_edges_from((SOURCE, r) for r in roots)

    t0 = time.perf_counter()
    idom = nx.immediate_dominators(dg, SOURCE)
    children = {}
    for node, parent in idom.items():
        if node == SOURCE:
            continue  # the source's own entry (idom[source] == source in some versions)
        children.setdefault(parent, []).append(node)
    # subtree sizes by iterative post-order from the source
    size = {}
    stack = [(SOURCE, False)]
    while stack:
        node, done = stack.pop()
        if done:
            size[node] = 1 + sum(size[c] for c in children.get(node, ()))
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children.get(node, ()))
    dominates = {n: size[n] - 1 for n in size if n != SOURCE}
    t_dom = time.perf_counter() - t0
    dg.remove_node(SOURCE)

    unreachable = len(products) - len(dominates)
    assert all(p in products for p in dominates)
    positive = sorted((n, c) for n, c in dominates.items() if c >= 1)
    top = sorted(positive, key=lambda nc: (-nc[1], nc[0]))[:30]

    out = {
        "products": len(products),
        "inputToEdges": len(edges),
        "productsWithEdges": ug.number_of_nodes(),
        "weakComponents": len(wccs),
        "largestComponent": largest_component,
        "articulationPointCount": len(aps),
        "articulationPointsSha256": sha256_lines(aps),
        "bridgeCount": bridge_count,
        "rootsWithoutInput": len(roots),
        "unreachable": unreachable,
        "dominatorsCount": len(positive),
        "dominatesSha256": sha256_lines(f"{n}\t{c}" for n, c in positive),
        "topDominators": [[n, c] for n, c in top],
        "articulationSample": aps[:30],
        "networkxVersion": nx.__version__,
    }
    if timing:
        out["seconds"] = {"articulationPoints": round(t_ap, 4), "dominators": round(t_dom, 4)}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
