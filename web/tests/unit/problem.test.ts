import { describe, expect, it } from "vitest";
import {
  ApiError,
  normaliseProblem,
  parseRetryAfter,
  problemMessage,
  readProblem,
} from "../../src/api/problem";

function response(body: string, init: ResponseInit & { contentType?: string } = {}): Response {
  const headers = new Headers(init.headers);
  if (init.contentType) headers.set("content-type", init.contentType);
  return new Response(body, { status: init.status ?? 400, statusText: init.statusText, headers });
}

describe("readProblem", () => {
  it("reads a full problem+json document, keeping the field and extensions", async () => {
    const problem = await readProblem(
      response(
        JSON.stringify({
          type: "https://continuity.example/problems/validation",
          title: "Invalid input",
          status: 422,
          detail: "must be an email address",
          field: "email",
          account_ids: ["a1", "a2"],
        }),
        { status: 422, contentType: "application/problem+json" },
      ),
    );
    expect(problem).toEqual({
      type: "https://continuity.example/problems/validation",
      title: "Invalid input",
      status: 422,
      detail: "must be an email address",
      field: "email",
      account_ids: ["a1", "a2"],
    });
  });

  it("fills in type, title and status when the document is partial", async () => {
    const problem = await readProblem(
      response(JSON.stringify({ detail: "stale ETag" }), {
        status: 412,
        contentType: "application/problem+json",
      }),
    );
    expect(problem.type).toBe("about:blank");
    expect(problem.title).toBe("This record was changed by someone else");
    expect(problem.status).toBe(412);
    expect(problem.detail).toBe("stale ETag");
    expect(problem.field).toBeUndefined();
  });

  it("takes the HTTP status when the body's status is not an integer", async () => {
    const problem = await readProblem(
      response(JSON.stringify({ title: "Nope", status: "bad" }), {
        status: 409,
        contentType: "application/json",
      }),
    );
    expect(problem.status).toBe(409);
    expect(problem.title).toBe("Nope");
  });

  it("keeps a short plain-text body as the detail", async () => {
    const problem = await readProblem(
      response("database is locked", { status: 503, contentType: "text/plain" }),
    );
    expect(problem).toMatchObject({
      status: 503,
      title: "Server unavailable",
      detail: "database is locked",
    });
  });

  it("never shows an HTML error page", async () => {
    const problem = await readProblem(
      response("<html><body>Bad Gateway</body></html>", { status: 502, contentType: "text/html" }),
    );
    expect(problem.detail).toBeUndefined();
    expect(problem.title).toBe("Server unavailable");
  });

  it("survives malformed JSON", async () => {
    const problem = await readProblem(
      response("{not json", { status: 500, contentType: "application/problem+json" }),
    );
    expect(problem).toMatchObject({ status: 500, title: "Server error", detail: "{not json" });
  });

  it("uses the status text for unknown statuses with an empty body", async () => {
    const problem = await readProblem(response("", { status: 418, statusText: "I'm a teapot" }));
    expect(problem).toMatchObject({ status: 418, title: "I'm a teapot" });
  });
});

describe("normaliseProblem", () => {
  it("ignores empty strings and non-string fields", () => {
    const doc = normaliseProblem({ title: "", field: 3, detail: "" }, 400);
    expect(doc).toEqual({ type: "about:blank", title: "Bad request", status: 400 });
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("42")).toBe(42);
    expect(parseRetryAfter(" 7 ")).toBe(7);
    expect(parseRetryAfter("0")).toBe(1);
  });
  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
  });
  it("answers undefined for absent or unreadable values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("ApiError", () => {
  it("exposes status, field and a readable message", () => {
    const error = new ApiError(
      {
        type: "about:blank",
        title: "Invalid input",
        status: 422,
        detail: "too short",
        field: "password",
      },
      3,
    );
    expect(error.status).toBe(422);
    expect(error.field).toBe("password");
    expect(error.retryAfter).toBe(3);
    expect(error.message).toBe("Invalid input: too short");
    expect(problemMessage(error.problem)).toBe("too short");
    expect(problemMessage({ type: "about:blank", title: "Conflict", status: 409 })).toBe(
      "Conflict",
    );
  });
});
