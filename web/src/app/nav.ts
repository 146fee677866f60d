import type { Role } from "../api/types";

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
  label: string;
  roles: readonly Role[];
  /** Nav group heading; items without one form the top group. */
  group?: string;
}

/** Every page of the shell, in navigation order, with the roles that may open it. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: "accounts",
    path: "/accounts",
    label: "Accounts",
    roles: ["admin", "hr", "sales_lead", "member"],
  },
  { id: "risk", path: "/risk", label: "Risk dashboard", roles: ["admin", "sales_lead", "hr"] },
  {
    id: "events",
    path: "/events",
    label: "Client events",
    // Everyone sees the events of the accounts they see; HR only reads.
    roles: ["admin", "hr", "sales_lead", "member"],
    group: "Client ties",
  },
  {
    id: "campaigns",
    path: "/campaigns",
    label: "Campaigns",
    // Admins and sales leads run them; HR reads the equal-treatment reports.
    roles: ["admin", "hr", "sales_lead"],
    group: "Client ties",
  },
  {
    id: "people",
    path: "/people",
    label: "People & exposure",
    roles: ["admin", "hr"],
    group: "People",
  },
  { id: "what-if", path: "/what-if", label: "What-if", roles: ["admin", "hr"], group: "People" },
  {
    id: "departures",
    path: "/departures",
    label: "Departures",
    // Sales leads approve the handovers of their teams' accounts.
    roles: ["admin", "hr", "sales_lead"],
    group: "People",
  },
  {
    id: "admin",
    path: "/admin",
    label: "Admin: users & teams",
    roles: ["admin"],
    group: "Administration",
  },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
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

/** Decides what the shell shows for a path and a signed-in role. */
export function resolveRoute(path: string, role: Role): Resolution {
  const p = normalisePath(path);
  if (p === "/" || p === SIGN_IN_PATH) return { kind: "redirect", to: HOME_PATH };
  const item = NAV_ITEMS.find((i) => p === i.path || p.startsWith(`${i.path}/`));
  if (!item) return { kind: "not-found" };
  return item.roles.includes(role) ? { kind: "page", item } : { kind: "forbidden", item };
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  hr: "HR",
  sales_lead: "Sales lead",
  member: "Account manager",
};
