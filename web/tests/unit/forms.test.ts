import { describe, expect, it } from "vitest";
import {
  fromDateTimeLocal,
  isCurrencyCode,
  minorToInput,
  orNull,
  parseMoneyInput,
  toDateTimeLocal,
  today,
} from "../../src/app/forms";
import { checkAccountForm } from "../../src/components/AccountForm";
import { checkContactForm } from "../../src/components/account/ContactsPanel";
import { checkUserForm, parseCount } from "../../src/pages/Admin";

describe("parseMoneyInput", () => {
  it("reads amounts with thousands separators into minor units", () => {
    expect(parseMoneyInput("1,250,000.50", "EUR")).toBe(125_000_050);
    expect(parseMoneyInput("1 250 000", "EUR")).toBe(125_000_000);
    expect(parseMoneyInput("12.5", "EUR")).toBe(1250);
    expect(parseMoneyInput("0", "EUR")).toBe(0);
  });
  it("follows the currency's decimals", () => {
    expect(parseMoneyInput("1500", "JPY")).toBe(1500);
    expect(parseMoneyInput("15.5", "JPY")).toBeNull();
    expect(parseMoneyInput("1.234", "BHD")).toBe(1234);
  });
  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "-5", "1.234", "1e5", "€100"]) {
      expect(parseMoneyInput(text, "EUR"), text).toBeNull();
    }
  });
  it("round-trips through the edit field", () => {
    expect(minorToInput(125_000_050, "EUR")).toBe("1250000.50");
    expect(minorToInput(1500, "JPY")).toBe("1500");
    expect(parseMoneyInput(minorToInput(987_654, "EUR"), "EUR")).toBe(987_654);
    expect(minorToInput(null)).toBe("");
  });
});

describe("dates", () => {
  it("formats today and datetime-local values in local time", () => {
    const d = new Date(2026, 0, 5, 9, 7);
    expect(today(d)).toBe("2026-01-05");
    expect(toDateTimeLocal(d)).toBe("2026-01-05T09:07");
  });
  it("turns a datetime-local value into RFC 3339", () => {
    const iso = fromDateTimeLocal("2026-01-05T09:07");
    expect(iso).toBe(new Date(2026, 0, 5, 9, 7).toISOString());
    expect(fromDateTimeLocal("")).toBeNull();
    expect(fromDateTimeLocal("yesterday")).toBeNull();
  });
  it("knows currency codes and empty text", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(orNull("  ")).toBeNull();
    expect(orNull(" x ")).toBe("x");
  });
});

describe("checkAccountForm", () => {
  const valid = {
    name: " Harbour Logistics ",
    tier: "A",
    region: "North",
    team_id: "7",
    annual_value: "1,250,000",
    currency: "eur",
    external_id: "",
  };
  it("builds the API body with minor units and an upper-case currency", () => {
    expect(checkAccountForm(valid)).toEqual({
      errors: {},
      body: {
        name: "Harbour Logistics",
        tier: "A",
        region: "North",
        team_id: "7",
        annual_value_minor: 125_000_000,
        currency: "EUR",
      },
    });
  });
  it("names each field that is wrong, with the API's field names", () => {
    const { errors, body } = checkAccountForm({
      ...valid,
      name: "",
      team_id: "",
      annual_value: "lots",
      currency: "EURO",
    });
    expect(body).toBeNull();
    expect(Object.keys(errors).sort()).toEqual([
      "annual_value_minor",
      "currency",
      "name",
      "team_id",
    ]);
  });
  it("sends the external id only when given", () => {
    expect(checkAccountForm({ ...valid, external_id: " crm-1 " }).body?.external_id).toBe("crm-1");
  });
});

describe("checkContactForm", () => {
  it("keeps the job title as text and empty details as null", () => {
    expect(
      checkContactForm({
        name: "Jana",
        job_title: "",
        email: "",
        phone: " ",
        influence: "champion",
        left_at: "",
      }).body,
    ).toEqual({
      name: "Jana",
      job_title: "",
      email: null,
      phone: null,
      influence: "champion",
      left_at: null,
    });
  });
  it("refuses a missing name, a malformed email and an unknown influence", () => {
    const { errors } = checkContactForm({
      name: "",
      job_title: "",
      email: "jana",
      phone: "",
      influence: "boss",
      left_at: "",
    });
    expect(Object.keys(errors).sort()).toEqual(["email", "influence", "name"]);
  });
});

describe("checkUserForm and parseCount", () => {
  it("needs a first password only for a new user", () => {
    const values = { email: "a@b.c", display_name: "A", role: "member", password: "" };
    expect(checkUserForm(values, true).password).toBeTruthy();
    expect(checkUserForm(values, false)).toEqual({});
  });
  it("reads small whole numbers only", () => {
    expect(parseCount("3")).toBe(3);
    expect(parseCount(" 0 ")).toBe(0);
    expect(parseCount("-1")).toBeNull();
    expect(parseCount("2.5")).toBeNull();
    expect(parseCount("")).toBeNull();
  });
});

describe("parseMoneyInput in Dutch", () => {
  it("reads the Dutch marks: a point groups thousands, a comma starts the cents", () => {
    expect(parseMoneyInput("1.250.000,50", "EUR", "nl-NL")).toBe(125_000_050);
    expect(parseMoneyInput("1.250", "EUR", "nl-NL")).toBe(125_000);
    expect(parseMoneyInput("12,5", "EUR", "nl-NL")).toBe(1250);
  });
  it("still reads a decimal point where it cannot be a thousands mark", () => {
    expect(parseMoneyInput("12.5", "EUR", "nl-NL")).toBe(1250);
    expect(parseMoneyInput("1250000.50", "EUR", "nl-NL")).toBe(125_000_050);
  });
  it("refuses an amount with too many cents or two decimal marks", () => {
    expect(parseMoneyInput("12,345", "EUR", "nl-NL")).toBeNull();
    expect(parseMoneyInput("1,2,3", "EUR", "nl-NL")).toBeNull();
  });
  it("writes the edit field with a decimal comma and reads it back", () => {
    expect(minorToInput(125_000_050, "EUR", "nl-NL")).toBe("1250000,50");
    expect(parseMoneyInput(minorToInput(987_654, "EUR", "nl-NL"), "EUR", "nl-NL")).toBe(987_654);
  });
});
