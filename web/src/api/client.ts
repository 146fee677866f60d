/**
 * The Continuity API client.
 *
 * - every path is relative to `/api/v1`;
 * - authenticated calls carry `Authorization: Bearer <access token>`;
 * - an access token that is about to expire, or a `401` answer, triggers one
 *   `POST /auth/refresh`; concurrent callers share that single refresh, then the
 *   original call is retried once;
 * - refresh tokens rotate: every refresh answer replaces the stored session;
 * - every call asks for the app's language (`Accept-Language`), so problem titles and flag
 *   explanations come back in the words the person reads;
 * - failures are thrown as {@link ApiError} carrying an RFC 7807 problem document.
 */
import { t } from "../i18n";
import { ApiError, networkProblem, parseRetryAfter, readProblem } from "./problem";
import type { SessionUser, TokenResponse } from "./types";

export const API_BASE = "/api/v1";

/** Refresh this many milliseconds before the access token's stated expiry. */
const EXPIRY_SKEW_MS = 15_000;

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
  user: SessionUser;
}

export interface SessionStore {
  load(): Session | null;
  save(session: Session | null): void;
}

/** Keeps the session in memory only (tests, or browsers without storage). */
export class MemorySessionStore implements SessionStore {
  private value: Session | null = null;
  load(): Session | null {
    return this.value;
  }
  save(session: Session | null): void {
    this.value = session;
  }
}

export const SESSION_STORAGE_KEY = "continuity.session";

/** Keeps the session in `localStorage`, so a reload or a new tab stays signed in. */
export class LocalSessionStore implements SessionStore {
  constructor(
    private readonly storage: Storage,
    private readonly key = SESSION_STORAGE_KEY,
  ) {}

  load(): Session | null {
    try {
      const raw = this.storage.getItem(this.key);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<Session>;
      if (
        typeof parsed.accessToken !== "string" ||
        typeof parsed.refreshToken !== "string" ||
        typeof parsed.expiresAt !== "number" ||
        !parsed.user ||
        typeof parsed.user.id !== "string"
      ) {
        return null;
      }
      return parsed as Session;
    } catch {
      return null;
    }
  }

