/** Shapes of the Continuity API shared with the server (snake_case, ids are strings). */

export type Role = "admin" | "hr" | "sales_lead" | "member";

export const ROLES: readonly Role[] = ["admin", "hr", "sales_lead", "member"];

export type UserStatus = "active" | "leaving" | "departed";
export const USER_STATUSES: readonly UserStatus[] = ["active", "leaving", "departed"];

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  team_id?: string | null;
  status?: UserStatus;
  leave_date?: string | null;
  non_solicitation_until?: string | null;
  non_compete_until?: string | null;
  /** The teams a sales lead leads (on `/me`). */
  led_team_ids?: string[];
  /** What the access policy lets this user do (on `/me`; absent in the token answer). */
  permissions?: Permissions;
  version?: number;
}

/**
 * The caller's permissions as `GET /me` answers them: the server's access policy, so
 * the SPA offers exactly what the API then allows. Team lists are ids; `null` means
 * every team.
 */
export interface Permissions {
  may_create_accounts: boolean;
  /** The teams accounts may be created in or moved to. */
  account_team_ids: string[] | null;
  may_edit_accounts: boolean;
  /** Editing an account needs the caller's own assignment with `edit` access. */
  edits_only_with_edit_access: boolean;
  may_see_interaction_text: boolean;
  may_import: boolean;
  may_see_portfolio: boolean;
  /** The teams whose risk figures the caller sees. */
  portfolio_team_ids: string[] | null;
  may_see_campaigns: boolean;
  may_run_campaigns: boolean;
  may_run_firm_wide_campaigns: boolean;
  /** The teams whose campaigns the caller sees (and runs, with `may_run_campaigns`). */
  campaign_team_ids: string[] | null;
  may_list_users: boolean;
  may_see_hr_figures: boolean;
  may_edit_people: boolean;
  may_simulate_departures: boolean;
  may_see_departures: boolean;
  may_plan_departures: boolean;
  may_approve_handovers: boolean;
  may_manage_users: boolean;
  may_manage_teams: boolean;
  may_manage_coverage_policies: boolean;
  may_handle_privacy_requests: boolean;
  may_see_audit: boolean;
  teams_led: string[];
}

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  /** Lifetime of the access token in seconds. */
  expires_in: number;
  refresh_token: string;
  user: User;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Team {
  id: string;
  name: string;
}

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

export interface Account {
  id: string;
  external_id?: string | null;
  name: string;
  tier: Tier;
  region: string;
  team_id: string;
  annual_value_minor: number;
  currency: string;
  status?: "active" | "churned";
  version?: number;
  created_at?: string;
  updated_at?: string;
  /** Present on `AccountView`s from the list and risk endpoints. */
  risk_score?: number | null;
  exposure_minor?: number | null;
  flags?: string[];
}

export type Influence = "decision_maker" | "champion" | "influencer" | "user" | "other";
export const INFLUENCES: readonly Influence[] = [
  "decision_maker",
  "champion",
  "influencer",
  "user",
  "other",
];

export interface Contact {
  id: string;
  account_id: string;
  name: string;
  job_title: string;
  email: string | null;
  phone: string | null;
  influence: Influence;
  left_at: string | null;
  previous_contact_id?: string | null;
  version: number;
}

export type AssignmentRole = "owner" | "co_owner" | "specialist" | "executive_sponsor";
export const ASSIGNMENT_ROLES: readonly AssignmentRole[] = [
  "owner",
  "co_owner",
  "specialist",
  "executive_sponsor",
];
export type Access = "read" | "edit";

export interface Assignment {
  user_id: string;
  display_name: string;
  user_status: UserStatus;
  role: AssignmentRole;
  access: Access;
  since: string;
  until: string | null;
  version: number;
}

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

export interface Interaction {
  id: string;
  account_id: string;
  kind: InteractionKind;
  occurred_at: string;
  /** Null when the caller may not read note text (HR). */
  summary: string | null;
  employee_ids: string[];
  contact_ids: string[];
  on_behalf_of: "person" | "organisation";
  complaint_status: "open" | "resolved" | null;
  resolved_at: string | null;
  /** What was done to resolve a complaint; null for HR. */
  resolution?: string | null;
  follow_up_owner_id?: string | null;
  follow_up_due?: string | null;
  /** A complaint's follow-up trail, oldest first. */
  follow_ups?: FollowUp[];
  created_by: string | null;
  version: number;
}

export interface RiskFlag {
  code: string;
  explanation: string;
}

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
}

export type RiskBand = "low" | "medium" | "high" | "critical";
export const RISK_BANDS: readonly RiskBand[] = ["low", "medium", "high", "critical"];

export interface TrendPoint {
  day: string;
  exposure_minor: number;
  value_minor?: number;
  key_person_value_minor?: number;
  flagged_accounts?: number;
  flag_counts?: Record<string, number>;
}

export interface RiskSummary {
  accounts?: number;
  flag_counts?: Record<string, number>;
  value_minor?: number;
  exposure_minor?: number;
  key_person_value_minor?: number;
  currency?: string;
  by_band?: { band: RiskBand; accounts: number; value_minor: number; exposure_minor: number }[];
  truck_factor?: { size: number; order: string[] };
  /** Daily figures, oldest first. */
  trend?: TrendPoint[];
  top_exposed?: Account[];
  /** Value and accounts with no institutional tie in the last 12 months. */
  untied_value_minor?: number;
  untied_accounts?: number;
  untied_value_share?: number;
  /** Firm-wide only. */
  untied_by_team?: UntiedByTeam[];
  open_complaints?: number;
  overdue_complaints?: number;
}

