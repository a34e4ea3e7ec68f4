#!/usr/bin/env python3
"""Independent NetworkX reference for ChainGraph's PageRank and Louvain communities.

Usage: python3 tests/reference/networkx_centrality.py ../shared/data/chainkg [--timing]

Supply network (directed, one node per enterprise and per product, isolated nodes included):
  enterprise id = 6-digit stock code, a ".SH"/".SZ"/".BJ" suffix stripped case-insensitively
                  ("300957.sz" -> "300957"); codes from company.json (code),
                  company_product.json and company_industry.json (company_code).
  product id    = name exactly as stored (no trimming): product.json (name)
                  U company_product.json (product_name)
                  U from_entity/to_entity of every product_product.json row of any rel,
                    except self-loop rows (from_entity == to_entity).
  MAKES    enterprise -> product, one per distinct company_product (code, product) pair.
  INPUT_TO product -> product from product_product.json:
             rel == "上游材料": to_entity -> from_entity  (the material is an input of the product)
             rel == "下游产品": from_entity -> to_entity
             rel == "产品小类": no edge
  Edges deduplicated, self-loops dropped. Industries and regions are not part of it.

Computes PageRank of the directed network (alpha 0.85, uniform teleport, dangling
rank spread uniformly) and Louvain communities of its undirected simple version.
Nodes and edges are added in sorted (code point) order, so the result does not depend
on PYTHONHASHSEED. Prints one JSON object on stdout (seconds only with --timing).

PageRank uses networkx's pure-Python power iteration (pagerank_alg._pagerank_python):
nx.pagerank in 3.6.1 needs SciPy/NumPy, which this environment lacks; both run the same
iteration (x' = alpha*(x W + dangling_sum/N) + (1-alpha)/N, stop when ||x'-x||_1 < N*tol).
"""
import json
import os
import random
import re
import sys
import time

import networkx as nx
from networkx.algorithms.link_analysis import pagerank_alg

EXPECTED_ENTERPRISES = 4689
EXPECTED_PRODUCTS = 95576
EXPECTED_MAKES = 53207
EXPECTED_INPUT_TO = 56735

ALPHA = 0.85
MAX_ITER = 1000
TOL = 1e-13
TOP = 200
SAMPLE = 500
SAMPLE_SEED = 7
LOUVAIN_SEED = 42
EXTRA_SEEDS = (1, 2, 3)
LARGEST = 20

CODE_SUFFIX = re.compile(r"\.(SH|SZ|BJ)$", re.IGNORECASE)
SIX_DIGITS = re.compile(r"[0-9]{6}")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def code_id(code):
    c = CODE_SUFFIX.sub("", code)
    assert SIX_DIGITS.fullmatch(c), f"not a 6-digit stock code: {code!r}"
    return c


def pagerank(g):
    return pagerank_alg._pagerank_python(g, alpha=ALPHA, max_iter=MAX_ITER, tol=TOL)


def louvain(ug, seed):
    return nx.community.louvain_communities(ug, seed=seed, resolution=1.0, threshold=1e-7)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    timing = "--timing" in argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = args[0]

    # ---- read the rows ----
    companies = list(read_jsonl(os.path.join(data, "company.json")))
    company_products = list(read_jsonl(os.path.join(data, "company_product.json")))
    company_industries = list(read_jsonl(os.path.join(data, "company_industry.json")))
    product_rows = list(read_jsonl(os.path.join(data, "product.json")))
    product_product = list(read_jsonl(os.path.join(data, "product_product.json")))

    # ---- nodes ----
    enterprises = {code_id(r["code"]) for r in companies}
    enterprises.update(code_id(r["company_code"]) for r in company_products)
    enterprises.update(code_id(r["company_code"]) for r in company_industries)
    assert len(enterprises) == EXPECTED_ENTERPRISES, f"enterprises {len(enterprises)} != {EXPECTED_ENTERPRISES}"

    products = {r["name"] for r in product_rows}
    products.update(r["product_name"] for r in company_products)
    for r in product_product:
        if r["from_entity"] != r["to_entity"]:
            products.add(r["from_entity"])
            products.add(r["to_entity"])
    assert len(products) == EXPECTED_PRODUCTS, f"products {len(products)} != {EXPECTED_PRODUCTS}"
    assert not (enterprises & products), "an enterprise id equals a product name"

    # ---- edges ----
    makes = {(code_id(r["company_code"]), r["product_name"]) for r in company_products}
    assert len(makes) == EXPECTED_MAKES, f"MAKES edges {len(makes)} != {EXPECTED_MAKES}"

    input_to = set()
    for r in product_product:
        rel = r["rel"]
        if rel == "上游材料":
            s, t = r["to_entity"], r["from_entity"]
        elif rel == "下游产品":
            s, t = r["from_entity"], r["to_entity"]
        elif rel == "产品小类":
            continue
        else:
            raise ValueError(f"unknown rel {rel!r}")
        if s != t:
            input_to.add((s, t))
    assert len(input_to) == EXPECTED_INPUT_TO, f"INPUT_TO edges {len(input_to)} != {EXPECTED_INPUT_TO}"

    # ---- graphs, built in sorted order (deterministic whatever PYTHONHASHSEED) ----
    nodes = sorted(enterprises | products)
    edges = sorted(makes | input_to)
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    assert g.number_of_nodes() == EXPECTED_ENTERPRISES + EXPECTED_PRODUCTS
    assert g.number_of_edges() == EXPECTED_MAKES + EXPECTED_INPUT_TO

    ug = nx.Graph()  # undirected simple: a reciprocal pair u->v, v->u becomes one edge
    ug.add_nodes_from(nodes)
    ug.add_edges_from(edges)

    # ---- PageRank (directed) ----
    t0 = time.perf_counter()
    pr = pagerank(g)
    t_pr = time.perf_counter() - t0
    assert len(pr) == len(nodes)

    ranked = sorted(pr.items(), key=lambda kv: (-kv[1], kv[0]))
    top = [[n, s] for n, s in ranked[:TOP]]
    sample_ids = random.Random(SAMPLE_SEED).sample(nodes, SAMPLE)
    sample = [[n, pr[n]] for n in sample_ids]

    # ---- Louvain (undirected) ----
    t0 = time.perf_counter()
    comms = louvain(ug, LOUVAIN_SEED)
    t_lv = time.perf_counter() - t0
    q = nx.community.modularity(ug, comms)
    sizes = sorted((len(c) for c in comms), reverse=True)

    by_seed = {}
    for s in EXTRA_SEEDS:
        by_seed[str(s)] = nx.community.modularity(ug, louvain(ug, s))

    # ---- weakly connected components as a partition (isolated nodes are singletons) ----
    comps = list(nx.connected_components(ug))
    qc = nx.community.modularity(ug, comps)

    out = {
        "nodes": len(nodes),
        "enterprises": len(enterprises),
        "products": len(products),
        "makesEdges": len(makes),
        "inputToEdges": len(input_to),
        "pagerank": {"alpha": ALPHA, "top": top, "sample": sample},
        "louvain": {
            "seed": LOUVAIN_SEED,
            "communities": len(comms),
            "modularity": q,
            "largest": sizes[:LARGEST],
            "modularityBySeed": by_seed,
        },
        "components": {"count": len(comps), "modularity": qc},
    }
    if timing:
        out["seconds"] = {"pagerank": round(t_pr, 4), "louvain": round(t_lv, 4)}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
