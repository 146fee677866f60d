/**
 * The signed-in user's permissions, as the server's access policy answers them on
 * `/me`. Pages ask these, never the role: the role is only shown.
 */
import type { Permissions, SessionUser } from "../api/types";

/** Until `/me` has answered (or from a server without it): nothing beyond reading. */
export const NO_PERMISSIONS: Permissions = {
  may_create_accounts: false,
  account_team_ids: [],
  may_edit_accounts: false,
  edits_only_with_edit_access: true,
  may_see_interaction_text: false,
  may_import: false,
  may_see_portfolio: false,
  portfolio_team_ids: [],
  may_see_campaigns: false,
  may_run_campaigns: false,
  may_run_firm_wide_campaigns: false,
  campaign_team_ids: [],
  may_list_users: false,
  may_see_hr_figures: false,
  may_rank_people: false,
  people_team_ids: [],
  may_edit_people: false,
  may_simulate_departures: false,
  may_see_departures: false,
  may_plan_departures: false,
  may_approve_handovers: false,
  may_manage_users: false,
  may_manage_teams: false,
  may_manage_coverage_policies: false,
  may_manage_settings: false,
  may_handle_privacy_requests: false,
  may_see_audit: false,
  teams_led: [],
};

export function permissionsOf(user: SessionUser): Permissions {
  return user.permissions ?? NO_PERMISSIONS;
}

/** The items whose team is in `teamIds` (`null`: every team). */
export function withinTeams<T extends { id: string }>(
  teams: readonly T[],
  teamIds: readonly string[] | null,
): T[] {
  return teamIds === null ? [...teams] : teams.filter((t) => teamIds.includes(t.id));
}

/** Whether the caller may change an account, given their own open assignment on it. */
export function mayEditAccount(permissions: Permissions, ownAccess: string | undefined): boolean {
  return (
    permissions.may_edit_accounts &&
    (!permissions.edits_only_with_edit_access || ownAccess === "edit")
  );
}
