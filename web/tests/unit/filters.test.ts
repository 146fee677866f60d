import { describe, expect, it } from "vitest";
import {
  accountFiltersToSearch,
  accountQuery,
  clearedFilters,
  hasFilters,
  parseAccountFilters,
} from "../../src/app/accountFilters";
import {
  BOARD_COLUMNS,
  groupHandovers,
  handoverColumn,
  isApplied,
  unresolvedHandovers,
} from "../../src/app/departures";
import type { Handover, User } from "../../src/api/types";
import { leaverCandidates } from "../../src/pages/WhatIf";

describe("account filters", () => {
  it("read the address bar, dropping values the API would refuse", () => {
    expect(
      parseAccountFilters(
        "?q=harb&tier=A&flag=no_owner&sort=-exposure&team_id=3&institutional_tie=false",
      ),
    ).toEqual({
      q: "harb",
      team_id: "3",
      tier: "A",
      flag: "no_owner",
      status: "",
      institutional_tie: "false",
      sort: "-exposure",
    });
    const odd = parseAccountFilters(
      "?tier=Z&flag=DROP%20TABLE&sort=random&status=gone&institutional_tie=maybe",
    );
    expect(odd).toMatchObject({
      tier: "",
      flag: "",
      sort: "name",
      status: "",
      institutional_tie: "",
    });
  });

  it("write back only what is set, leaving the default sort out", () => {
    const f = parseAccountFilters("?q=harb&sort=name");
    expect(accountFiltersToSearch(f)).toBe("?q=harb");
    expect(accountFiltersToSearch(parseAccountFilters(""))).toBe("");
    expect(accountFiltersToSearch({ ...f, sort: "-score", flag: "stale" })).toBe(
      "?q=harb&flag=stale&sort=-score",
    );
  });

  it("send the API only the filters that are set", () => {
    expect(accountQuery(parseAccountFilters("?tier=B"))).toEqual({ tier: "B", sort: "name" });
  });

  it("ask the API for accounts without an institutional tie, and clear that too", () => {
    const f = parseAccountFilters("?institutional_tie=false&team_id=7&sort=-exposure");
    expect(accountQuery(f)).toEqual({
      team_id: "7",
      institutional_tie: "false",
      sort: "-exposure",
    });
    expect(clearedFilters(f)).toEqual(parseAccountFilters("?sort=-exposure"));
  });

  it("know whether anything narrows the list (sorting does not)", () => {
    expect(hasFilters(parseAccountFilters("?sort=-exposure"))).toBe(false);
    expect(hasFilters(parseAccountFilters("?team_id=1"))).toBe(true);
  });
});

const handover = (patch: Partial<Handover>): Handover => ({
  account_id: "a1",
  account_name: "Acme",
  annual_value_minor: 100,
  currency: "EUR",
  share: 1,
  sole_holder: true,
  other_holders_leaving: [],
  suggestions: [],
  version: 1,
  successor_id: null,
  due_date: null,
  waiver_reason: null,
  status: "planned",
  ...patch,
});

describe("handover board", () => {
  it("puts each handover in one column", () => {
    expect(handoverColumn(handover({}))).toBe("open");
    expect(handoverColumn(handover({ successor_id: "u2" }))).toBe("planned");
    expect(handoverColumn(handover({ successor_id: "u2", status: "introduced" }))).toBe(
      "introduced",
    );
    expect(handoverColumn(handover({ successor_id: "u2", status: "done" }))).toBe("done");
    expect(handoverColumn(handover({ waiver_reason: "Client is winding down" }))).toBe("waived");
  });

  it("groups a plan's handovers under every column", () => {
    const groups = groupHandovers([
      handover({ account_id: "a1" }),
      handover({ account_id: "a2", successor_id: "u2" }),
    ]);
    expect(Object.keys(groups)).toEqual([...BOARD_COLUMNS]);
    expect(groups.open.map((h) => h.account_id)).toEqual(["a1"]);
    expect(groups.planned.map((h) => h.account_id)).toEqual(["a2"]);
  });

  it("lists what blocks applying a plan", () => {
    const plan = {
      id: "p1",
      user_id: "u1",
      display_name: "Ulla",
      created_at: "2026-11-01T09:00:00Z",
      version: 1,
      leave_date: "2026-12-31",
      status: "open",
      handovers: [
        handover({ account_id: "a1" }),
        handover({ account_id: "a2", waiver_reason: "Dormant" }),
        handover({ account_id: "a3", successor_id: "u3" }),
      ],
    };
    expect(unresolvedHandovers(plan).map((h) => h.account_id)).toEqual(["a1"]);
    expect(isApplied(plan)).toBe(false);
    expect(isApplied({ ...plan, status: "applied" })).toBe(true);
  });
});

describe("what-if candidates", () => {
  const users = [
    { id: "1", email: "zoe@x", display_name: "Zoe", role: "member", status: "active" },
    { id: "2", email: "adam@x", display_name: "Adam", role: "member", status: "leaving" },
    { id: "3", email: "gone@x", display_name: "Gone", role: "member", status: "departed" },
  ] as User[];
  it("offers everyone not yet departed, by name, filtered by name or email", () => {
    expect(leaverCandidates(users, "").map((u) => u.id)).toEqual(["2", "1"]);
    expect(leaverCandidates(users, "ZOE@").map((u) => u.id)).toEqual(["1"]);
  });
});
