import { describe, expect, it } from "vitest";
import {
  bandSeries,
  heatLevel,
  heatMatrix,
  portfolioCurrency,
  riskBand,
  sortFlags,
  trendSeries,
} from "../../src/app/risk";
import { changedFields, describeAudit } from "../../src/app/audit";

describe("riskBand", () => {
  it("puts scores into the four bands at 25, 50 and 75", () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(riskBand)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
      "critical",
      "critical",
    ]);
  });
  it("has no band without a score", () => {
    expect(riskBand(null)).toBeNull();
    expect(riskBand(undefined)).toBeNull();
    expect(riskBand(Number.NaN)).toBeNull();
  });
});

describe("sortFlags", () => {
  it("shows the flags that lose an account with one person first", () => {
    expect(sortFlags(["stale", "key_person", "no_owner", "something_new"])).toEqual([
      "no_owner",
      "key_person",
      "stale",
      "something_new",
    ]);
  });
  it("sorts flag objects by code without changing the input", () => {
    const input = [{ code: "policy_breach" }, { code: "departing_holder" }];
    expect(sortFlags(input).map((f) => f.code)).toEqual(["departing_holder", "policy_breach"]);
    expect(input[0].code).toBe("policy_breach");
  });
});

describe("heatMatrix", () => {
  const threads = [
    { user_id: "u1", contact_id: "c1", strength: 6, share: 0.6 },
    { user_id: "u2", contact_id: "c1", strength: 1, share: 0.1 },
    { user_id: "u1", contact_id: "c2", strength: 3, share: 0.3 },
  ];

  it("lays our people out as rows and their contacts as columns, strongest first", () => {
    const m = heatMatrix(threads);
    expect(m.rows).toEqual(["u1", "u2"]);
    expect(m.columns).toEqual(["c1", "c2"]);
    expect(m.share).toEqual([
      [0.6, 0.3],
      [0.1, 0],
    ]);
    expect(m.max).toBe(0.6);
  });

  it("keeps team members and contacts without a thread as empty rows and columns", () => {
    const m = heatMatrix(threads, ["u3", "u1"], ["c9"]);
    expect(m.rows).toEqual(["u1", "u2", "u3"]);
    expect(m.columns).toEqual(["c1", "c2", "c9"]);
    expect(m.share[2]).toEqual([0, 0, 0]);
  });

  it("is empty without threads", () => {
    expect(heatMatrix(undefined)).toEqual({ rows: [], columns: [], share: [], max: 0 });
  });

  it("scales cells against the strongest thread", () => {
    expect(heatLevel(0.3, 0.6)).toBe(0.5);
    expect(heatLevel(0, 0.6)).toBe(0);
    expect(heatLevel(0.3, 0)).toBe(0);
  });
});

describe("bandSeries", () => {
  it("lists every band in order, zero where the server reports none", () => {
    const rows = bandSeries({
      by_band: [{ band: "high", accounts: 2, value_minor: 500, exposure_minor: 300 }],
    });
    expect(rows.map((r) => r.band)).toEqual(["low", "medium", "high", "critical"]);
    expect(rows[2]).toEqual({ band: "high", accounts: 2, value_minor: 500, exposure_minor: 300 });
    expect(rows[0].value_minor).toBe(0);
  });
});

describe("trendSeries", () => {
  it("orders days and adds up each day's flag counts, with key-person value", () => {
    const point = { value_minor: 100, key_person_value_minor: 7 };
    const t = trendSeries([
      { ...point, day: "2026-06-02", exposure_minor: 20, flag_counts: { no_owner: 1, stale: 2 } },
      { ...point, day: "2026-06-01", exposure_minor: 10, flag_counts: {} },
    ]);
    expect(t.days).toEqual(["2026-06-01", "2026-06-02"]);
    expect(t.exposure).toEqual([10, 20]);
    expect(t.flags).toEqual([0, 3]);
    expect(t.flagsLabel).toBe("Flags raised");
    expect(t.keyPerson).toEqual([7, 7]);
  });
  it("is empty without a trend", () => {
    expect(trendSeries(undefined).days).toEqual([]);
  });
});

describe("audit entries", () => {
  it("name the fields a change touched, not its bookkeeping", () => {
    expect(
      changedFields(
        { name: "A", job_title: "CFO", version: 1, left_at: null },
        { name: "A", job_title: "CEO", version: 2, left_at: "2026-01-01" },
      ),
    ).toEqual(["job_title", "left_at"]);
    expect(changedFields(null, { name: "A" })).toEqual(["name"]);
  });
  it("read as a sentence", () => {
    const entry = {
      id: "1",
      occurred_at: "2026-01-01T00:00:00Z",
      actor_id: "u1",
      entity: "contact",
      entity_id: "c1",
      action: "update",
      account_id: "a1",
      before: { job_title: "CFO" },
      after: { job_title: "CEO" },
    };
    expect(describeAudit(entry)).toBe("update contact: job title");
    expect(describeAudit({ ...entry, action: "create", before: null })).toBe("create contact");
  });
});

describe("portfolioCurrency", () => {
  it("labels totals with the most common currency and lists them all when mixed", () => {
    expect(
      portfolioCurrency([{ currency: "GBP" }, { currency: "EUR" }, { currency: "GBP" }]),
    ).toEqual({ currency: "GBP", mixed: ["EUR", "GBP"] });
    expect(portfolioCurrency([{ currency: "EUR" }])).toEqual({ currency: "EUR", mixed: [] });
    expect(portfolioCurrency(undefined)).toEqual({ currency: "EUR", mixed: [] });
  });
});
