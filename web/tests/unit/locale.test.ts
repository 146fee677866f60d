import { describe, expect, it } from "vitest";
import { ApiClient, MemorySessionStore } from "../../src/api/client";
import { normaliseProblem } from "../../src/api/problem";
import type { SessionUser } from "../../src/api/types";
import { saveLanguagePreference } from "../../src/app/locale";
import { formatDate, formatMoney, formatPercent } from "../../src/app/format";
import { applyLanguage } from "../../src/i18n";

const USER: SessionUser = {
  id: "u1",
  email: "ada@example.com",
  display_name: "Ada Admin",
  role: "admin",
};

interface Seen {
  method: string;
  path: string;
  language: string | null;
  body: unknown;
}

/** A server double: answers by method and path, and records what each call asked for. */
function server(answer: (method: string, path: string, body: unknown) => Response) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const method = init?.method ?? "GET";
    const path = new URL(String(input), "http://app").pathname.replace("/api/v1", "");
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    seen.push({ method, path, language: headers.get("accept-language"), body });
    return answer(method, path, body);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" },
  });

function signedIn(fetch: typeof globalThis.fetch) {
  const store = new MemorySessionStore();
  store.save({
    accessToken: "access-1",
    refreshToken: "refresh-1",
    expiresAt: Date.now() + 600_000,
    user: USER,
  });
  return new ApiClient({ fetch, store });
}

describe("the language the API is asked for", () => {
  it("goes with every call once chosen, signed in or not", async () => {
    const { fetch, seen } = server((_m, path) =>
      path === "/auth/login"
        ? json(200, {
            access_token: "a",
            token_type: "Bearer",
            expires_in: 900,
            refresh_token: "r",
            user: USER,
          })
        : json(200, { items: [] }),
    );
    const client = new ApiClient({ fetch });
    client.setLanguage("nl");
    await client.login("ada@example.com", "secret");
    await client.get("/accounts");
    client.setLanguage("en");
    await client.get("/accounts");
    expect(seen.map((s) => `${s.path} ${s.language}`)).toEqual([
      "/auth/login nl",
      "/accounts nl",
      "/accounts en",
    ]);
  });
});

describe("saving the language preference", () => {
  it("patches /me with the locale and reads /me again, so the session knows it", async () => {
    let locale: string | null = null;
    const { fetch, seen } = server((method, path, body) => {
      if (method === "PATCH" && path === "/me") {
        locale = (body as { locale: string }).locale;
        return json(200, { ...USER, locale });
      }
      return json(200, { ...USER, locale });
    });
    const client = signedIn(fetch);
    await expect(saveLanguagePreference(client, "nl")).resolves.toBe(true);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["PATCH /me", "GET /me"]);
    expect(seen[0].body).toEqual({ locale: "nl" });
    expect(client.user?.locale).toBe("nl");
  });

  it("lets an older server that does not keep it refuse, without failing", async () => {
    for (const status of [404, 405, 422]) {
      const { fetch, seen } = server(() => json(status, { title: "No", status }));
      const client = signedIn(fetch);
      await expect(saveLanguagePreference(client, "nl")).resolves.toBe(false);
      expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["PATCH /me"]);
      expect(client.user?.locale).toBeUndefined();
    }
  });
});

describe("figures in the user's locale", () => {
  it("writes Dutch money, dates and shares the Dutch way", () => {
    applyLanguage("nl", []);
    try {
      expect(formatMoney(123456, "EUR")).toBe("€\u00a01.234,56");
      expect(formatDate("2026-12-04")).toMatch(/^4 dec\.? 2026$/);
      expect(formatPercent(0.45)).toBe("45%");
    } finally {
      applyLanguage("en", []);
    }
    expect(formatMoney(123456, "EUR")).toBe("€1,234.56");
    expect(formatDate("2026-12-04")).toBe("4 Dec 2026");
  });

  it("titles a problem without one in the app's language", () => {
    applyLanguage("nl", []);
    try {
      expect(normaliseProblem(null, 422).title).toBe("Ongeldige invoer");
    } finally {
      applyLanguage("en", []);
    }
    expect(normaliseProblem(null, 422).title).toBe("Invalid input");
  });
});
