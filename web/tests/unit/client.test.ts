import { describe, expect, it, vi } from "vitest";
import {
  ApiClient,
  LocalSessionStore,
  MemorySessionStore,
  type Session,
} from "../../src/api/client";
import { ApiError } from "../../src/api/problem";
import type { SessionUser, TokenResponse } from "../../src/api/types";
import { NO_PERMISSIONS } from "../../src/app/permissions";

const ADMIN: SessionUser = {
  id: "u1",
  email: "admin@example.com",
  display_name: "Ada Admin",
  role: "admin",
};

interface Call {
  method: string;
  url: string;
  auth: string | null;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": status >= 400 ? "application/problem+json" : "application/json",
      ...headers,
    },
  });
}

function tokens(n: number, expiresIn = 900): TokenResponse {
  return {
    access_token: `access-${n}`,
    token_type: "Bearer",
    expires_in: expiresIn,
    refresh_token: `refresh-${n}`,
    user: ADMIN,
  };
}

/** A fetch double that records calls and answers through `handler`. */
function fakeFetch(handler: Handler) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      method: init?.method ?? "GET",
      url: String(input),
      auth: headers.get("authorization"),
      body:
        typeof init?.body === "string" && init.body.startsWith("{")
          ? JSON.parse(init.body)
          : init?.body,
    };
    calls.push(call);
    return handler(call);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function signedIn(n = 1, now = 1_000_000, expiresIn = 900): MemorySessionStore {
  const store = new MemorySessionStore();
  store.save({
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresAt: now + expiresIn * 1000,
    user: ADMIN,
  });
  return store;
}

const unauthorized = () => json(401, { type: "about:blank", title: "Unauthorized", status: 401 });

describe("ApiClient.login", () => {
  it("posts the credentials and stores the session", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, tokens(1)));
    const store = new MemorySessionStore();
    const client = new ApiClient({ fetch, store, now: () => 1000 });
    const user = await client.login("admin@example.com", "s3cret-password");
    expect(user).toEqual(ADMIN);
    expect(calls).toEqual([
      {
        method: "POST",
        url: "/api/v1/auth/login",
        auth: null,
        body: { email: "admin@example.com", password: "s3cret-password" },
      },
    ]);
    expect(store.load()).toEqual({
      accessToken: "access-1",
      refreshToken: "refresh-1",
      expiresAt: 1000 + 900_000,
      user: ADMIN,
    });
  });

  it("throws a 401 problem for wrong credentials without trying to refresh", async () => {
    const { fetch, calls } = fakeFetch(unauthorized);
    const client = new ApiClient({ fetch });
    const error = await client.login("a@b.c", "wrong").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(client.session).toBeNull();
  });

  it("carries Retry-After on a 429", async () => {
    const { fetch } = fakeFetch(() =>
      json(
        429,
        { type: "about:blank", title: "Too Many Requests", status: 429 },
        { "retry-after": "17" },
      ),
    );
    const client = new ApiClient({ fetch });
    const error = (await client.login("a@b.c", "x").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(17);
  });
});

