/** Shapes of the Continuity API shared with the server (snake_case, ids are strings). */

export type Role = "admin" | "hr" | "sales_lead" | "member";

export const ROLES: readonly Role[] = ["admin", "hr", "sales_lead", "member"];

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  team_id?: string | null;
  status?: "active" | "leaving" | "departed";
  leave_date?: string | null;
  non_solicitation_until?: string | null;
  non_compete_until?: string | null;
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

export interface Account {
  id: string;
  name: string;
  tier: "A" | "B" | "C";
  region: string;
  team_id: string;
  annual_value_minor: number;
  currency: string;
  status?: "active" | "churned";
  external_id?: string | null;
}

export interface RiskSummary {
  flag_counts?: Record<string, number>;
  value_minor?: number;
  exposure_minor?: number;
  key_person_value_minor?: number;
  currency?: string;
  truck_factor?: { size: number; order: string[] };
  [more: string]: unknown;
}

export interface DeparturePlan {
  id: string;
  user_id: string;
  leave_date: string;
  status: string;
  handovers?: unknown[];
}
