// The chain map: segments in columns from upstream to downstream, each a block with its products to its left and the
// region's makers left of those. Linear in nodes and edges but for sorting the segments; dagre's crossing
// minimisation took 1.4–1.7 s on a chain of 711 elements (`once web-client`), for a picture of the same shape.
import type { Core, NodeSingular } from "cytoscape";

const cell = { w: 96, h: 38 };
const gap = { column: 90, block: 36, inside: 20 };
const stageRank: Record<string, number> = { upstream: 0, midstream: 1, downstream: 2 };

interface Block { segment: NodeSingular; products: NodeSingular[]; makers: NodeSingular[]; rank: number; order: number }

/** Lays out a chain view (its segments are the nodes classed "anchor"); anything else left over goes in a grid below. */
export function layoutChain(cy: Core) {
  const blocks = new Map<string, Block>();
  cy.nodes(".anchor").forEach((segment, i) => {
    blocks.set(segment.id(), { segment, products: [], makers: [], rank: 0, order: Number(segment.data("order") ?? 0) * 10_000 + i });
  });
  if (blocks.size === 0) return;
  rankSegments(cy, blocks);

  // Each product in the first segment it belongs to; each maker with the segment holding most of what it makes.
  const owner = new Map<string, Block>();
  cy.edges().forEach(edge => {
    const block = blocks.get(edge.target().id());
    const source = edge.source();
    if (block && !blocks.has(source.id()) && !owner.has(source.id()) && source.hasClass("product")) {
      owner.set(source.id(), block);
      block.products.push(source);
    }
  });
  cy.nodes().forEach(node => {
    if (blocks.has(node.id()) || owner.has(node.id())) return;
    const votes = new Map<Block, number>();
    node.neighborhood("node").forEach(n => {
      const block = blocks.get(n.id()) ?? owner.get(n.id());
      if (block) votes.set(block, (votes.get(block) ?? 0) + 1);
    });
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (best) {
      owner.set(node.id(), best);
      best.makers.push(node);
    }
  });

  const leftover = cy.nodes().filter(n => !blocks.has(n.id()) && !owner.has(n.id()));
  cy.batch(() => {
    const bottom = placeBlocks([...blocks.values()], Math.max(0.5, cy.width() / Math.max(1, cy.height())));
    leftover.forEach((node, i) => { node.position({ x: (i % 12) * cell.w, y: bottom + gap.block + Math.floor(i / 12) * cell.h }); });
  });
}

/**
 * Columns from upstream to downstream: the longest run of segment-to-segment links before each segment (a cycle's
 * closing link ignored) when that makes a flow of at most six columns, else the segments' stages (a derived chain's
 * industries link so densely that their runs would string 40 segments along one line).
 */
function rankSegments(cy: Core, blocks: Map<string, Block>) {
  const before = new Map<string, string[]>();
  cy.edges().forEach(edge => {
    const [from, to] = [edge.source().id(), edge.target().id()];
    if (from !== to && blocks.has(from) && blocks.has(to)) (before.get(to) ?? before.set(to, []).get(to)!).push(from);
  });
  const ranks = new Map<string, number>();
  const onPath = new Set<string>();
  const rank = (id: string): number => {
    const known = ranks.get(id);
    if (known !== undefined) return known;
    onPath.add(id);
    let r = 0;
    for (const from of before.get(id) ?? []) if (!onPath.has(from)) r = Math.max(r, rank(from) + 1);
    onPath.delete(id);
    ranks.set(id, r);
    return r;
  };
  const flows = before.size > 0 && Math.max(...[...blocks.keys()].map(rank)) < 6;
  for (const [id, block] of blocks) block.rank = flows ? rank(id) : stageRank[String(block.segment.data("stage"))] ?? 1;
}

/**
 * Places the blocks column by column, each column in the order of the segments feeding it; a column taller than the
 * picture's height wraps into several, that height chosen so the picture has the screen's shape. Returns the lowest y.
 */