  save(session: Session | null): void {
    try {
      if (session) this.storage.setItem(this.key, JSON.stringify(session));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or disabled: the session still lives in memory.
    }
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue | QueryValue[]>;
  headers?: Record<string, string>;
  /** Sends `If-Match` with this ETag (writes to records read earlier). */
  ifMatch?: string;
  signal?: AbortSignal;
  /** Send without the access token and never refresh (the auth endpoints). */
  anonymous?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag: string | null;
  headers: Headers;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  store?: SessionStore;
  now?: () => number;
}

type SessionListener = (session: Session | null, reason: SessionChange) => void;
export type SessionChange = "signed-in" | "refreshed" | "signed-out" | "expired" | "external";

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly store: SessionStore;
  private readonly now: () => number;
  private current: Session | null;
  private refreshing: Promise<boolean> | null = null;
  private language: string | null = null;
  private readonly listeners = new Set<SessionListener>();

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? API_BASE).replace(/\/+$/, "");
    // Bind so that `window.fetch` is never called with a foreign `this`.
    const f = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => f(input, init);
    this.store = options.store ?? new MemorySessionStore();
    this.now = options.now ?? Date.now;
    this.current = this.store.load();
  }

  get session(): Session | null {
    return this.current;
  }

  get user(): SessionUser | null {
    return this.current?.user ?? null;
  }

  /** The language every later call asks for (`Accept-Language`); null: none. */
  setLanguage(language: string | null): void {
    this.language = language;
  }

  /** Subscribes to sign-in, refresh and sign-out; returns the unsubscribe function. */
  onSessionChange(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Picks up a session another tab wrote to the shared store. */
  syncFromStore(): void {
    const stored = this.store.load();
    if (stored?.refreshToken === this.current?.refreshToken) return;
    this.current = stored;
    this.emit("external");
  }

  private setSession(session: Session | null, reason: SessionChange): void {
    this.current = session;
    this.store.save(session);
    this.emit(reason);
  }

  private emit(reason: SessionChange): void {
    for (const listener of [...this.listeners]) listener(this.current, reason);
  }

  private sessionFrom(tokens: TokenResponse): Session {
    // The token answer names the user; what `/me` added (team, permissions) stays while
    // the answer agrees with what was known of them.
    const previous = this.current?.user;
    const known: Record<string, unknown> = { ...previous };
    const unchanged =
      previous !== undefined &&
      Object.entries(tokens.user).every(([field, value]) => known[field] === value);
    const user = unchanged ? { ...previous, ...tokens.user } : tokens.user;
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: this.now() + Math.max(0, tokens.expires_in) * 1000,
      user,
    };
  }

  // ---- auth -------------------------------------------------------------

  async login(email: string, password: string): Promise<SessionUser> {
    const { data } = await this.send<TokenResponse>("POST", "/auth/login", {
      body: { email, password },
      anonymous: true,
    });
    this.setSession(this.sessionFrom(data), "signed-in");
    return data.user;
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  async logout(): Promise<void> {
    const session = this.current;
    this.setSession(null, "signed-out");
    if (!session) return;
    try {
      await this.send<unknown>("POST", "/auth/logout", {
        body: { refresh_token: session.refreshToken },
        headers: { Authorization: `Bearer ${session.accessToken}` },
        anonymous: true,
      });
    } catch {
      // The local session is gone either way; the token expires on its own.
    }
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one
   * request. Resolves true when a usable session exists afterwards; a rejected
   * refresh token ends the session; a network failure leaves it in place.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    // Another tab may already have rotated the token: adopt its session.
    const stored = this.store.load();
    if (stored && this.current && stored.refreshToken !== this.current.refreshToken) {
      this.current = stored;
      if (stored.expiresAt - EXPIRY_SKEW_MS > this.now()) {
        this.emit("refreshed");
        return true;
      }
    }
    const session = this.current;
    if (!session) return false;
    try {
      const { data } = await this.send<TokenResponse>("POST", "/auth/refresh", {
        body: { refresh_token: session.refreshToken },
        anonymous: true,
      });
      this.setSession(this.sessionFrom(data), "refreshed");
      return true;
    } catch (error) {
      if (error instanceof ApiError && [400, 401, 403, 404].includes(error.status)) {
        this.setSession(null, "expired");
        return false;
      }
      throw error;
    }
  }

  async me(): Promise<SessionUser> {
    const user = await this.get<SessionUser>("/me");
    if (this.current && JSON.stringify(this.current.user) !== JSON.stringify(user)) {
      this.setSession({ ...this.current, user }, "refreshed");
    }
    return user;
  }

  // ---- requests ---------------------------------------------------------

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("GET", path, options).then((r) => r.data);
  }
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>("POST", path, { ...options, body }).then((r) => r.data);
  }
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>("PUT", path, { ...options, body }).then((r) => r.data);
  }
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>("PATCH", path, { ...options, body }).then((r) => r.data);
  }
  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>("DELETE", path, options).then((r) => r.data);
  }

  /** An authenticated call with transparent refresh; answers data plus ETag. */
  async request<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    if (options.anonymous) return this.send<T>(method, path, options);

    if (this.current && this.current.expiresAt - EXPIRY_SKEW_MS <= this.now()) {
      await this.refresh();
    }
    const usedToken = this.current?.accessToken;
    try {
      return await this.send<T>(method, path, options, usedToken);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401 || !this.current) throw error;
      // Someone else may have refreshed while this call was in flight.
      const renewed = this.current.accessToken !== usedToken || (await this.refresh());
      if (!renewed || !this.current) throw error;
      return this.send<T>(method, path, options, this.current.accessToken);
    }
  }

  url(path: string, query?: RequestOptions["query"]): string {
    const p = path.startsWith("/") ? path : `/${path}`;
    let url = `${this.baseUrl}${p}`;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        const values = Array.isArray(value) ? value : [value];
        for (const v of values)
          if (v !== undefined && v !== null && v !== "") params.append(key, String(v));
      }
      const qs = params.toString();
      if (qs) url += (url.includes("?") ? "&" : "?") + qs;
    }
    return url;
  }

  private async send<T>(
    method: string,
    path: string,
    options: RequestOptions,
    accessToken?: string,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      Accept: "application/json, application/problem+json",
    };
    let body: BodyInit | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === "string") {
        body = options.body;
        headers["Content-Type"] = "text/plain";
      } else {
        body = JSON.stringify(options.body);
        headers["Content-Type"] = "application/json";
      }
    }
    if (this.language) headers["Accept-Language"] = this.language;
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    Object.assign(headers, options.headers);

    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
        credentials: "same-origin",
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiError(networkProblem(cause));
    }

    if (!response.ok) {
      const problem = await readProblem(response);
      throw new ApiError(problem, parseRetryAfter(response.headers.get("retry-after"), this.now()));
    }

    let data: unknown = undefined;
    if (response.status !== 204) {
      const text = await response.text();
      const type = response.headers.get("content-type") ?? "";
      if (text && type.includes("json")) {
        try {
          data = JSON.parse(text);
        } catch {
          throw new ApiError({
            type: "about:blank#bad-response",
            title: t("problems.unreadableAnswer"),
            status: response.status,
          });
        }
      } else {
        data = text || undefined;
      }
    }
    return {
      data: data as T,
      status: response.status,
      etag: response.headers.get("etag"),
      headers: response.headers,
    };
  }
}
