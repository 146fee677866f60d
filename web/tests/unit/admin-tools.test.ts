import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/api/problem";
import { reportOf } from "../../src/pages/admin/ImportExport";
import {
  checkSetting,
  formatSetting,
  settingGroup,
  settingsDocument,
} from "../../src/pages/admin/Settings";
import { teamsLedBy } from "../../src/pages/admin/UserExtras";

const third = {
  name: "score_weights.institutional_damping_max",
  value: 1 / 3,
  default: 1 / 3,
  minimum: 0,
  maximum: 1,
  integer: false,
  unit: "share",
};
const days = { ...third, name: "stale_after_days", value: 90, default: 90, integer: true };

describe("the settings form", () => {
  it("groups each setting where the model reads it", () => {
    expect(settingGroup("kind_weights.note")).toBe("weights");
    expect(settingGroup("half_life_days")).toBe("window");
    expect(settingGroup("score_weights.stale")).toBe("scoreWeights");
    expect(settingGroup("score_weights.institutional_damping_half_score")).toBe("damping");
    expect(settingGroup("stale_min_days")).toBe("stale");
    expect(settingGroup("complaint_overdue_days")).toBe("complaints");
    expect(settingGroup("holder_min_share")).toBe("thresholds");
  });

  it("shows numbers in the language's decimals and reads them back", () => {
    expect(formatSetting(0.7, "nl-NL")).toBe("0,7");
    expect(formatSetting(3650, "en-GB")).toBe("3650");
    expect(checkSetting(third, "0,25")).toBe(0.25);
    // A third shown rounded and left alone is sent exactly, so saving changes nothing.
    expect(checkSetting(third, formatSetting(1 / 3))).toBe(1 / 3);
  });

  it("refuses what is not a number, or not whole where it must be", () => {
    expect(typeof checkSetting(days, "ninety")).toBe("string");
    expect(typeof checkSetting(days, "")).toBe("string");
    expect(typeof checkSetting(days, "30.5")).toBe("string");
    // The range is the server's rule: out of range goes to the server, which names the field.
    expect(checkSetting(days, "0")).toBe(0);
  });

  it("builds the nested document PUT /settings takes", () => {
    expect(
      settingsDocument({ stale_after_days: 30, "kind_weights.note": 0, "kind_weights.call": 2 }),
    ).toEqual({ stale_after_days: 30, kind_weights: { note: 0, call: 2 } });
  });
});

describe("the import report", () => {
  it("is read from the 422 that refuses a file", () => {
    const refused = new ApiError({
      type: "about:blank",
      title: "Unprocessable",
      status: 422,
      created: 1,
      updated: 0,
      unchanged: 0,
      errors: [{ line: 3, column: "tier", reason: "unknown value" }],
    });
    expect(reportOf(refused)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      errors: [{ line: 3, column: "tier", reason: "unknown value" }],
    });
    expect(reportOf(new ApiError({ type: "about:blank", title: "Forbidden", status: 403 }))).toBe(
      null,
    );
  });
});

describe("team leads", () => {
  it("are read from the teams' lead_ids", () => {
    const teams = [
      { id: "1", name: "Banking", created_at: "", lead_ids: ["u1", "u2"] },
      { id: "2", name: "Retail", created_at: "", lead_ids: ["u2"] },
    ];
    expect(teamsLedBy(teams, "u1").map((t) => t.name)).toEqual(["Banking"]);
    expect(teamsLedBy(teams, "u3")).toEqual([]);
  });
});
