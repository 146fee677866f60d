/**
 * The API's shapes under the names the pages use (snake_case, ids are strings). The shapes
 * come from src/api/schema.ts, generated from the server's OpenAPI snapshot
 * (`npm run generate:api`), so a field the server renames or drops fails `tsc` where the SPA
 * reads it. The server documents its enumerations as plain strings; the unions below narrow
 * them (`Narrow` only narrows fields the server documents, to types it allows). The few
 * answers the server does not describe yet are written out by hand at the end.
 */
import type { components } from "./schema";

type Schemas = components["schemas"];

/** `T` with some of its fields narrowed; each must be a field of `T`, to a subtype of it. */
type Narrow<T, O extends { [K in keyof O]: K extends keyof T ? T[K] : never }> = Omit<T, keyof O> &
  O;

export type Role = "admin" | "hr" | "sales_lead" | "member";

export const ROLES: readonly Role[] = ["admin", "hr", "sales_lead", "member"];

export type UserStatus = "active" | "leaving" | "departed";
export const USER_STATUSES: readonly UserStatus[] = ["active", "leaving", "departed"];

/** An employee's record (`/users`). */
export type User = Narrow<Schemas["UserView"], { role: Role; status: UserStatus }>;

/** What the access policy lets the signed-in user do (`/me`); team lists `null`: every team. */
export type Permissions = Schemas["Permissions"];

/** The signed-in user: the login's `user`, completed by `/me`. */
export type SessionUser = Narrow<Schemas["SessionUser"], { role: Role }> &
  Partial<Omit<Schemas["MeResponse"], keyof Schemas["SessionUser"]>> & {
    /** The user's language (`GET /me`: "nl" or "en"); absent or null: not chosen. */
    locale?: string | null;
  };

export type TokenResponse = Narrow<
  Schemas["TokenResponse"],
  { token_type: "Bearer"; user: SessionUser }
>;

/** One page of a list; the server names each `Page_…View`, all of this shape. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export type Team = Schemas["TeamView"];

export type Tier = "A" | "B" | "C";
export const TIERS: readonly Tier[] = ["A", "B", "C"];

export type FlagCode =
  | "no_owner"
  | "single_owner"
  | "key_person"
  | "single_contact"
  | "single_threaded"
  | "departing_holder"
  | "champion_left"
  | "stale"
  | "open_complaint"
  | "policy_breach";

export const FLAG_CODES: readonly FlagCode[] = [
  "no_owner",
  "single_owner",
  "key_person",
  "single_contact",
  "single_threaded",
  "departing_holder",
  "champion_left",
  "stale",
  "open_complaint",
  "policy_breach",
];

export type Account = Narrow<Schemas["AccountView"], { tier: Tier; status: "active" | "churned" }>;

export type Influence = "decision_maker" | "champion" | "influencer" | "user" | "other";
export const INFLUENCES: readonly Influence[] = [
  "decision_maker",
  "champion",
  "influencer",
  "user",
  "other",
];

export type Contact = Narrow<Schemas["ContactView"], { influence: Influence }>;

export type AssignmentRole = "owner" | "co_owner" | "specialist" | "executive_sponsor";
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = [
  "owner",
  "co_owner",
  "specialist",
  "executive_sponsor",
];
export type Access = "read" | "edit";

export type Assignment = Narrow<
  Schemas["AssignmentView"],
  { role: AssignmentRole; access: Access; user_status: UserStatus }
>;

export type InteractionKind =
  "meeting" | "call" | "email" | "visit" | "event" | "gift" | "complaint" | "note";
export const INTERACTION_KINDS: readonly InteractionKind[] = [
  "meeting",
  "call",
  "email",
  "visit",
  "event",
  "gift",
  "complaint",
  "note",
];

export type Interaction = Narrow<
  Schemas["InteractionView"],
  {
    kind: InteractionKind;
    on_behalf_of: "person" | "organisation";
    complaint_status?: "open" | "resolved" | null;
  }
>;

export type RiskBand = "low" | "medium" | "high" | "critical";
export const RISK_BANDS: readonly RiskBand[] = ["low", "medium", "high", "critical"];

export type TrendPoint = Narrow<Schemas["TrendPoint"], { flag_counts: Record<string, number> }>;

/** The summary's figures beside the listed ones are a flattened domain struct the server
 * documents as a free-form object. */
export type RiskSummary = Schemas["RiskSummary"] & {
  accounts?: number;
  flag_counts?: Record<string, number>;
  value_minor?: number;
  exposure_minor?: number;
  key_person_value_minor?: number;
  currency?: string;
  by_band?: { band: RiskBand; accounts: number; value_minor: number; exposure_minor: number }[];
  truck_factor?: {
    size: number;
    order: string[];
    /** People already leaving, counted as gone first. */
    already_leaving_user_ids?: string[];
    /** The value their going leaves with no staying holder. */
    already_leaving_value_minor?: number;
  };
  /** Daily figures, oldest first. */
  trend: TrendPoint[];
  top_exposed: Account[];
  /** Value and accounts with no institutional tie in the last 12 months. */
  untied_value_minor?: number;
  untied_accounts?: number;
  untied_value_share?: number;
};

export type HandoverStatus = "planned" | "introduced" | "done";

