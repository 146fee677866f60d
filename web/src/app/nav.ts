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

/**
 * A navigation entry whose label and group heading are read from the catalogue each time, so
 * that they follow a change of language.
 */
function entry(
  id: RouteId,
  path: string,
  label: () => string,
  options: { permission?: BooleanPermission; group?: () => string } = {},
): NavItem {
  return {
    id,
    path,
    permission: options.permission,
    get label() {
      return label();
    },
    get group() {
      return options.group?.();
    },
  };
}

const clientTies = () => t("nav.group.clientTies");
const people = () => t("nav.group.people");

/** Every page of the shell, in navigation order, with the permission that opens it. */
export const NAV_ITEMS: readonly NavItem[] = [
  entry("accounts", "/accounts", () => t("nav.accounts")),
  entry("risk", "/risk", () => t("nav.risk"), { permission: "may_see_portfolio" }),
  // Everyone sees the events of the accounts they see; HR only reads.
  entry("events", "/events", () => t("nav.events"), { group: clientTies }),
  // Admins and sales leads run them; HR reads the equal-treatment reports.
  entry("campaigns", "/campaigns", () => t("nav.campaigns"), {
    permission: "may_see_campaigns",
    group: clientTies,
  }),
  entry("people", "/people", () => t("nav.people"), {
    permission: "may_see_hr_figures",
    group: people,
  }),
  // Departures of anyone in the firm, so the firm-wide HR figures.
  entry("what-if", "/what-if", () => t("nav.whatIf"), {
    permission: "may_see_hr_figures",
    group: people,
  }),
  // Sales leads approve the handovers of their teams' accounts.
  entry("departures", "/departures", () => t("nav.departures"), {
    permission: "may_see_departures",
    group: people,
  }),
  entry("admin", "/admin", () => t("nav.admin"), {
    permission: "may_manage_users",
    group: () => t("nav.group.administration"),
  }),
];

function opens(item: NavItem, permissions: Permissions): boolean {
  return item.permission === undefined || permissions[item.permission];
}

export function navFor(permissions: Permissions): NavItem[] {
  return NAV_ITEMS.filter((item) => opens(item, permissions));
}

/**
 * Where a user lands after signing in (and on `/`): whoever may read the portfolio (sales
 * leads, HR, admins) on the risk dashboard; everyone else on their own accounts, most exposed
 * first, where the list shows what rests on them.
 */
export function homePath(permissions: Permissions): string {
  return permissions.may_see_portfolio ? "/risk" : MY_ACCOUNTS_PATH;
}

/** A member's own accounts, most exposed first. */
export const MY_ACCOUNTS_PATH = "/accounts?sort=-exposure";
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
  if (p === "/" || p === SIGN_IN_PATH) return { kind: "redirect", to: homePath(permissions) };
  const item = NAV_ITEMS.find((i) => p === i.path || p.startsWith(`${i.path}/`));
  if (!item) return { kind: "not-found" };
  return opens(item, permissions) ? { kind: "page", item } : { kind: "forbidden", item };
}
