/**
 * Names behind ids: teams (everyone may list them) and users (those whose
 * permissions include `may_list_users`). Loaded once per client and shared by every page; `refresh` after a
 * change. Members simply get no user directory and see names from account teams.
 */
import { useEffect, useState } from "preact/hooks";
import type { ApiClient } from "../api/client";
import type { Account, Page, SessionUser, Team, User } from "../api/types";
import { t } from "../i18n";
import { useApp } from "./context";
import { permissionsOf } from "./permissions";

export interface Directory {
  teams: Team[];
  users: User[];
  teamName(id: string | null | undefined): string;
  userName(id: string | null | undefined): string;
  user(id: string | null | undefined): User | undefined;
}

export function makeDirectory(teams: Team[], users: User[]): Directory {
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const userById = new Map(users.map((u) => [u.id, u]));
  return {
    teams,
    users,
    teamName: (id) => (id ? (teamById.get(id)?.name ?? t("directory.unknownTeam")) : "—"),
    // Without the user list (for a user who may not read it) a person is named by id.
    userName: (id) =>
      id
        ? (userById.get(id)?.display_name ??
          (users.length ? t("directory.formerColleague") : t("directory.person", { id })))
        : "—",
    user: (id) => (id ? userById.get(id) : undefined),
  };
}

/** Follows `next_cursor` to the end (bounded), for short reference lists. */
export async function fetchAll<T>(
  client: ApiClient,
  path: string,
  query: Record<string, string | number> = {},
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await client.get<Page<T>>(path, {
      query: { ...query, limit: 200, cursor: cursor ?? undefined },
    });
    items.push(...(page?.items ?? []));
    cursor = page?.next_cursor ?? null;
    if (!cursor) break;
  }
  return items;
}

interface Entry {
  promise: Promise<Directory>;
  value: Directory | null;
}
const cache = new WeakMap<ApiClient, Entry>();
const listeners = new Set<() => void>();

function load(client: ApiClient, user: SessionUser): Entry {
  const entry: Entry = {
    value: null,
    promise: Promise.all([
      fetchAll<Team>(client, "/teams").catch(() => [] as Team[]),
      permissionsOf(user).may_list_users
        ? fetchAll<User>(client, "/users").catch(() => [] as User[])
        : Promise.resolve([] as User[]),
    ]).then(([teams, users]) => {
      const directory = makeDirectory(teams, users);
      entry.value = directory;
      return directory;
    }),
  };
  cache.set(client, entry);
  return entry;
}

/** Reloads the directory (after creating or changing users or teams). */
export function refreshDirectory(client: ApiClient, user: SessionUser): void {
  const entry = load(client, user);
  void entry.promise.then(() => {
    for (const l of [...listeners]) l();
  });
}

export const EMPTY_DIRECTORY = makeDirectory([], []);

export function useDirectory(): Directory {
  const { client, user } = useApp();
  const entry = cache.get(client) ?? load(client, user);
  const [value, setValue] = useState<Directory>(entry.value ?? EMPTY_DIRECTORY);
  useEffect(() => {
    let live = true;
    const update = () => {
      const current = cache.get(client);
      if (current?.value && live) setValue(current.value);
    };
    listeners.add(update);
    void (cache.get(client) ?? entry).promise.then(() => update());
    return () => {
      live = false;
      listeners.delete(update);
    };
  }, [client]);
  return value;
}

const accountNames = new WeakMap<ApiClient, Map<string, Promise<string>>>();

/** Names of accounts by id, fetched one by one (bounded) for result lists. */
export function useAccountNames(ids: readonly string[], max = 60): Record<string, string> {
  const { client } = useApp();
  const [names, setNames] = useState<Record<string, string>>({});
  const key = ids.slice(0, max).join(",");
  useEffect(() => {
    let live = true;
    let known = accountNames.get(client);
    if (!known) {
      known = new Map();
      accountNames.set(client, known);
    }
    const cacheMap = known;
    for (const id of ids.slice(0, max)) {
      let name = cacheMap.get(id);
      if (!name) {
        name = client
          .get<Account>(`/accounts/${encodeURIComponent(id)}`)
          .then((a) => a.name)
          .catch(() => t("directory.account", { id }));
        cacheMap.set(id, name);
      }
      void name.then((n) => {
        if (live) setNames((prev) => (prev[id] === n ? prev : { ...prev, [id]: n }));
      });
    }
    return () => {
      live = false;
    };
  }, [client, key]);
  return names;
}