export interface UserExposure {
  orphaned_value_minor: number;
  share_weighted_exposure_minor: number;
  contacts_only_they_know: { contact_id: string; account_id: string }[];
  accounts: {
    account_id: string;
    share: number;
    sole_holder: boolean;
    holder?: boolean;
    annual_value_minor?: number;
    share_weighted_value_minor?: number;
  }[];
  non_solicitation_until: string | null;
  non_compete_until: string | null;
  currency?: string;
}

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

export type HandoverStatus = "planned" | "introduced" | "done";

export interface Handover {
  account_id: string;
  account_name?: string;
  annual_value_minor?: number;
  currency?: string;
  /** The leaver's share of the account. */
  share?: number;
  sole_holder?: boolean;
  suggestions?: { user_id: string; display_name?: string; [more: string]: unknown }[];
  successor_id: string | null;
  due_date: string | null;
  waiver_reason: string | null;
  status: HandoverStatus | string;
  version?: number;
}

export interface DeparturePlan {
  id: string;
  user_id: string;
  display_name?: string;
  applied_at?: string | null;
  leave_date: string;
  status: string;
  handovers?: Handover[];
  version?: number;
}

export interface CoveragePolicy {
  id: string;
  tier: Tier;
  min_holders: number;
  min_current_contacts: number;
  version?: number;
}

export interface AuditEntry {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  account_id: string | null;
  before: unknown;
  after: unknown;
}

/** A complaint's follow-up trail entry (on an interaction's view). */
export interface FollowUp {
  id: string;
  /** Null for HR, who never reads interaction text. */
  note: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: string;
}

/** An open (or resolved) complaint as the dashboard lists it, oldest first. */
export interface ComplaintItem {
  interaction_id: string;
  account_id: string;
  account_name: string;
  summary: string | null;
  opened_at: string;
  age_days: number;
  /** Open for more than 14 days. */
  overdue: boolean;
  follow_up_owner_id: string | null;
  follow_up_owner_name: string | null;
  follow_up_due: string | null;
  /** How many follow-ups the trail has. */
  follow_ups: number;
  last_follow_up_at: string | null;
}

export interface UntiedByTeam {
  team_id: string;
  team_name: string;
  value_minor: number;
  untied_value_minor: number;
  untied_value_share: number;
}

// ---- client events ------------------------------------------------------

export type EventKind = "client_day" | "seminar" | "dinner" | "other";
export const EVENT_KINDS: readonly EventKind[] = ["client_day", "seminar", "dinner", "other"];

export interface Attendee {
  contact_id: string;
  contact_name: string;
  account_id: string;
  account_name: string;
}

export interface ClientEvent {
  id: string;
  name: string;
  kind: EventKind;
  occurred_at: string;
  summary: string | null;
  status: "open" | "closed";
  employee_ids: string[];
  attendees: Attendee[];
  account_ids: string[];
  /** Attendees on accounts the caller may not see. */
  hidden_attendees?: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version?: number;
}

// ---- the client network --------------------------------------------------

export type LinkKind = "referred_by" | "same_group" | "partner";
export const LINK_KINDS: readonly LinkKind[] = ["referred_by", "same_group", "partner"];

export interface AccountLink {
  id: string;
  kind: LinkKind;
  other_account_id: string;
  /** Null when the caller may not see the other account. */
  other_account_name: string | null;
  direction: "outgoing" | "incoming";
  created_at: string;
}

export interface AccountNetwork {
  account_id: string;
  links: AccountLink[];
  met_at_events: {
    account_id: string;
    account_name: string | null;
    event_ids: string[];
    last_met_at: string;
  }[];
  events: { id: string; name: string; kind: EventKind; occurred_at: string }[];
  institutional_score: number;
  /** Oldest first. */
  institutional_trend: { as_of: string; score: number }[];
  institutional_tie: boolean;
}

// ---- campaigns -------------------------------------------------------------

export type CampaignKind = "apology" | "mailing" | "gift" | "invitation";
export const CAMPAIGN_KINDS: readonly CampaignKind[] = ["apology", "mailing", "gift", "invitation"];

export interface CampaignFilter {
  tiers?: Tier[];
  regions?: string[];
  team_ids?: string[];
  min_value_minor?: number | null;
  max_value_minor?: number | null;
}

export type CampaignTarget = { filter: CampaignFilter } | { account_ids: string[] };

export interface CampaignBody {
  name: string;
  kind: CampaignKind;
  team_id: string | null;
  target: CampaignTarget;
}

export interface Campaign extends CampaignBody {
  id: string;
  status: "draft" | "sent";
  included_accounts: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  acknowledged_reason: string | null;
  version?: number;
}

export interface TreatmentRow {
  active_accounts: number;
  included_accounts: number;
  excluded_share: number;
  value_minor: number;
  included_value_minor: number;
  excluded_value_share: number;
}

export interface CampaignReport {
  universe: { accounts: number; value_minor: number };
  included: { accounts: number; value_minor: number };
  excluded_share: number;
  excluded_value_share: number;
  by_tier: (TreatmentRow & { tier: Tier })[];
  by_region: (TreatmentRow & { region: string })[];
  warnings: { code: "excludes_majority" | "tier_only" | "value_only" | string; message: string }[];
  currency?: string;
}