describe("ApiClient requests", () => {
  it("sends the bearer token, the base path and query parameters", async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { items: [], next_cursor: null }));
    const client = new ApiClient({ fetch, store: signedIn(), now: () => 1_000_000 });
    await client.get("/accounts", {
      query: { limit: 50, q: "acme corp", cursor: undefined, tier: ["A", "B"] },
    });
    expect(calls[0]).toMatchObject({
      method: "GET",
      url: "/api/v1/accounts?limit=50&q=acme+corp&tier=A&tier=B",
      auth: "Bearer access-1",
    });
  });

  it("sends If-Match and answers the ETag", async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(JSON.stringify({ id: "a1" }), {
          status: 200,
          headers: { "content-type": "application/json", etag: '"v2"' },
        }),
    );
    const seen: string[] = [];
    const spy: typeof globalThis.fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get("if-match") ?? "");
      return fetch(input, init);
    };
    const client = new ApiClient({ fetch: spy, store: signedIn(), now: () => 1_000_000 });
    const answer = await client.request("PATCH", "/accounts/a1", {
      body: { name: "Acme" },
      ifMatch: '"v1"',
    });
    expect(seen).toEqual(['"v1"']);
    expect(answer.etag).toBe('"v2"');
    expect(answer.data).toEqual({ id: "a1" });
  });

  it("answers undefined for 204 No Content", async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = new ApiClient({ fetch, store: signedIn(), now: () => 1_000_000 });
    await expect(client.delete("/accounts/a1/team/u2")).resolves.toBeUndefined();
  });

  it("turns a network failure into a status-0 problem", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof globalThis.fetch;
    const client = new ApiClient({ fetch, store: signedIn(), now: () => 1_000_000 });
    const error = (await client.get("/me").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.problem.title).toBe("Cannot reach the server");
  });

  it("surfaces a problem document with its field", async () => {
    const { fetch } = fakeFetch(() =>
      json(422, {
        type: "https://x/validation",
        title: "Invalid input",
        status: 422,
        detail: "unknown tier",
        field: "tier",
      }),
    );
    const client = new ApiClient({ fetch, store: signedIn(), now: () => 1_000_000 });
    const error = (await client
      .post("/accounts", { tier: "Z" })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.field).toBe("tier");
    expect(error.problem.detail).toBe("unknown tier");
  });
});

describe("transparent refresh", () => {
  it("keeps what /me answered across a refresh while the user stays the same", async () => {
    const permissions = { ...NO_PERMISSIONS, may_manage_users: true };
    const me = { ...ADMIN, team_id: null, led_team_ids: [], permissions };
    let answer = ADMIN;
    const { fetch } = fakeFetch((call) =>
      call.url.endsWith("/auth/refresh")
        ? json(200, { ...tokens(2), user: answer })
        : json(200, me),
    );
    const client = new ApiClient({ fetch, store: signedIn(1), now: () => 1_000_000 });
    await client.me();
    await client.refresh();
    expect(client.user?.permissions).toEqual(permissions);
    // A changed role makes the permissions unknown until /me answers again.
    answer = { ...ADMIN, role: "member" };
    await client.refresh();
    expect(client.user).toEqual(answer);
  });

  it("refreshes once on 401, stores the rotated token and retries the call", async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url.endsWith("/auth/refresh")) return json(200, tokens(2));
      if (call.auth === "Bearer access-1") return unauthorized();
      return json(200, ADMIN);
    });
    const store = signedIn(1);
    const client = new ApiClient({ fetch, store, now: () => 1_000_000 });
    await expect(client.get("/me")).resolves.toEqual(ADMIN);
    expect(calls.map((c) => `${c.method} ${c.url} ${c.auth ?? "-"}`)).toEqual([
      "GET /api/v1/me Bearer access-1",
      "POST /api/v1/auth/refresh -",
      "GET /api/v1/me Bearer access-2",
    ]);
    expect(calls[1].body).toEqual({ refresh_token: "refresh-1" });
    expect(store.load()?.refreshToken).toBe("refresh-2");
    expect(client.session?.accessToken).toBe("access-2");
  });

  it("shares one refresh between concurrent 401s", async () => {
    let refreshes = 0;
    const { fetch, calls } = fakeFetch(async (call) => {
      if (call.url.endsWith("/auth/refresh")) {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 5));
        return json(200, tokens(1 + refreshes));
      }
      if (call.auth !== "Bearer access-2") return unauthorized();
      return json(200, { ok: call.url });
    });
    const client = new ApiClient({ fetch, store: signedIn(1), now: () => 1_000_000 });
    const results = await Promise.all([
      client.get("/accounts"),
      client.get("/teams"),
      client.get("/users"),
    ]);
    expect(refreshes).toBe(1);
    expect(results).toEqual([
      { ok: "/api/v1/accounts" },
      { ok: "/api/v1/teams" },
      { ok: "/api/v1/users" },
    ]);
    expect(calls.filter((c) => c.url.endsWith("/auth/refresh"))).toHaveLength(1);
  });

  it("refreshes before sending when the access token has expired", async () => {
    let now = 1_000_000;
    const { fetch, calls } = fakeFetch((call) =>
      call.url.endsWith("/auth/refresh") ? json(200, tokens(2)) : json(200, { ok: true }),
    );
    const client = new ApiClient({ fetch, store: signedIn(1, now, 60), now: () => now });
    now += 61_000;
    await client.get("/accounts");
    expect(calls.map((c) => `${c.url} ${c.auth ?? "-"}`)).toEqual([
      "/api/v1/auth/refresh -",
      "/api/v1/accounts Bearer access-2",
    ]);
  });

  it("ends the session when the refresh token is rejected, and tells listeners", async () => {
    const { fetch, calls } = fakeFetch(unauthorized);
    const store = signedIn(1);
    const client = new ApiClient({ fetch, store, now: () => 1_000_000 });
    const events: string[] = [];
    client.onSessionChange((session, reason) => events.push(`${reason}:${session ? "on" : "off"}`));
    const error = (await client.get("/me").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(calls).toHaveLength(2);
    expect(events).toEqual(["expired:off"]);
    expect(store.load()).toBeNull();
  });

  it("does not loop when the retried call is refused again", async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.endsWith("/auth/refresh") ? json(200, tokens(2)) : unauthorized(),
    );
    const client = new ApiClient({ fetch, store: signedIn(1), now: () => 1_000_000 });
    await expect(client.get("/me")).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(3);
  });

  it("keeps the session when the refresh fails for network reasons", async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      if (String(input).endsWith("/auth/refresh")) throw new TypeError("offline");
      return unauthorized();
    }) as unknown as typeof globalThis.fetch;
    const store = signedIn(1);
    const client = new ApiClient({ fetch, store, now: () => 1_000_000 });
    await expect(client.get("/me")).rejects.toMatchObject({ status: 0 });
    expect(store.load()?.refreshToken).toBe("refresh-1");
  });

  it("adopts a token another tab already rotated instead of refreshing again", async () => {
    const store = signedIn(1);
    const { fetch, calls } = fakeFetch((call) =>
      call.auth === "Bearer access-2" ? json(200, { ok: true }) : unauthorized(),
    );
    const client = new ApiClient({ fetch, store, now: () => 1_000_000 });
    // The other tab rotated: refresh-1 is spent, refresh-2 is current.
    store.save({
      accessToken: "access-2",
      refreshToken: "refresh-2",
      expiresAt: 2_000_000,
      user: ADMIN,
    });
    await expect(client.get("/accounts")).resolves.toEqual({ ok: true });
    expect(calls.some((c) => c.url.endsWith("/auth/refresh"))).toBe(false);
  });

  it("does not refresh without a session", async () => {
    const { fetch, calls } = fakeFetch(unauthorized);
    const client = new ApiClient({ fetch });
    await expect(client.get("/me")).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });
});

