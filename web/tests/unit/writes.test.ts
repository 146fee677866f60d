import { describe, expect, it } from "vitest";
import { ApiClient, MemorySessionStore } from "../../src/api/client";
import { ApiError } from "../../src/api/problem";
import { ifMatch, versionFromEtag } from "../../src/api/versions";
import { fetchAll, makeDirectory } from "../../src/app/directory";
import { withVersion } from "../../src/app/useApi";
import { placeError, staleProblemTitle } from "../../src/app/useSubmit";

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": status >= 400 ? "application/problem+json" : "application/json",
      ...headers,
    },
  });
}

/** A client signed in with a long-lived token whose fetch answers from `handler`. */
function clientWith(handler: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  const store = new MemorySessionStore();
  store.save({
    accessToken: "token",
    refreshToken: "refresh",
    expiresAt: Date.now() + 3_600_000,
    user: { id: "u1", email: "a@b.c", display_name: "A", role: "admin" },
  });
  const client = new ApiClient({
    store,
    fetch: async (input, init) => {
      const call: Seen = {
        method: init?.method ?? "GET",
        url: String(input),
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      };
      seen.push(call);
      return handler(call);
    },
  });
  return { client, seen };
}

describe("versions", () => {
  it("quote a record's version for If-Match", () => {
    expect(ifMatch({ version: 7 })).toBe('"7"');
    expect(ifMatch({ version: 0 })).toBe('"0"');
    expect(ifMatch({})).toBeUndefined();
    expect(ifMatch(null)).toBeUndefined();
  });
  it("read a version back from an ETag", () => {
    expect(versionFromEtag('"12"')).toBe(12);
    expect(versionFromEtag('W/"3"')).toBe(3);
    expect(versionFromEtag("abc")).toBeNull();
    expect(versionFromEtag(null)).toBeNull();
  });
  it("fill a missing version from the ETag, never overriding one", () => {
    expect(withVersion({ id: "1" }, '"4"')).toEqual({ id: "1", version: 4 });
    expect(withVersion({ id: "1", version: 9 }, '"4"')).toEqual({ id: "1", version: 9 });
    expect(withVersion([1, 2], '"4"')).toEqual([1, 2]);
    expect(withVersion({ id: "1" }, null)).toEqual({ id: "1" });
  });
});

describe("writes to existing records", () => {
  it("send If-Match with the version the record was read with", async () => {
    const { client, seen } = clientWith(() => json(200, { id: "c1", version: 4 }));
    await client.patch(
      "/contacts/c1",
      { left_at: "2026-06-01" },
      { ifMatch: ifMatch({ version: 3 }) },
    );
    expect(seen[0].method).toBe("PATCH");
    expect(seen[0].url).toBe("/api/v1/contacts/c1");
    expect(seen[0].headers["If-Match"]).toBe('"3"');
    expect(seen[0].body).toEqual({ left_at: "2026-06-01" });
  });

  it("turn a stale write (412) into a banner that says to reload", async () => {
    const { client } = clientWith(() =>
      json(412, { type: "about:blank", title: "Precondition Failed", status: 412 }),
    );
    const error = await client
      .put("/accounts/a1/team/u2", { role: "owner", access: "edit" }, { ifMatch: '"1"' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const placed = placeError(error, ["role", "access"]);
    expect(placed.fieldErrors).toEqual({});
    expect(placed.banner?.title).toBe(staleProblemTitle());
    expect(placed.banner?.detail).toMatch(/Reload/);
  });

  it("treat a write without If-Match (428) the same way", async () => {
    const { client } = clientWith(() => json(428, { title: "Precondition Required", status: 428 }));
    const error = await client.delete("/accounts/a1/team/u2").catch((e: unknown) => e);
    expect(placeError(error, []).banner?.title).toBe(staleProblemTitle());
  });

  it("put a problem that names a field of the form next to that field", async () => {
    const { client } = clientWith(() =>
      json(422, {
        type: "https://continuity.example/problems/invalid",
        title: "Invalid input",
        status: 422,
        detail: "must be 1 to 200 characters",
        field: "name",
      }),
    );
    const error = await client.post("/accounts", { name: "" }).catch((e: unknown) => e);
    expect(placeError(error, ["name", "tier"])).toEqual({
      fieldErrors: { name: "must be 1 to 200 characters" },
      banner: null,
    });
    // A field this form does not show becomes the banner.
    expect(placeError(error, ["tier"]).banner?.detail).toBe("must be 1 to 200 characters");
  });

  it("match an indexed field to its list input", () => {
    const error = new ApiError({
      type: "about:blank",
      title: "Invalid input",
      status: 422,
      detail: "no such employee",
      field: "employee_ids[1]",
    });
    expect(placeError(error, ["employee_ids"]).fieldErrors).toEqual({
      employee_ids: "no such employee",
    });
  });

  it("report a non-API failure as a banner", () => {
    expect(placeError(new Error("boom"), ["name"]).banner?.detail).toBe("boom");
  });
});

describe("directory", () => {
  it("follows cursors to the end of a list", async () => {
    const { client, seen } = clientWith((call) =>
      call.url.includes("cursor=p2")
        ? json(200, { items: [{ id: "3" }], next_cursor: null })
        : json(200, { items: [{ id: "1" }, { id: "2" }], next_cursor: "p2" }),
    );
    const items = await fetchAll<{ id: string }>(client, "/users");
    expect(items.map((i) => i.id)).toEqual(["1", "2", "3"]);
    expect(seen.map((s) => s.url)).toEqual([
      "/api/v1/users?limit=200",
      "/api/v1/users?limit=200&cursor=p2",
    ]);
  });

  it("names teams and people, and says so when someone is unknown", () => {
    const d = makeDirectory(
      [{ id: "t1", name: "Private Banking", created_at: "2026-01-01T00:00:00Z", lead_ids: [] }],
      [
        {
          id: "u1",
          email: "a@b.c",
          display_name: "Ada",
          role: "admin",
          status: "active",
          created_at: "2026-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z",
          version: 1,
        },
      ],
    );
    expect(d.teamName("t1")).toBe("Private Banking");
    expect(d.userName("u1")).toBe("Ada");
    expect(d.userName("u9")).toBe("Former colleague");
    expect(d.teamName(null)).toBe("—");
  });
});