export type Handover = Narrow<
  Schemas["HandoverView"],
  { suggestions: { user_id: string; display_name?: string; [more: string]: unknown }[] }
>;

export type DeparturePlan = Narrow<Schemas["PlanView"], { handovers: Handover[] }>;

export type CoveragePolicy = Narrow<Schemas["PolicyView"], { tier: Tier }>;

export type AuditEntry = Schemas["AuditEntryView"];

/** A complaint's follow-up trail entry (on an interaction's view). */
export type FollowUp = Schemas["FollowUpView"];

/** An open (or resolved) complaint as the dashboard lists it, oldest first. */
export type ComplaintItem = Schemas["ComplaintView"];

export type UntiedByTeam = Schemas["UntiedByTeam"];

// ---- client events ------------------------------------------------------

export type EventKind = "client_day" | "seminar" | "dinner" | "other";
export const EVENT_KINDS: readonly EventKind[] = ["client_day", "seminar", "dinner", "other"];

export type Attendee = Schemas["AttendeeView"];

export type ClientEvent = Narrow<
  Schemas["EventView"],
  { kind: EventKind; status: "open" | "closed" }
>;

// ---- the client network --------------------------------------------------

export type LinkKind = "referred_by" | "same_group" | "partner";
export const LINK_KINDS: readonly LinkKind[] = ["referred_by", "same_group", "partner"];

export type AccountLink = Narrow<
  Schemas["LinkView"],
  { kind: LinkKind; direction: "outgoing" | "incoming" }
>;

export type AccountNetwork = Narrow<
  Schemas["Network"],
  {
    links: AccountLink[];
    events: Narrow<Schemas["EventHeadlineView"], { kind: EventKind }>[];
  }
>;

// ---- campaigns -------------------------------------------------------------

export type CampaignKind = "apology" | "mailing" | "gift" | "invitation";
export const CAMPAIGN_KINDS: readonly CampaignKind[] = ["apology", "mailing", "gift", "invitation"];

/** A campaign's target, which the server documents as a free-form object. */
export interface CampaignFilter {
  tiers?: Tier[];
  regions?: string[];
  team_ids?: string[];
  min_value_minor?: number | null;
  max_value_minor?: number | null;
}

export type CampaignTarget = { filter: CampaignFilter } | { account_ids: string[] };

export type CampaignBody = Narrow<
  Schemas["CampaignInput"],
  { kind: CampaignKind; target: CampaignTarget }
>;

export type Campaign = Narrow<
  Schemas["CampaignView"],
  { kind: CampaignKind; status: "draft" | "sent"; target: CampaignTarget }
>;

// ---- answers the server's document does not describe yet --------------------
// Written out by hand: the server answers them with domain types that carry no schema.

export interface TreatmentRow {
  active_accounts: number;
  included_accounts: number;
  excluded_share: number;
  value_minor: number;
  included_value_minor: number;
  excluded_value_share: number;
}

/** `ReportView` is documented as a free-form object: the domain's report, flattened. */
export type CampaignReport = Schemas["ReportView"] & {
  universe: { accounts: number; value_minor: number };
  included: { accounts: number; value_minor: number };
  excluded_share: number;
  excluded_value_share: number;
  by_tier: (TreatmentRow & { tier: Tier })[];
  by_region: (TreatmentRow & { region: string })[];
  warnings: { code: "excludes_majority" | "tier_only" | "value_only" | string; message: string }[];
  currency?: string;
};

export interface RiskFlag {
  code: string;
  /** Worded by the server in the language the call asked for (`Accept-Language`). */
  explanation: string;
  /** The names, shares and days the explanation is made of. */
  params?: Record<string, unknown>;
}

/** `GET /accounts/{id}/risk`. */
export interface AccountRisk {
  account_id: string;
  score: number;
  exposure_minor: number;
  flags: RiskFlag[];
  holders: { user_id: string; share: number }[];
  employees?: {
    user_id: string;
    strength: number;
    share: number;
    present: boolean;
    assigned: boolean;
  }[];
  contacts: { contact_id: string; share: number }[];
  threads?: { user_id: string; contact_id: string; strength: number; share: number }[];
  n_eff: number | null;
  hhi?: number | null;
  cr1?: number | null;
  bus_factor: number;
  institutional_score?: number | null;
  last_interaction_at: string | null;
  /** The latest conversation with a client contact (not a note): what `stale` reads. */
  last_contact_at?: string | null;
}

/** `GET /users/{id}/exposure`. */
export type UserExposure = Schemas["ExposureView"] & { currency?: string };

/** One of an account's other holders who is leaving too (`other_holders_leaving`). */
export type LeavingHolder = Schemas["LeavingHolderView"];

/** One employee in HR's ranking (`GET /exposure/people`) and in the clause register. */
export type PersonRank = Narrow<Schemas["PersonView"], { status: UserStatus }>;

/** `POST /simulations/departure`. */
export interface SimulationResult {
  no_owner_account_ids: string[];
  newly_flagged: { account_id: string; codes: string[] }[];
  orphaned_value_minor: number;
  majority_held_value_minor: number;
  orphaned_account_ids?: string[];
  exposure_before_minor?: number;
  exposure_after_minor?: number;
  currency?: string;
}
