import { describe, expect, it } from "vitest";
import type { Campaign, CampaignReport } from "../../src/api/types";
import {
  checkCampaign,
  describeTarget,
  draftFromCampaign,
  emptyCampaignDraft,
  needsAcknowledgement,
  parseRegions,
  previewBody,
  warningLabel,
} from "../../src/app/campaigns";
import { placeError } from "../../src/app/useSubmit";
import { ApiError } from "../../src/api/problem";

describe("the campaign form", () => {
  it("builds a filter target from what is set", () => {
    const { errors, body } = checkCampaign({
      ...emptyCampaignDraft("t1"),
      name: " Apology for the outage ",
      kind: "apology",
      tiers: ["C", "A"],
      regions: "North, South ,, North",
      minValue: "10,000",
    });
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: "Apology for the outage",
      kind: "apology",
      team_id: "t1",
      target: {
        filter: { tiers: ["A", "C"], regions: ["North", "South"], min_value_minor: 1_000_000 },
      },
    });
  });

  it("sends firm-wide as a null team and chosen accounts as ids", () => {
    const { body } = checkCampaign({
      ...emptyCampaignDraft(),
      name: "Gift",
      mode: "accounts",
      accounts: [
        { id: "a1", name: "Atlas" },
        { id: "a2", name: "Borealis" },
      ],
    });
    expect(body).toMatchObject({ team_id: null, target: { account_ids: ["a1", "a2"] } });
  });

  it("names what is missing or wrong next to its field", () => {
    const { errors, body } = checkCampaign({
      ...emptyCampaignDraft(),
      minValue: "lots",
      maxValue: "5",
    });
    expect(body).toBeNull();
    expect(errors).toEqual({
      name: "Name the campaign.",
      "target.filter.min_value_minor": "Enter an amount.",
    });
    expect(
      checkCampaign({ ...emptyCampaignDraft(), name: "x", minValue: "10", maxValue: "5" }).errors,
    ).toEqual({ "target.filter.max_value_minor": "Must not be below the minimum." });
    expect(checkCampaign({ ...emptyCampaignDraft(), name: "x", mode: "accounts" }).errors).toEqual({
      "target.account_ids": "Add at least one account.",
    });
  });

  it("previews a target before the campaign has a name", () => {
    expect(previewBody({ ...emptyCampaignDraft(), tiers: ["A"] })).toMatchObject({
      name: "Draft",
      target: { filter: { tiers: ["A"] } },
    });
    expect(previewBody({ ...emptyCampaignDraft(), mode: "accounts" })).toBeNull();
  });

  it("reads a stored campaign back into the form", () => {
    const campaign = {
      id: "k1",
      name: "Winter mailing",
      kind: "mailing",
      team_id: null,
      status: "draft",
      target: { filter: { tiers: ["B"], regions: ["East"], max_value_minor: 250_000 } },
    } as unknown as Campaign;
    const draft = draftFromCampaign(campaign);
    expect(draft).toMatchObject({ tiers: ["B"], regions: "East", maxValue: "2500.00" });
    expect(checkCampaign(draft).body?.target).toEqual(campaign.target);
  });

  it("parses regions without blanks or repeats", () => {
    expect(parseRegions(" North,north , North,")).toEqual(["North", "north"]);
  });
});

describe("the equal-treatment report", () => {
  const report = (warnings: CampaignReport["warnings"]): CampaignReport => ({
    universe: { accounts: 10, value_minor: 1000 },
    included: { accounts: 2, value_minor: 600 },
    excluded_share: 0.8,
    excluded_value_share: 0.4,
    by_tier: [],
    by_region: [],
    warnings,
  });

  it("needs an acknowledgement exactly when it warns", () => {
    expect(needsAcknowledgement(report([]))).toBe(false);
    expect(
      needsAcknowledgement(report([{ code: "tier_only", message: "Only tier A is included." }])),
    ).toBe(true);
    expect(needsAcknowledgement(null)).toBe(false);
  });

  it("labels the warning codes", () => {
    expect(warningLabel("excludes_majority")).toBe("Leaves out most active accounts");
    expect(warningLabel("something_new")).toBe("Something new");
  });

  it("puts the server's refusal to send without a reason under the reason field", () => {
    const error = new ApiError({
      type: "about:blank",
      title: "Invalid input",
      status: 422,
      detail: "the campaign carries warnings: say why it is sent anyway",
      field: "acknowledge_reason",
    });
    expect(placeError(error, ["acknowledge_reason"])).toEqual({
      fieldErrors: {
        acknowledge_reason: "the campaign carries warnings: say why it is sent anyway",
      },
      banner: null,
    });
  });
});

describe("describeTarget", () => {
  const teamName = (id: string) => (id === "t1" ? "Corporate" : "?");
  it("says in a line who a campaign goes to", () => {
    expect(describeTarget({ filter: {} }, teamName)).toBe("Every active account");
    expect(describeTarget({ filter: { tiers: ["A"], team_ids: ["t1"] } }, teamName)).toBe(
      "Active accounts: tier A; team Corporate",
    );
    expect(describeTarget({ account_ids: ["a1"] }, teamName)).toBe("1 chosen account");
  });
});
