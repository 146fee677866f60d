/**
 * The account's network as a small graph: the account in the middle, its linked
 * accounts and the accounts met at the same events around it. Laid out with
 * d3-force (run to rest synchronously, no animation) and drawn as SVG by Preact.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import type { SimulationLinkDatum, SimulationNodeDatum } from "d3-force";
import type { AccountNetwork, LinkKind } from "../api/types";

export type EdgeKind = LinkKind | "met_at_event";

export const EDGE_LABELS: Record<EdgeKind, string> = {
  referred_by: "Referred by",
  same_group: "Same group",
  partner: "Partner",
  met_at_event: "Met at an event",
};

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
    addNode(link.other_account_id, link.other_account_name);
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
    addNode(met.account_id, met.account_name);
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

/**
 * Positions in a `width` × `height` box with the centre account fixed in the middle.
 * Deterministic: d3-force starts from a fixed spiral and runs a fixed number of ticks.
 */
export function layoutGraph(
  graph: NetworkGraph,
  width: number,
  height: number,
  margin = 40,
): PlacedNode[] {
  const cx = width / 2;
  const cy = height / 2;
  const sim: SimNode[] = graph.nodes.map((n) =>
    n.centre ? { id: n.id, centre: true, fx: cx, fy: cy } : { id: n.id, centre: false },
  );
  const centreId = graph.nodes.find((n) => n.centre)?.id;
  const links: SimulationLinkDatum<SimNode>[] = graph.edges.map((e) => ({
    source: centreId ?? e.other,
    target: e.other,
  }));
  const reach = Math.max(60, Math.min(width, height) / 2 - margin);
  const simulation = forceSimulation(sim)
    .force(
      "link",
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(reach * 0.8)
        .strength(0.6),
    )
    .force("charge", forceManyBody().strength(-260))
    .force("collide", forceCollide(34))
    .force("x", forceX(cx).strength(0.04))
    .force("y", forceY(cy).strength(0.08))
    .stop();
  simulation.tick(200);
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return graph.nodes.map((n, i) => ({
    ...n,
    x: clamp(sim[i].x ?? cx, margin, width - margin),
    y: clamp(sim[i].y ?? cy, margin / 2, height - margin / 2),
  }));
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
