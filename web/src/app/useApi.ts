import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { QueryValue } from "../api/client";
import { ApiError } from "../api/problem";
import type { Page } from "../api/types";
import { versionFromEtag } from "../api/versions";
import { t } from "../i18n";
import { useApp } from "./context";
import { useLocale } from "./locale";

export type Load<T> =
  | { status: "loading" }
  | { status: "ok"; data: T }
  /** The endpoint answered 404: the server does not offer it yet. */
  | { status: "unavailable" }
  | { status: "error"; error: ApiError };

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    type: "about:blank#client",
    title: t("problems.somethingWentWrong"),
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/**
 * A record read without a `version` field gets it from the ETag, so a later write
 * can always send If-Match.
 */
export function withVersion<T>(data: T, etag: string | null): T {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  if (typeof record.version === "number") return data;
  const version = versionFromEtag(etag);
  return version === null ? data : ({ ...record, version } as T);
}

/**
 * Loads one resource; reloads when the path or query change, and in place when the language
 * does (the server words explanations in the language asked for).
 */
export function useApi<T>(path: string, query?: Record<string, QueryValue>) {
  const { client } = useApp();
  const { language } = useLocale();
  const [state, setState] = useState<Load<T>>({ status: "loading" });
  const key = JSON.stringify([path, query ?? null]);
  const [tick, setTick] = useState(0);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    // A reload of the same resource keeps showing what is there (no flicker, and
    // open forms inside it survive); a different resource starts from "loading".
    if (shownKey.current !== key) setState({ status: "loading" });
    shownKey.current = key;
    client
      .request<T>("GET", path, { query, signal: controller.signal })
      .then(({ data, etag }) => setState({ status: "ok", data: withVersion(data, etag) }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = toApiError(error);
        setState(
          apiError.status === 404
            ? { status: "unavailable" }
            : { status: "error", error: apiError },
        );
      });
    return () => controller.abort();
  }, [client, key, tick, language]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, reload };
}

/** Loads a cursor-paginated list (`{items, next_cursor}`), with "load more". */
export function usePagedList<T>(path: string, query: Record<string, QueryValue> = {}, limit = 50) {
  const { client } = useApp();
  const { language } = useLocale();
  const [state, setState] = useState<Load<{ items: T[]; nextCursor: string | null }>>({
    status: "loading",
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const key = JSON.stringify([path, query, limit]);
  const generation = useRef(0);
  const [tick, setTick] = useState(0);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const gen = ++generation.current;
    if (shownKey.current !== key) setState({ status: "loading" });
    shownKey.current = key;
    setMoreError(null);
    client
      .get<Page<T>>(path, { query: { ...query, limit }, signal: controller.signal })
      .then((page) => {
        if (gen !== generation.current) return;
        setState({
          status: "ok",
          data: { items: page?.items ?? [], nextCursor: page?.next_cursor ?? null },
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || gen !== generation.current) return;
        const apiError = toApiError(error);
        setState(
          apiError.status === 404
            ? { status: "unavailable" }
            : { status: "error", error: apiError },
        );
      });
    return () => controller.abort();
  }, [client, key, tick, language]);

  const loadMore = useCallback(async () => {
    if (state.status !== "ok" || !state.data.nextCursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await client.get<Page<T>>(path, {
        query: { ...query, limit, cursor: state.data.nextCursor },
      });
      if (gen !== generation.current) return;
      setState({
        status: "ok",
        data: {
          items: [...state.data.items, ...(page?.items ?? [])],
          nextCursor: page?.next_cursor ?? null,
        },
      });
    } catch (error) {
      setMoreError(toApiError(error));
    } finally {
      setLoadingMore(false);
    }
  }, [client, key, state, loadingMore]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { state, loadMore, loadingMore, moreError, reload };
}

/** The value, once it has stopped changing for `ms` (search boxes). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
