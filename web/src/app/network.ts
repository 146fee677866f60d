/**
 * The account's network as a small graph: the account in the middle, its linked
 * accounts and the accounts met at the same events around it. Laid out with
 * d3-force (run synchronously, no animation) and drawn as SVG by Preact.
 */
import { forceCollide, forceLink, forceManyBody, forceRadial, forceSimulation } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import type { AccountNetwork, LinkKind } from "../api/types";

export type EdgeKind = LinkKind | "met_at_event";

export interface GraphNode {
  id: string;
  /** Null when the caller may not see the account. */
  name: string | null;
  centre: boolean;
}

export interface GraphEdge {
  /** Unique per edge: the other account and the kind. */
  id: string;
  kind: EdgeKind;
  other: string;
  /** For `referred_by`: the referral points from the referrer to the referred. */
  direction: "outgoing" | "incoming" | null;
  /** Events attended together, for `met_at_event`. */
  events: number;
}

export interface NetworkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One node per account, one edge per (account, kind); links first, then event ties. */
export function networkGraph(network: AccountNetwork, centreName: string): NetworkGraph {
  const nodes = new Map<string, GraphNode>();
  nodes.set(network.account_id, { id: network.account_id, name: centreName, centre: true });
  const edges = new Map<string, GraphEdge>();
  const addNode = (id: string, name: string | null) => {
    const known = nodes.get(id);
    if (!known) nodes.set(id, { id, name, centre: false });
    else if (!known.name && name) known.name = name;
  };
  for (const link of network.links) {
    if (link.other_account_id === network.account_id) continue;
    addNode(link.other_account_id, link.other_account_name ?? null);
    const id = `${link.other_account_id}:${link.kind}`;
    if (!edges.has(id))
      edges.set(id, {
        id,
        kind: link.kind,
        other: link.other_account_id,
        direction: link.direction,
        events: 0,
      });
  }
  for (const met of network.met_at_events) {
    if (met.account_id === network.account_id) continue;
    addNode(met.account_id, met.account_name ?? null);
    const id = `${met.account_id}:met_at_event`;
    edges.set(id, {
      id,
      kind: "met_at_event",
      other: met.account_id,
      direction: null,
      events: met.event_ids.length,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

type SimNode = SimulationNodeDatum & { id: string; centre: boolean };

/** The radius the simulation works in; the result is stretched to the box's ellipse. */
const RADIUS = 100;

/**
 * Positions in a `width` × `height` box: the centre account fixed in the middle, the
 * others on a ring around it (d3-force: a radial force, repulsion and collision), the
 * ring then stretched to an ellipse that leaves room for the labels. Deterministic: the
 * nodes start evenly spread and the simulation runs a fixed number of ticks.
 */
export function layoutGraph(
  graph: NetworkGraph,
  width: number,
  height: number,
  /** Room kept free at the sides (for labels) and at top and bottom. */
  margin: { x: number; y: number } = { x: 70, y: 40 },
): PlacedNode[] {
  const cx = width / 2;
  const cy = height / 2;
  const others = graph.nodes.filter((n) => !n.centre).length;
  let k = 0;
  const sim: SimNode[] = graph.nodes.map((n) => {
    if (n.centre) return { id: n.id, centre: true, x: cx, y: cy, fx: cx, fy: cy };
    // Start on the left: with two or three neighbours the wide box is used sideways.
    const angle = Math.PI + (2 * Math.PI * k++) / Math.max(1, others);
    return {
      id: n.id,
      centre: false,
      x: cx + RADIUS * Math.cos(angle),
      y: cy + RADIUS * Math.sin(angle),
    };
  });
  const centreId = graph.nodes.find((n) => n.centre)?.id;
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({
    source: centreId ?? e.other,
    target: e.other,
  }));
  forceSimulation(sim)
    .force(
      "link",
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(RADIUS)
        .strength(0.2),
    )
    .force("charge", forceManyBody().strength(-300))
    .force("collide", forceCollide(24))
    .force("ring", forceRadial<SimNode>((d) => (d.centre ? 0 : RADIUS), cx, cy).strength(0.9))
    .stop()
    .tick(200);
  const rx = Math.max(margin.x / 2, width / 2 - margin.x);
  const ry = Math.max(margin.y / 2, height / 2 - margin.y);
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return graph.nodes.map((n, i) => {
    const x = sim[i].x ?? cx;
    const y = sim[i].y ?? cy;
    return {
      ...n,
      x: n.centre ? cx : clamp(cx + ((x - cx) / RADIUS) * rx, margin.x, width - margin.x),
      y: n.centre ? cy : clamp(cy + ((y - cy) / RADIUS) * ry, margin.y / 2, height - margin.y),
    };
  });
}

export interface LabelPlacement {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

/**
 * Where a node's label goes: on the outer side of nodes left and right of the centre, so
 * neighbours on a ring do not write over each other; above or below the ones straight
 * over or under it, and below the centre.
 */
export function labelPlacement(
  node: { x: number; y: number; centre: boolean },
  centre: { x: number; y: number },
  radius: number,
): LabelPlacement {
  const gap = radius + 5;
  if (node.centre) return { x: node.x, y: node.y + gap + 9, anchor: "middle" };
  const dx = node.x - centre.x;
  const dy = node.y - centre.y;
  if (Math.abs(dx) > Math.abs(dy) * 0.6) {
    return dx < 0
      ? { x: node.x - gap, y: node.y + 4, anchor: "end" }
      : { x: node.x + gap, y: node.y + 4, anchor: "start" };
  }
  return dy < 0
    ? { x: node.x, y: node.y - gap, anchor: "middle" }
    : { x: node.x, y: node.y + gap + 9, anchor: "middle" };
}

/** A label cut to `max` characters, with an ellipsis. */
export function shortLabel(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

/** The trend as the points of an SVG polyline in a `width` × `height` box. */
export function sparkline(
  trend: readonly { score: number }[],
  width: number,
  height: number,
): string {
  if (trend.length === 0) return "";
  const max = Math.max(...trend.map((p) => p.score), 0.0001);
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  return trend
    .map((p, i) => `${(i * step).toFixed(1)},${(height - (p.score / max) * height).toFixed(1)}`)
    .join(" ");
}
