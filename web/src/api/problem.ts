/**
 * RFC 7807 problem documents, as every error of the Continuity API is answered. The server
 * words titles in the language the client asks for; the titles here stand in for an answer
 * that carries none (or no answer at all).
 */
import { messageFor, t } from "../i18n";

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The offending input field, when the problem is about one. */
  field?: string;
  /** Any further members of the document (e.g. `account_ids` on a refused departure). */
  [extension: string]: unknown;
}

/** An API call that did not succeed. Carries the parsed problem document. */
export class ApiError extends Error {
  readonly problem: ProblemDocument;
  /** Seconds to wait before retrying, from a `Retry-After` header, if any. */
  readonly retryAfter: number | undefined;

  constructor(problem: ProblemDocument, retryAfter?: number) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = "ApiError";
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get field(): string | undefined {
    return this.problem.field;
  }
}

/** Status 0 stands for "no HTTP answer at all" (network failure, server down). */
export function networkProblem(cause: unknown): ProblemDocument {
  const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : "";
  return {
    type: "about:blank#network",
    title: t("problems.cannotReachServer"),
    status: 0,
    detail: t("problems.checkConnection", { reason }),
  };
}

/** The title for a status the answer did not explain (`problems.status.<code>`). */
function fallbackTitle(status: number, statusText: string): string {
  return (
    messageFor(`problems.status.${status}`) ?? (statusText || t("problems.httpStatus", { status }))
  );
}

/** Turns any parsed JSON body into a well-formed problem document. */
export function normaliseProblem(body: unknown, status: number, statusText = ""): ProblemDocument {
  const doc: ProblemDocument = {
    type: "about:blank",
    title: fallbackTitle(status, statusText),
    status,
  };
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const raw = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (!["type", "title", "status", "detail", "field"].includes(key)) doc[key] = value;
    }
    if (typeof raw.type === "string" && raw.type) doc.type = raw.type;
    if (typeof raw.title === "string" && raw.title) doc.title = raw.title;
    if (typeof raw.status === "number" && Number.isInteger(raw.status)) doc.status = raw.status;
    if (typeof raw.detail === "string" && raw.detail) doc.detail = raw.detail;
    if (typeof raw.field === "string" && raw.field) doc.field = raw.field;
  } else if (typeof body === "string" && body.trim()) {
    doc.detail = body.trim().slice(0, 500);
  }
  return doc;
}

/** Reads a problem document from a failed response, whatever its content type. */
export async function readProblem(response: Response): Promise<ProblemDocument> {
  let text = "";
  try {
    text = await response.text();
  } catch {
    // Body unreadable: fall back to the status line.
  }
  let body: unknown = text;
  const type = response.headers.get("content-type") ?? "";
  if (text && (type.includes("json") || /^\s*[{[]/.test(text))) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  // Never surface an HTML error page as text.
  if (typeof body === "string" && /^\s*</.test(body)) body = "";
  return normaliseProblem(body, response.status, response.statusText);
}

/**
 * Parses a `Retry-After` header: either delta-seconds or an HTTP date.
 * Returns whole seconds (at least 1), or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(1, parseInt(trimmed, 10));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/** A problem's message for a person: detail when present, else title. */
export function problemMessage(problem: ProblemDocument): string {
  return problem.detail || problem.title;
}
