/**
 * The Dutch and English catalogues hold the same keys, the plural forms each language needs,
 * the same placeholders, and nothing the code no longer asks for.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/i18n/en.json";
import nl from "../../src/i18n/nl.json";
import { LANGUAGES, pickLanguage, formattingLocale, t, applyLanguage } from "../../src/i18n";

type Tree = { [key: string]: string | Tree };
const CATALOGUES: Record<string, Tree> = { en, nl };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** Keys without their plural suffix: `x_one` and `x_other` are the one message `x`. */
function messages(tree: Tree): Set<string> {
  return new Set([...flatten(tree).keys()].map((k) => k.replace(PLURAL, "")));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

describe("the catalogues", () => {
  it("cover the same messages in Dutch and English", () => {
    const english = messages(en);
    const dutch = messages(nl);
    expect(
      [...english].filter((k) => !dutch.has(k)),
      "missing in nl.json",
    ).toEqual([]);
    expect(
      [...dutch].filter((k) => !english.has(k)),
      "missing in en.json",
    ).toEqual([]);
  });

  it("give every plural message the forms its language needs", () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const flat = flatten(CATALOGUES[language]);
      const plurals = new Set(
        [...flat.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")),
      );
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        for (const category of needed) {
          if (!flat.has(`${base}_${category}`)) problems.push(`${language}: ${base}_${category}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("use the same placeholders in both languages, and no message is empty", () => {
    const english = flatten(en);
    const dutch = flatten(nl);
    const problems: string[] = [];
    const base = (key: string) => key.replace(PLURAL, "");
    const names = (flat: Map<string, string>, message: string) =>
      new Set(
        [...flat.entries()]
          .filter(([k]) => base(k) === message)
          .flatMap(([, v]) => placeholders(v)),
      );
    for (const message of messages(en)) {
      const a = [...names(english, message)].filter((n) => n !== "count").sort();
      const b = [...names(dutch, message)].filter((n) => n !== "count").sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${message}: en ${a} / nl ${b}`);
    }
    for (const [language, flat] of [
      ["en", english],
      ["nl", dutch],
    ] as const) {
      for (const [key, value] of flat)
        if (!value.trim()) problems.push(`${language}: ${key} is empty`);
    }
    expect(problems).toEqual([]);
  });

  it("translate every message, but for the words Dutch shares with English", () => {
    // Loan words, names, abbreviations and layouts of placeholders that read the same in both.
    const same = new Set([
      "common.status",
      "common.team",
      "common.teams",
      "common.appName",
      "common.brandMark",
      "app.documentTitle",
      "timeline.open",
      "events.open",
      "riskPanel.nEff",
      "riskPanel.cr1",
      "riskPanel.hhi",
      "history.entryFields",
      "campaigns.headline",
      "campaignForm.targetTeams",
      "codes.role.hr",
      "codes.assignmentRole.specialist",
      "codes.eventKind.seminar",
      "codes.eventStatus.open",
      "codes.campaignKind.mailing",
      "codes.edgeKind.partner",
      "codes.complaintStatus.open",
      "codes.auditEntity.team",
      "codes.auditEntity.demo",
      "codes.field.status",
      "problems.httpStatus",
      "problems.status.409",
      "language.nl",
      "language.en",
    ]);
    const dutch = flatten(nl);
    const untranslated = [...flatten(en)]
      .filter(([key, value]) => dutch.get(key) === value && !same.has(key))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("hold no message the code never asks for", () => {
    const src = path.resolve(__dirname, "../../src");
    const code: string[] = [];
    const read = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) read(full);
        else if (/\.tsx?$/.test(entry.name)) code.push(readFileSync(full, "utf8"));
      }
    };
    read(src);
    const text = code.join("\n");
    // Keys are written whole (`t("accounts.newAccount")`), or built from a prefix
    // (`codes.${group}.${code}`, `language.${language}`): a key under a built prefix counts.
    const prefixes = [...text.matchAll(/`([a-zA-Z.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const unused = [...messages(en)].filter(
      (key) => !text.includes(`"${key}"`) && !prefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});

describe("choosing the language", () => {
  it("takes the user's preference first, then the stored choice, then the browser, then English", () => {
    expect(pickLanguage({ preference: "nl", stored: "en", browser: ["en-GB"] })).toBe("nl");
    expect(pickLanguage({ preference: null, stored: "en", browser: ["nl-NL"] })).toBe("en");
    expect(pickLanguage({ browser: ["fr-FR", "nl-BE", "en"] })).toBe("nl");
    expect(pickLanguage({ preference: "de", browser: ["fr-FR"] })).toBe("en");
  });

  it("formats in the browser's own region of the language, else nl-NL or en-GB", () => {
    expect(formattingLocale("nl", ["nl-BE", "en-US"])).toBe("nl-BE");
    expect(formattingLocale("en", ["nl-BE", "en-US"])).toBe("en-US");
    expect(formattingLocale("nl", ["en-US"])).toBe("nl-NL");
    expect(formattingLocale("en", ["nl", "en"])).toBe("en-GB");
  });

  it("words plurals by the language's rules", () => {
    applyLanguage("nl", []);
    try {
      expect(t("accounts.shown", { count: 1 })).toBe("1 klant getoond");
      expect(t("accounts.shown", { count: 3 })).toBe("3 klanten getoond");
    } finally {
      applyLanguage("en", []);
    }
    expect(t("accounts.shown", { count: 1 })).toBe("1 account shown");
    expect(t("accounts.shown", { count: 0 })).toBe("0 accounts shown");
  });
});