describe("logout", () => {
  it("revokes the refresh token and forgets the session", async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const store = signedIn(1);
    const client = new ApiClient({ fetch, store, now: () => 1_000_000 });
    await client.logout();
    expect(calls[0]).toMatchObject({
      method: "POST",
      url: "/api/v1/auth/logout",
      auth: "Bearer access-1",
      body: { refresh_token: "refresh-1" },
    });
    expect(store.load()).toBeNull();
    expect(client.session).toBeNull();
  });

  it("forgets the session even if the server cannot be reached", async () => {
    const fetch = (async () => {
      throw new TypeError("offline");
    }) as typeof globalThis.fetch;
    const client = new ApiClient({ fetch, store: signedIn(1), now: () => 1_000_000 });
    await expect(client.logout()).resolves.toBeUndefined();
    expect(client.session).toBeNull();
  });
});

describe("LocalSessionStore", () => {
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, v),
    };
  }

  it("round-trips a session and ignores corrupt entries", () => {
    const storage = memoryStorage();
    const store = new LocalSessionStore(storage);
    const session: Session = { accessToken: "a", refreshToken: "r", expiresAt: 5, user: ADMIN };
    store.save(session);
    expect(store.load()).toEqual(session);
    storage.setItem("continuity.session", "{broken");
    expect(store.load()).toBeNull();
    storage.setItem("continuity.session", JSON.stringify({ accessToken: "a" }));
    expect(store.load()).toBeNull();
    store.save(null);
    expect(storage.getItem("continuity.session")).toBeNull();
  });
});