function placeBlocks(all: Block[], aspect: number): number {
  const columns = sortColumns(all);
  const shapes = new Map(all.map(b => [b, shape(b)]));
  const wrap = (height: number) => columns.map(column => {
    const wrapped: Block[][] = [[]];
    let used = 0;
    for (const block of column) {
      const h = shapes.get(block)!.height;
      if (wrapped[wrapped.length - 1].length > 0 && used + h > height) {
        wrapped.push([]);
        used = 0;
      }
      wrapped[wrapped.length - 1].push(block);
      used += h + gap.block;
    }
    // A column split in several reads on from the top of one to the top of the next, like lines of text.
    return wrapped.map(blocks => ({ blocks, split: wrapped.length > 1 }));
  }).flat();
  const heightOf = (blocks: Block[]) => blocks.reduce((s, b) => s + shapes.get(b)!.height + gap.block, -gap.block);
  const extent = (wrapped: { blocks: Block[] }[]) => ({
    width: wrapped.reduce((s, c) => s + Math.max(...c.blocks.map(b => shapes.get(b)!.width)) + gap.column, -gap.column),
    height: Math.max(...wrapped.map(c => heightOf(c.blocks))),
  });
  const tallest = Math.max(...all.map(b => shapes.get(b)!.height));
  const whole = wrap(Number.POSITIVE_INFINITY);
  const unwrapped = extent(whole).height;
  let best = whole, misfit = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= 24; i++) {
    const candidate = wrap(tallest + ((unwrapped - tallest) * i) / 24);
    const { width, height } = extent(candidate);
    const off = Math.abs(Math.log(width / Math.max(1, height) / aspect));
    if (off < misfit) [best, misfit] = [candidate, off];
  }
  const top = -extent(best).height / 2;
  let x = 0, bottom = 0;
  for (const { blocks, split } of best) {
    const sizes = blocks.map(b => shapes.get(b)!);
    const width = Math.max(...sizes.map(s => s.width));
    let y = split ? top : -heightOf(blocks) / 2;
    blocks.forEach((block, i) => {
      // Right-aligned: every segment of a column on one vertical line, its products and makers to its left.
      placeBlock(block, sizes[i], x + width - sizes[i].width, y);
      y += sizes[i].height + gap.block;
    });
    bottom = Math.max(bottom, y);
    x += width + gap.column;
  }
  return bottom;
}

/** The blocks of each rank, a rank's in the order of the segments feeding them (their mean place in their columns), then the chain's order. */
function sortColumns(all: Block[]): Block[][] {
  const columns: Block[][] = [];
  for (const block of all) (columns[block.rank] ??= []).push(block);
  const place = new Map<string, number>();
  return columns.filter(Boolean).map(column => {
    const level = (b: Block) => {
      const from = b.segment.incomers("node").map(n => place.get(n.id())).filter((p): p is number => p !== undefined);
      return from.length ? from.reduce((s, p) => s + p, 0) / from.length : Number.POSITIVE_INFINITY;
    };
    const levels = new Map(column.map(b => [b, level(b)]));
    column.sort((a, b) => levels.get(a)! - levels.get(b)! || a.order - b.order);
    column.forEach((b, i) => place.set(b.segment.id(), i / column.length));
    return column;
  });
}

interface Grid { nodes: NodeSingular[]; columns: number; cell: number }
interface Shape { makers: Grid; products: Grid; segment: number; width: number; height: number }

/** A grid of nodes: one column up to ten, then about three rows to a column (300 products: 10 wide, 30 tall), cells as wide as the longest label. */
function gridOf(nodes: NodeSingular[]): Grid {
  const columns = nodes.length === 0 ? 0 : Math.ceil(nodes.length / Math.max(10, Math.ceil(Math.sqrt(3 * nodes.length))));
  const widest = nodes.reduce((w, n) => Math.max(w, n.boundingBox({ includeLabels: true }).w), 0);
  return { nodes, columns, cell: Math.min(cell.w, widest + 10) };
}

const gridWidth = (grid: Grid) => (grid.columns ? grid.columns * grid.cell + gap.inside : 0);
const gridRows = (grid: Grid) => (grid.columns ? Math.ceil(grid.nodes.length / grid.columns) : 0);

function shape(block: Block): Shape {
  const products = gridOf(block.products);
  // Makers in the order of the products they make, so their links run mostly level.
  const row = new Map(block.products.map((p, i) => [p.id(), Math.floor(i / Math.max(1, products.columns))]));
  const meanRow = (maker: NodeSingular) => {
    const rows = maker.neighborhood("node").map(n => row.get(n.id())).filter((r): r is number => r !== undefined);
    return rows.length ? rows.reduce((s, r) => s + r, 0) / rows.length : 0;
  };
  const makers = gridOf([...block.makers].sort((a, b) => meanRow(a) - meanRow(b)));
  const segment = block.segment.outerWidth();
  const rows = Math.max(1, gridRows(products), gridRows(makers));
  return { makers, products, segment, width: gridWidth(makers) + gridWidth(products) + segment, height: Math.max(rows * cell.h, block.segment.outerHeight()) };
}

/** Makers, products and the segment, left to right, each grid centred on the block's height. */
function placeBlock(block: Block, size: Shape, left: number, top: number) {
  const place = (grid: Grid, x0: number) => {
    const y0 = top + (size.height - gridRows(grid) * cell.h) / 2 + cell.h / 2;
    grid.nodes.forEach((node, i) => node.position({ x: x0 + (i % grid.columns) * grid.cell + grid.cell / 2, y: y0 + Math.floor(i / grid.columns) * cell.h }));
  };
  place(size.makers, left);
  place(size.products, left + gridWidth(size.makers));
  block.segment.position({ x: left + size.width - size.segment / 2, y: top + size.height / 2 });
}
