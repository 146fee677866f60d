import { describe, expect, it } from "vitest";
import type { AccountNetwork } from "../../src/api/types";
import {
  labelPlacement,
  layoutGraph,
  networkGraph,
  shortLabel,
  sparkline,
} from "../../src/app/network";

const network: AccountNetwork = {
  account_id: "a1",
  links: [
    {
      id: "l1",
      kind: "referred_by",
      other_account_id: "a2",
      other_account_name: "Borealis",
      direction: "outgoing",
      created_at: "2026-10-01T00:00:00Z",
    },
    {
      id: "l2",
      kind: "partner",
      other_account_id: "a3",
      other_account_name: null,
      direction: "incoming",
      created_at: "2026-10-01T00:00:00Z",
    },
  ],
  met_at_events: [
    {
      account_id: "a2",
      account_name: "Borealis",
      event_ids: ["e1", "e2"],
      last_met_at: "2026-11-01",
    },
    { account_id: "a4", account_name: "Cobalt", event_ids: ["e1"], last_met_at: "2026-11-01" },
  ],
  events: [],
  institutional_score: 3.2,
  institutional_trend: [],
  institutional_tie: true,
};

describe("the network graph", () => {
  it("has one node per account and one edge per account and kind", () => {
    const graph = networkGraph(network, "Atlas");
    expect(graph.nodes.map((n) => [n.id, n.name, n.centre])).toEqual([
      ["a1", "Atlas", true],
      ["a2", "Borealis", false],
      ["a3", null, false],
      ["a4", "Cobalt", false],
    ]);
    expect(graph.edges.map((e) => [e.other, e.kind, e.events])).toEqual([
      ["a2", "referred_by", 0],
      ["a3", "partner", 0],
      ["a2", "met_at_event", 2],
      ["a4", "met_at_event", 1],
    ]);
  });

  it("places the account in the middle and the others apart, inside the box", () => {
    const placed = layoutGraph(networkGraph(network, "Atlas"), 560, 300);
    const centre = placed.find((p) => p.centre)!;
    expect([centre.x, centre.y]).toEqual([280, 150]);
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(40);
      expect(p.x).toBeLessThanOrEqual(520);
      expect(p.y).toBeGreaterThanOrEqual(20);
      expect(p.y).toBeLessThanOrEqual(280);
    }
    for (const a of placed)
      for (const b of placed)
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(40);
    // The same input always gives the same picture.
    expect(layoutGraph(networkGraph(network, "Atlas"), 560, 300)).toEqual(placed);
  });

  it("puts labels on the outer side of their node, so ring neighbours do not overlap", () => {
    const centre = { x: 100, y: 100 };
    const node = (x: number, y: number) => labelPlacement({ x, y, centre: false }, centre, 10);
    expect(node(20, 110)).toEqual({ x: 5, y: 114, anchor: "end" });
    expect(node(180, 90)).toEqual({ x: 195, y: 94, anchor: "start" });
    expect(node(110, 20)).toEqual({ x: 110, y: 5, anchor: "middle" });
    expect(node(90, 180)).toEqual({ x: 90, y: 204, anchor: "middle" });
    expect(labelPlacement({ ...centre, centre: true }, centre, 18).anchor).toBe("middle");
  });

  it("cuts long names with an ellipsis", () => {
    expect(shortLabel("Maple & Finch Pharma GmbH", 11)).toBe("Maple & Fi…");
    expect(shortLabel("Atlas", 11)).toBe("Atlas");
  });

  it("draws the score trend scaled to its box", () => {
    expect(sparkline([{ score: 0 }, { score: 2 }, { score: 1 }], 100, 20)).toBe(
      "0.0,20.0 50.0,0.0 100.0,10.0",
    );
    expect(sparkline([], 100, 20)).toBe("");
  });
});
