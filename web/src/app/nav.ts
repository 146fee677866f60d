import type { Permissions } from "../api/types";
import { t } from "../i18n";

export type RouteId =
  "accounts" | "risk" | "events" | "campaigns" | "people" | "what-if" | "departures" | "admin";

/** What the shell hands every page. */
export interface PageProps {
  /** The normalised path, e.g. `/accounts/42`. */
  path: string;
}

/** The id segment after a page's own path (`/departures/7` → "7"), if any. */
export function subPath(path: string, base: string): string | null {
  const p = normalisePath(path);
  if (!p.startsWith(`${base}/`)) return null;
  const rest = p.slice(base.length + 1).split("/")[0];
  return rest ? decodeURIComponent(rest) : null;
}

export interface NavItem {
  id: RouteId;
  path: string;
  /** In the app's current language (a getter over the catalogue). */
  label: string;
  /** The permission that opens the page; none: every signed-in user. */
  permission?: BooleanPermission;
  /** Nav group heading; items without one form the top group. */
  group?: string;
}

/** The yes/no permissions of `/me`. */
export type BooleanPermission = {
  [K in keyof Permissions]: Permissions[K] extends boolean ? K : never;
}[keyof Permissions];

/** Every page of the shell, in navigation order, with the permission that opens it. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: "accounts",
    path: "/accounts",
    get label() {
      return t("nav.accounts");
    },
  },
  {
    id: "risk",
    path: "/risk",
    get label() {
      return t("nav.risk");
    },
    permission: "may_see_portfolio",
  },
  {
    id: "events",
    path: "/events",
    get label() {
      return t("nav.events");
    },
    // Everyone sees the events of the accounts they see; HR only reads.
    get group() {
      return t("nav.group.clientTies");
    },
  },
  {
    id: "campaigns",
    path: "/campaigns",
    get label() {
      return t("nav.campaigns");
    },
    // Admins and sales leads run them; HR reads the equal-treatment reports.
    permission: "may_see_campaigns",
    get group() {
      return t("nav.group.clientTies");
    },
  },
  {
    id: "people",
    path: "/people",
    get label() {
      return t("nav.people");
    },
    permission: "may_see_hr_figures",
    get group() {
      return t("nav.group.people");
    },
  },
  {
    id: "what-if",
    path: "/what-if",
    get label() {
      return t("nav.whatIf");
    },
    // Departures of anyone in the firm, so the firm-wide HR figures.
    permission: "may_see_hr_figures",
    get group() {
      return t("nav.group.people");
    },
  },
  {
    id: "departures",
    path: "/departures",
    get label() {
      return t("nav.departures");
    },
    // Sales leads approve the handovers of their teams' accounts.
    permission: "may_see_departures",
    get group() {
      return t("nav.group.people");
    },
  },
  {
    id: "admin",
    path: "/admin",
    get label() {
      return t("nav.admin");
    },
    permission: "may_manage_users",
    get group() {
      return t("nav.group.administration");
    },
  },
];

function opens(item: NavItem, permissions: Permissions): boolean {
  return item.permission === undefined || permissions[item.permission];
}

export function navFor(permissions: Permissions): NavItem[] {
  return NAV_ITEMS.filter((item) => opens(item, permissions));
}

export const HOME_PATH = "/accounts";
export const SIGN_IN_PATH = "/sign-in";

/** Normalises a location path: no trailing slash, `/` means home. */
export function normalisePath(path: string): string {
  const clean = path.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return clean === "" ? "/" : clean;
}

export type Resolution =
  | { kind: "page"; item: NavItem }
  | { kind: "forbidden"; item: NavItem }
  | { kind: "not-found" }
  | { kind: "redirect"; to: string };

/** Decides what the shell shows for a path and the signed-in user's permissions. */
export function resolveRoute(path: string, permissions: Permissions): Resolution {
  const p = normalisePath(path);
  if (p === "/" || p === SIGN_IN_PATH) return { kind: "redirect", to: HOME_PATH };
  const item = NAV_ITEMS.find((i) => p === i.path || p.startsWith(`${i.path}/`));
  if (!item) return { kind: "not-found" };
  return opens(item, permissions) ? { kind: "page", item } : { kind: "forbidden", item };
}
