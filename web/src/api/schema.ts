/**
 * Generated from crates/api/openapi.json by openapi-typescript: do not edit.
 * Regenerate with `npm run generate:api` (in web/) after the snapshot changes
 * (`CONTINUITY_UPDATE_OPENAPI=1 cargo test -p continuity-api openapi_snapshot`).
 * Name the types the pages use in types.ts.
 */

export interface paths {
  "/api/v1/accounts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists the accounts the caller may see. */
    get: operations["accounts_list"];
    put?: never;
    /**
     * Creates an account. The creator's default team joins it; a member creating an account
     *     becomes its owner.
     */
    post: operations["accounts_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account. */
    get: operations["accounts_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes an account (send `If-Match` with its `ETag`). */
    patch: operations["accounts_patch"];
    trace?: never;
  };
  "/api/v1/accounts/{id}/contacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The contacts of an account, current ones first. */
    get: operations["contacts_list"];
    put?: never;
    /** Adds a contact to an account. */
    post: operations["contacts_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/handover-brief": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The handover brief of an account: for everyone who may see the account, and for a named
     *     successor in an open departure plan.
     */
    get: operations["departures_handover_brief"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/interactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An account's timeline, newest first. */
    get: operations["interactions_list"];
    put?: never;
    /** Logs an interaction; the account's figures are current when this answers. */
    post: operations["interactions_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/links": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account's links, both directions. */
    get: operations["client_network_list"];
    put?: never;
    /** Links the account to another one the caller can see. */
    post: operations["client_network_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/links/{link_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a link of the account. */
    delete: operations["client_network_delete"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/network": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The account's network: links, accounts met at events, events attended, institutional
     *     score, its trend and tie.
     */
    get: operations["client_network_network"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/risk": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One account's figures: score, exposure, flags (with `params` and an explanation in the
     *     request's language), holders and their shares, contact shares, threads, `n_eff`, `hhi`,
     *     `cr1`, `bus_factor`, `institutional_score`, `last_interaction_at` (of any kind) and
     *     `last_contact_at` (the latest conversation with a client contact, what `stale` reads).
     */
    get: operations["risk_account"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/team": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account team: open assignments, owners first. */
    get: operations["account_team_list"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/accounts/{id}/team/{user_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Opens an assignment (201), or changes the open one (200; send `If-Match` with its version). */
    put: operations["account_team_put"];
    post?: never;
    /** Closes the assignment (sets `until`; the history stays). Send `If-Match`. */
    delete: operations["account_team_delete"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail, newest first. */
    get: operations["audit_list"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs in. An unknown e-mail answers exactly like a wrong password, after the same work. */
    post: operations["auth_login"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ends the session the refresh token belongs to. Answers 204 whether or not it was known. */
    post: operations["auth_logout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trades a refresh token for a new pair. Each refresh token works once; replaying a used one
     *     ends the whole session family.
     */
    post: operations["auth_refresh"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The campaigns the caller may see, newest first. */
    get: operations["campaigns_list"];
    put?: never;
    /** Drafts a campaign; answers it with its count of included accounts and its warnings. */
    post: operations["campaigns_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The equal-treatment report of a campaign being drafted, without saving it. */
    post: operations["campaigns_preview"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One campaign. */
    get: operations["campaigns_get"];
    put?: never;
    post?: never;
    /** Deletes a draft (send `If-Match`); a sent campaign answers 409. */
    delete: operations["campaigns_delete"];
    options?: never;
    head?: never;
    /** Changes a draft (send `If-Match`); a sent campaign answers 409. */
    patch: operations["campaigns_patch"];
    trace?: never;
  };
  "/api/v1/campaigns/{id}/report": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The equal-treatment report: `universe`, `included`, `excluded_share`,
     *     `excluded_value_share`, `by_tier`, `by_region`, `warnings` — today's for a draft, the one
     *     the sender saw once sent.
     */
    get: operations["campaigns_equal_treatment_report"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/campaigns/{id}/send": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sends a draft (send `If-Match`; body `{}` or `{acknowledge_reason}`): one
     *     organisation-attributed touchpoint on every included account (a gift for `gift`, an e-mail
     *     otherwise), status `sent`, and an audit entry with the warnings and the reason — in one
     *     transaction. With warnings and no reason: 422 naming `acknowledge_reason`, nothing changes.
     *     Sent already: 409.
     */
    post: operations["campaigns_send"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/clauses": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The clause register (HR and admins): every employee with a non-solicitation or
     *     non-compete date, a departure announced, or value held alone without a non-solicitation
     *     clause in force (`unprotected`: those Tip 1 is about), next to what rests on them; largest
     *     value held alone first. The same entries and figures as `GET /exposure/people`.
     */
    get: operations["departures_clause_register"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/complaints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The complaints the caller may see, oldest first, with their age, overdue flag, follow-up
     *     owner and trail.
     */
    get: operations["complaints_list"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/contacts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One contact. */
    get: operations["contacts_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes a contact (send `If-Match`). */
    patch: operations["contacts_patch"];
    trace?: never;
  };
  "/api/v1/contacts/{id}/erase": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Erases the contact person: their fields, and their name, e-mail and phone wherever they
     *     appear in summaries and the audit trail; interactions stay for the figures.
     */
    post: operations["contacts_erase"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/contacts/{id}/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everything held about the contact person (all their records across employers, the
     *     interactions they took part in, the audit entries about them).
     */
    get: operations["contacts_export"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/contacts/{id}/move": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The contact changed jobs: closes this record (`left_at`) and opens one on the new account
     *     that links back to it, so the history stays on both (send `If-Match` of this contact).
     */
    post: operations["contacts_move_to_account"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/coverage-policies": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tier's policy. */
    get: operations["coverage_policies_list"];
    put?: never;
    /** Sets a tier's policy (one per tier; 409 if it has one). Recomputes that tier's accounts. */
    post: operations["coverage_policies_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/coverage-policies/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes a tier's policy (send `If-Match`). */
    delete: operations["coverage_policies_delete"];
    options?: never;
    head?: never;
    /** Changes a policy's minimums (send `If-Match`). */
    patch: operations["coverage_policies_patch"];
    trace?: never;
  };
  "/api/v1/departures": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Departure plans, newest first. */
    get: operations["departures_list"];
    put?: never;
    /**
     * Opens a departure plan: the employee becomes `leaving` with this date, and every account
     *     they hold or are assigned to gets a handover with suggested successors.
     */
    post: operations["departures_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/departures/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One plan with its handovers and suggestions. */
    get: operations["departures_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/departures/{id}/apply": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Applies the plan in one transaction (send `If-Match` with the plan's `version`): the
     *     leaver's assignments move to the successors; 409 listing `account_ids` if a handover has
     *     neither successor nor waiver, or a successor is leaving too; 409 if already applied.
     */
    post: operations["departures_apply"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/departures/{id}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancels an open plan (send `If-Match` with the plan's `version`): it becomes `cancelled`
     *     with the reason and time, audited with the reason. The employee's status and leave date
     *     stay as HR set them (change them on the employee if the departure is off); the plan's
     *     successors and waivers no longer count for the deactivation guard, and the employee may
     *     get a new plan. 422 naming `reason` for a missing, blank or overlong reason; 409 if the
     *     plan is already applied or cancelled.
     */
    post: operations["departures_cancel"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/departures/{id}/handovers/{account_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Picks a successor and due date for one account of the plan, or records a waiver (send
     *     `If-Match` with the handover's `version`).
     */
    patch: operations["departures_patch_handover"];
    trace?: never;
  };
  "/api/v1/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The events the caller may see, newest first. */
    get: operations["events_list"];
    put?: never;
    /**
     * Records a client event: each attending account gets one touchpoint of kind `event` on
     *     behalf of the organisation, and its institutional score is current when this answers.
     */
    post: operations["events_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/events/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One event. */
    get: operations["events_get"];
    put?: never;
    post?: never;
    /** Deletes an open event and removes its touchpoints (`409` once closed). */
    delete: operations["events_delete"];
    options?: never;
    head?: never;
    /**
     * Changes an open event (send `If-Match`); its touchpoints follow: accounts that join get
     *     one, accounts whose contacts all left lose theirs. `409` once the event is closed.
     */
    patch: operations["events_patch"];
    trace?: never;
  };
  "/api/v1/events/{id}/close": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Closes an event (send `If-Match`): its attendance is frozen. */
    post: operations["events_close"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/export/{kind}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Exports what the caller may see as CSV, with the header the import takes (it imports again
     *     unchanged). Cells a spreadsheet would run as formulas are prefixed with `'`.
     */
    get: operations["import_and_export_export"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/exposure/people": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * HR's ranking of people by what rests on them (HR and admins: everyone; sales leads: the
     *     people of the teams they lead, another team answers 404; members 403). Sorted by
     *     `-orphaned_value_minor` unless `sort` says otherwise; filters `team_id`, `status`,
     *     `unprotected`, `q`.
     */
    get: operations["risk_ranking"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/import/{kind}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Imports a CSV file (header row; columns by name, in any order). All or nothing: a file with
     *     any bad line answers 422 with every problem and writes nothing. Records are matched by
     *     external id, so importing a file twice changes nothing the second time. Admins import
     *     anywhere, sales leads into their teams' accounts.
     */
    post: operations["import_and_export_import"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/interactions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One interaction. */
    get: operations["interactions_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Changes an interaction, e.g. resolves a complaint (send `If-Match`). */
    patch: operations["interactions_patch"];
    trace?: never;
  };
  "/api/v1/interactions/{id}/follow-ups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adds a note to a complaint's follow-up trail (the account's editors); audited. */
    post: operations["complaints_add_follow_up"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user and what they may do. */
    get: operations["auth_me"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Sets the signed-in user's own language (`locale`). A preference of their own, so no
     *     `If-Match` is needed (one that is sent is honoured); it is audited like any change to
     *     the user, and answers `/me` as it now stands.
     */
    patch: operations["auth_patch_me"];
    trace?: never;
  };
  "/api/v1/risk/accounts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Accounts at risk: the account list sorted by exposure (largest first) by default, with the
     *     same filters (`flag`, `team_id`, …) and `sort=score`.
     */
    get: operations["risk_accounts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/risk/summary": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The risk dashboard's figures, per team or firm-wide: `flag_counts`, `value_minor`,
     *     `exposure_minor`, `key_person_value_minor`, `by_band`, `truck_factor`, `trend`,
     *     `top_exposed`, `open_complaints`, `overdue_complaints`, and the value without an
     *     institutional tie: `untied_accounts`, `untied_value_minor`, `untied_value_share`, `untied_by_team`.
     * @description `truck_factor {size, order, already_leaving_user_ids, already_leaving_value_minor,
     *     orphaned_value_minor, total_value_minor}` counts the holders already leaving (status
     *     `leaving`/`departed` or a leave date; `already_leaving_user_ids`) as gone first:
     *     `already_leaving_value_minor` is the value their going leaves with no staying holder.
     *     `order` lists the staying employees the greedy search then removes, each step the one whose
     *     departure orphans the most value, until more than half of `total_value_minor` has no holder;
     *     `size` is their number, and `orphaned_value_minor` the value without a holder at the end.
     */
    get: operations["risk_summary"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The settings in force, each with its default and range, and the recompute's progress. */
    get: operations["settings_get"];
    /**
     * Puts a settings document in force (send `If-Match` with the `ETag` of `GET /settings`).
     *     A change recomputes every account in the background (see `recompute`); a document equal
     *     to the settings in force changes nothing.
     */
    put: operations["settings_put"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/simulations/departure": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What if these employees left? Reassesses their accounts without them and reports
     *     `no_owner_account_ids`, `newly_flagged`, `orphaned_account_ids` and
     *     `orphaned_value_minor` (the accounts a leaver holds on which no staying holder besides the
     *     leavers remains: colleagues leaving too are no cover), `majority_held_value_minor`.
     *     Changes nothing. HR and admins; sales leads for their teams.
     */
    post: operations["risk_simulate_departure"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/teams": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists all teams with their `lead_ids` (one page: a firm has tens of teams, not thousands). */
    get: operations["teams_list"];
    put?: never;
    /** Creates a team (admin only); names are unique regardless of case. */
    post: operations["teams_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/teams/{id}/leads/{user_id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Makes a sales lead a lead of the team (admin only; audited); idempotent. 404 for an unknown
     *     team or user, 422 naming `user_id` for a user who is not a sales lead.
     */
    put: operations["teams_add_lead"];
    post?: never;
    /**
     * Ends a sales lead's lead of the team (admin only; audited); idempotent. They keep their own
     *     team and lose sight of the team's accounts at once. 404 for an unknown team or user, 422
     *     naming `user_id` for a user who is not a sales lead.
     */
    delete: operations["teams_remove_lead"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lists employees (admins, HR, and sales leads, who staff account teams from it). */
    get: operations["users_list"];
    put?: never;
    /** Creates an employee (admin only). */
    post: operations["users_create"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One employee (admin and HR; anyone may read their own record). */
    get: operations["users_get"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Changes an employee (send `If-Match`). Setting `status: "departed"` is refused with 409
     *     and the blocking `account_ids` while accounts hang on them alone without a successor or
     *     waiver; once departed, their sessions end.
     */
    patch: operations["users_patch"];
    trace?: never;
  };
  "/api/v1/users/{id}/default-team": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's default team. */
    get: operations["users_get_default_team"];
    /** Replaces a user's default team: these colleagues join every account the user creates. */
    put: operations["users_put_default_team"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{id}/exposure": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An employee's exposure (HR figures): orphaned value (the accounts they hold with no
     *     staying holder besides them), share-weighted exposure, contacts only they know, their
     *     accounts with the other holders who are leaving too, clause dates, the handovers they owe
     *     as successor. HR and admins for
     *     anyone; a sales lead for members of their teams; anyone for themselves.
     */
    get: operations["risk_exposure"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description The employee's part in one account. */
    AccountExposureView: {
      account_id: string;
      /** Format: int64 */
      annual_value_minor: number;
      /** @description The employee is one of the account's holders (share ≥ 10 %). */
      holder: boolean;
      /**
       * @description When `sole_holder`: the account's other holders, every one of them leaving too (empty
       *     when nobody else holds it). Non-empty means "its only other holders are leaving too".
       */
      other_holders_leaving: components["schemas"]["LeavingHolderView"][];
      /**
       * Format: double
       * @description The employee's share of the account's relationship strength.
       */
      share: number;
      /**
       * Format: int64
       * @description `annual_value_minor × share`.
       */
      share_weighted_value_minor: number;
      /**
       * @description The account rests on the employee: they hold it and no *staying* holder (status
       *     `active`, no leave date) besides them remains. Holders who are leaving too do not
       *     count; they are named in `other_holders_leaving`.
       */
      sole_holder: boolean;
    };
    /**
     * @description An account's stored figures as `GET /accounts/{id}/risk` answers them: every figure as
     *     stored, with the flags worded in the request's language.
     */
    AccountRiskView: Record<string, unknown> & {
      flags: components["schemas"]["FlagView"][];
    };
    AccountView: {
      /** Format: int64 */
      annual_value_minor: number;
      /** Format: date-time */
      created_at: string;
      currency: string;
      /** Format: int64 */
      exposure_minor: number;
      external_id?: string | null;
      /** @description The codes of the raised flags. */
      flags: string[];
      id: string;
      /**
       * Format: date-time
       * @description The latest conversation with a client contact (an interaction, not a note, in which a
       *     client contact took part): what the `stale` flag reads.
       */
      last_contact_at?: string | null;
      name: string;
      region: string;
      /**
       * Format: int32
       * @description The stored risk score (0–100), current with every answered write.
       */
      risk_score: number;
      status: string;
      team_id: string;
      tier: string;
      /** Format: date-time */
      updated_at: string;
      /** Format: int64 */
      version: number;
    };
    AssignmentView: {
      access: string;
      account_id: string;
      display_name: string;
      id: string;
      role: string;
      /** Format: date-time */
      since: string;
      /** Format: date-time */
      until?: string | null;
      user_id: string;
      user_status: string;
      /** Format: int64 */
      version: number;
    };
    AttendeeView: {
      account_id: string;
      account_name: string;
      contact_id: string;
      contact_name: string;
    };
    AuditEntryView: {
      account_id?: string | null;
      action: string;
      actor_id?: string | null;
      /** @description The values after the change, shaped like `before`. */
      after?: unknown;
      /** @description The record's values before the change: an object, or a list for list-valued settings. */
      before?: unknown;
      entity: string;
      entity_id: string;
      id: string;
      /** Format: date-time */
      occurred_at: string;
    };
    BriefContact: components["schemas"]["ContactView"] & {
      /** @description Our people who know this contact, closest first. */
      known_by: components["schemas"]["KnownBy"][];
    };
    /** @description What creating a campaign (or previewing one) takes. */
    CampaignInput: {
      /** @example mailing */
      kind: string;
      name: string;
      /**
       * @description `{"filter": {tiers?, regions?, team_ids?, min_value_minor?, max_value_minor?}}` or
       *     `{"account_ids": [...]}`.
       */
      target: Record<string, unknown>;
      /**
       * @description One team (its active accounts are the universe); absent or `null`: the whole firm
       *     (admins only).
       */
      team_id?: string | null;
    };
    CampaignView: {
      acknowledged_reason?: string | null;
      /** Format: date-time */
      created_at: string;
      created_by?: string | null;
      id: string;
      /**
       * Format: int64
       * @description How many accounts it includes: today's for a draft, those it reached once sent.
       */
      included_accounts: number;
      /** @example apology */
      kind: string;
      name: string;
      /** Format: date-time */
      sent_at?: string | null;
      sent_by?: string | null;
      /** @example draft */
      status: string;
      /**
       * @description `{"filter": {tiers?, regions?, team_ids?, min_value_minor?, max_value_minor?}}` or
       *     `{"account_ids": [...]}`.
       */
      target: Record<string, unknown>;
      /** @description The scope: one team, or `null` for the whole firm. */
      team_id?: string | null;
      /** Format: date-time */
      updated_at: string;
      /** Format: int64 */
      version: number;
      /** @description The equal-treatment warnings (today's for a draft, those acknowledged once sent). */
      warnings: Record<string, unknown>[];
    };
    CancelPlan: {
      /**
       * @description Why the plan ends without being applied (3 to 1 000 characters), e.g. the employee
       *     withdrew their notice.
       */
      reason: string;
    };
    ComplaintView: {
      account_id: string;
      account_name: string;
      /**
       * Format: int64
       * @description Whole days since it was opened.
       */
      age_days: number;
      complaint_status: string;
      /** Format: date */
      follow_up_due?: string | null;
      follow_up_owner_id?: string | null;
      follow_up_owner_name?: string | null;
      /**
       * Format: int64
       * @description How many notes its follow-up trail holds.
       */
      follow_ups: number;
      interaction_id: string;
      /** Format: date-time */
      last_follow_up_at?: string | null;
      /** Format: date-time */
      opened_at: string;
      /** @description Open for more than the firm's `complaint_overdue_days` (14 by default). */
      overdue: boolean;
      /** Format: date-time */
      resolved_at?: string | null;
      /** @description `null` for HR, who never sees interaction text. */
      summary?: string | null;
    };
    /** @description A client contact whom only the employee knows. */
    ContactOnlyTheyKnowView: {
      account_id: string;
      contact_id: string;
    };
    ContactView: {
      account_id: string;
      /** Format: date-time */
      created_at: string;
      email?: string | null;
      /** Format: date-time */
      erased_at?: string | null;
      external_id?: string | null;
      id: string;
      influence: string;
      job_title: string;
      /**
       * Format: date
       * @description The day the contact left the client's company.
       */
      left_at?: string | null;
      name: string;
      phone?: string | null;
      /** @description The same person's record at their previous employer. */
      previous_contact_id?: string | null;
      /** Format: date-time */
      updated_at: string;
      /** Format: int64 */
      version: number;
    };
    CreateAccount: {
      /** Format: int64 */
      annual_value_minor: number;
      currency: string;
      external_id?: string | null;
      name: string;
      region: string;
      status?: string | null;
      team_id: string;
      /** @example A */
      tier: string;
    };
    CreateContact: {
      email?: string | null;
      external_id?: string | null;
      /** @example decision_maker */
      influence: string;
      job_title?: string;
      /** Format: date */
      left_at?: string | null;
      name: string;
      phone?: string | null;
    };
    CreateEvent: {
      /** @description The attending client contacts; their accounts are the attending accounts. */
      contact_ids: string[];
      employee_ids?: string[];
      /** @example client_day */
      kind: string;
      name: string;
      /**
       * Format: date-time
       * @description May lie in the past; at most a day in the future.
       */
      occurred_at: string;
      summary?: string;
    };
    CreateFollowUp: {
      /** @description What was done or agreed (non-blank). */
      note: string;
    };
    CreateInteraction: {
      /** @description Complaints only: `open` (default) or `resolved`. */
      complaint_status?: string | null;
      contact_ids?: string[];
      employee_ids?: string[];
      external_id?: string | null;
      /** Format: date */
      follow_up_due?: string | null;
      /** @description Complaints: who on the account team follows it up (an open assignment). */
      follow_up_owner_id?: string | null;
      /** @example meeting */
      kind: string;
      /**
       * Format: date-time
       * @description May lie in the past; at most a day in the future.
       */
      occurred_at: string;
      /** @description `person` (default) or `organisation` (a gift or client day in the firm's name). */
      on_behalf_of?: string | null;
      /** @description A complaint logged as resolved: what was done. */
      resolution?: string | null;
      summary?: string;
    };
    CreateLink: {
      /** @example referred_by */
      kind: string;
      other_account_id: string;
    };
    CreatePlan: {
      /**
       * Format: date
       * @description The employee's last day.
       */
      leave_date: string;
      user_id: string;
    };
    CreatePolicy: {
      /** Format: int32 */
      min_current_contacts: number;
      /** Format: int32 */
      min_holders: number;
      /** @example A */
      tier: string;
    };
    CreateTeam: {
      name: string;
    };
    CreateUser: {
      display_name: string;
      email: string;
      /**
       * @description `nl` or `en`; absent or `null`: they follow their browser until they choose.
       * @example nl
       */
      locale?: string | null;
      password: string;
      /** @example member */
      role: string;
      team_id?: string | null;
    };
    DefaultTeam: {
      /** @description Colleagues added to every account this user creates. */
      members: components["schemas"]["DefaultTeamMemberView"][];
    };
    DefaultTeamMemberView: {
      /** @example edit */
      access: string;
      /** @example co_owner */
      role: string;
      user_id: string;
    };
    DepartureSimulation: {
      /** @description The employees who would leave together. */
      user_ids: string[];
    };
    EventHeadlineView: {
      id: string;
      kind: string;
      name: string;
      /** Format: date-time */
      occurred_at: string;
    };
    EventView: {
      /** @description The attending accounts the caller can see. */
      account_ids: string[];
      /** @description The attendees on accounts the caller can see. */
      attendees: components["schemas"]["AttendeeView"][];
      /** Format: date-time */
      created_at: string;
      created_by?: string | null;
      employee_ids: string[];
      /** @description Attendees on accounts the caller cannot see. */
      hidden_attendees: number;
      id: string;
      /** @example client_day */
      kind: string;
      name: string;
      /** Format: date-time */
      occurred_at: string;
      /** @example open */
      status: string;
      /** @description `null` for HR, who never sees interaction text. */
      summary?: string | null;
      /** Format: date-time */
      updated_at: string;
      /** Format: int64 */
      version: number;
    };
    /**
     * @description An employee's HR figures (PRODUCT.md, HR figures, as "Departing people are no cover"
     *     decides them).
     */
    ExposureView: {
      /**
       * @description The accounts the employee has a share in, holds or is assigned to; largest
       *     share-weighted value first.
       */
      accounts: components["schemas"]["AccountExposureView"][];
      /** @description Client contacts whom only the employee knows. */
      contacts_only_they_know: components["schemas"]["ContactOnlyTheyKnowView"][];
      /**
       * @description The handovers the employee owes: named successor on an open departure plan and not yet
       *     introduced to the client; the earliest due first.
       */
      handovers_owed: components["schemas"]["OwedHandoverView"][];
      /** Format: date */
      non_compete_until?: string | null;
      /** Format: date */
      non_solicitation_until?: string | null;
      /**
       * Format: int64
       * @description Σ annual value of the active accounts the employee holds on which no staying holder
       *     besides them remains (those marked `sole_holder`).
       */
      orphaned_value_minor: number;
      /**
       * Format: int64
       * @description Σ annual value × the employee's share.
       */
      share_weighted_exposure_minor: number;
      user_id: string;
    };
    /** @description A raised flag: its stable `code`, the figures its explanation names (`params`, one set of keys per code) and the `explanation` worded from them in the request's language (`Accept-Language`: `nl` or `en`). */
    FlagView:
      | {
          /** @enum {string} */
          code: "no_owner";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description the people still assigned, none of them active; empty when nobody is assigned */
            still_assigned: {
              /**
               * Format: date
               * @description their leave date
               */
              leave_date: string | null;
              /** @description their display name (null: not in the records any more) */
              name: string | null;
              /**
               * @description their status (null: a former employee not in the records any more)
               * @enum {string|null}
               */
              status: "active" | "leaving" | "departed" | null;
              /** @description the employee */
              user_id: string;
            }[];
          };
        }
      | {
          /** @enum {string} */
          code: "single_owner";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description their display name */
            name: string | null;
            /** @description the one active employee assigned */
            user_id: string;
          };
        }
      | {
          /** @enum {string} */
          code: "key_person";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /**
             * Format: int64
             * @description set when the shares are equal shares over the account team because nobody had a personal interaction in this many days; null otherwise
             */
            fallback_window_days: number | null;
            /** @description their display name */
            name: string | null;
            /**
             * Format: double
             * @description their share of the relationship strength
             */
            share: number;
            /** @description the employee with the largest share */
            user_id: string;
          };
        }
      | {
          /** @enum {string} */
          code: "single_contact";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description the only current contact, or the one with the largest share */
            contact_id: string | null;
            /**
             * Format: int64
             * @description current client contacts on file
             */
            current_contacts: number;
            /** @description that contact's name */
            name: string | null;
            /**
             * Format: double
             * @description with several contacts, that contact's share of the client-side strength; null otherwise
             */
            share: number | null;
          };
        }
      | {
          /** @enum {string} */
          code: "single_threaded";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description the contact of the one thread */
            contact_id: string;
            /** @description the contact's name */
            contact_name: string | null;
            /** @description their display name */
            name: string | null;
            /**
             * Format: double
             * @description the thread's share of the strength
             */
            share: number;
            /** @description the employee of the one thread */
            user_id: string;
          };
        }
      | {
          /** @enum {string} */
          code: "departing_holder";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description every leaver who holds at least the threshold share or is the only owner */
            holders: {
              /**
               * Format: date
               * @description their leave date
               */
              leave_date: string | null;
              /** @description their display name (null: not in the records any more) */
              name: string | null;
              /**
               * Format: double
               * @description their share of the relationship strength; null when they are flagged as the only owner
               */
              share: number | null;
              /**
               * @description their status (null: a former employee not in the records any more)
               * @enum {string|null}
               */
              status: "active" | "leaving" | "departed" | null;
              /** @description the employee */
              user_id: string;
            }[];
          };
        }
      | {
          /** @enum {string} */
          code: "champion_left";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /** @description the contacts with at least the threshold share who left the client */
            contacts: {
              /** @description the contact */
              contact_id: string;
              /**
               * Format: date
               * @description the day they left the client
               */
              left_at: string;
              /** @description their name */
              name: string;
              /**
               * Format: double
               * @description their share of the client-side relationship strength
               */
              share: number;
            }[];
          };
        }
      | {
          /** @enum {string} */
          code: "stale";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /**
             * Format: int64
             * @description days without a conversation with a client contact: since the last one, or (last_on null) since the account was created; null when there was none and the account's age is unknown
             */
            days: number | null;
            /**
             * Format: double
             * @description with the rhythm rule, the multiple of the median gap that was exceeded; null otherwise
             */
            gap_multiple: number | null;
            /**
             * Format: date
             * @description the day of the last conversation
             */
            last_on: string | null;
            /**
             * Format: double
             * @description with the rhythm rule, the median gap between conversations in days; null otherwise
             */
            median_gap_days: number | null;
          };
        }
      | {
          /** @enum {string} */
          code: "open_complaint";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /**
             * Format: date
             * @description the day the oldest open complaint was logged
             */
            oldest_since: string;
            /**
             * Format: int64
             * @description complaints open
             */
            open_complaints: number;
          };
        }
      | {
          /** @enum {string} */
          code: "policy_breach";
          /** @description worded from the code and params in the request's language */
          explanation: string;
          params: {
            /**
             * Format: int64
             * @description the account's current contacts
             */
            current_contacts: number;
            /**
             * Format: int64
             * @description the account's holders (its bus factor)
             */
            holders: number;
            /**
             * Format: int64
             * @description current contacts the tier's policy needs
             */
            min_current_contacts: number;
            /**
             * Format: int64
             * @description holders the tier's policy needs
             */
            min_holders: number;
            /**
             * @description the account's tier
             * @enum {string}
             */
            tier: "A" | "B" | "C";
          };
        };
    /** @description One note of a complaint's follow-up trail. */
    FollowUpView: {
      author_id?: string | null;
      author_name?: string | null;
      /** Format: date-time */
      created_at: string;
      id: string;
      /** @description `null` for HR, who never sees interaction text. */
      note?: string | null;
    };
    HandoverBrief: {
      account_id: string;
      /** Format: int64 */
      annual_value_minor: number;
      contacts: components["schemas"]["BriefContact"][];
      currency: string;
      flags: components["schemas"]["FlagView"][];
      /** Format: date-time */
      generated_at: string;
      /**
       * @description The language the brief is worded in: the requester's `locale`, else the request's.
       * @example nl
       */
      language: string;
      name: string;
      open_complaints: components["schemas"]["InteractionView"][];
      recent_interactions: components["schemas"]["InteractionView"][];
      /** Format: int32 */
      score: number;
      team: components["schemas"]["AssignmentView"][];
      tier: string;
    };
    HandoverView: {
      account_id: string;
      account_name: string;
      /** Format: int64 */
      annual_value_minor: number;
      currency: string;
      /** Format: date */
      due_date?: string | null;
      /**
       * @description When `sole_holder`: the account's other holders, every one of them leaving too (empty
       *     when nobody else holds it). Non-empty means "its only other holders are leaving too".
       */
      other_holders_leaving: components["schemas"]["LeavingHolderView"][];
      /**
       * Format: double
       * @description The leaver's share of the account's relationship strength.
       */
      share: number;
      /**
       * @description The account rests on the leaver: they hold it and no *staying* holder (status
       *     `active`, no leave date) besides them remains. Holders who are leaving too do not
       *     count; they are named in `other_holders_leaving`.
       */
      sole_holder: boolean;
      status: string;
      successor_id?: string | null;
      suggestions: Record<string, unknown>[];
      /** Format: int64 */
      version: number;
      waiver_reason?: string | null;
    };
    /** @description What an import did (a dry run: would do). */
    ImportReportView: {
      /** Format: int64 */
      created: number;
      errors: components["schemas"]["LineErrorView"][];
      /** Format: int64 */
      unchanged: number;
      /** Format: int64 */
      updated: number;
    };
    InstitutionalTrendPoint: {
      /** Format: date */
      as_of: string;
      /** Format: double */
      score: number;
    };
    InteractionView: {
      account_id: string;
      complaint_status?: string | null;
      contact_ids: string[];
      /** Format: date-time */
      created_at: string;
      created_by?: string | null;
      employee_ids: string[];
      /** @description The client event this touchpoint records (`/events/{id}`), if any. */
      event_id?: string | null;
      external_id?: string | null;
      /** Format: date */
      follow_up_due?: string | null;
      follow_up_owner_id?: string | null;
      /** @description A complaint's follow-up trail, oldest first (in the view of one interaction). */
      follow_ups?: components["schemas"]["FollowUpView"][] | null;
      id: string;
      kind: string;
      /** Format: date-time */
      occurred_at: string;
      on_behalf_of: string;
      /** @description What was done to resolve a complaint; `null` for HR. */
      resolution?: string | null;
      /** Format: date-time */
      resolved_at?: string | null;
      /** @description `null` for HR, who never sees interaction text. */
      summary?: string | null;
      /** Format: int64 */
      version: number;
    };
    KnownBy: {
      display_name: string;
      /**
       * Format: double
       * @description The person's share of the contact's thread strength.
       */
      share: number;
      user_id: string;
    };
    /**
     * @description One of an account's other holders who is leaving too (status `leaving` or `departed`, or
     *     a leave date set).
     */
    LeavingHolderView: {
      display_name: string;
      /**
       * Format: date
       * @description Their last day, if set.
       */
      leave_date?: string | null;
      /** @description `leaving` or `departed` (or `active` with a leave date set). */
      status: string;
      user_id: string;
    };
    LineErrorView: {
      /** @description The column at fault; `null` for the line as a whole. */
      column?: string | null;
      /**
       * Format: int64
       * @description The file's line (the header is line 1).
       */
      line: number;
      reason: string;
    };
    LinkView: {
      /** Format: date-time */
      created_at: string;
      /** @description `outgoing` (this account is the subject, e.g. it was referred by the other) or `incoming`. */
      direction: string;
      id: string;
      kind: string;
      other_account_id: string;
      /** @description The other account's name, when the caller may see it. */
      other_account_name?: string | null;
    };
    LoginRequest: {
      email: string;
      password: string;
    };
    MeResponse: {
      /**
       * @description The language they chose with `PATCH /me`; `null` while they follow their browser.
       * @example nl
       */
      chosen_locale?: string | null;
      display_name: string;
      email: string;
      id: string;
      /** @description Teams this user leads (sales leads only). */
      led_team_ids: string[];
      /**
       * @description The language to show them everything in, `nl` or `en`: the one they chose
       *     (`chosen_locale`), else the one this request asks for (`Accept-Language`), else `en`.
       * @example nl
       */
      locale: string;
      /** @description What the access policy lets this user do; the SPA offers exactly this. */
      permissions: components["schemas"]["Permissions"];
      role: string;
      team_id?: string | null;
    };
    MetAtEventsView: {
      account_id: string;
      /** @description `null` when the caller cannot see that account. */
      account_name?: string | null;
      /** @description The events both accounts attended, newest first. */
      event_ids: string[];
      /** Format: date-time */
      last_met_at: string;
    };
    MoveContact: {
      /** @description The account of the contact's new employer. */
      account_id: string;
      /** @description Their title in the new job (default: unchanged). */
      job_title?: string | null;
    };
    MovedContact: {
      current: components["schemas"]["ContactView"];
      previous: components["schemas"]["ContactView"];
    };
    Network: {
      account_id: string;
      /** @description The events the account attended, newest first. */
      events: components["schemas"]["EventHeadlineView"][];
      /** Format: double */
      institutional_score: number;
      /** @description An organisation-attributed touchpoint in the last 365 days, or any account link. */
      institutional_tie: boolean;
      /** @description The institutional score 270, 180 and 90 days ago and today, oldest first. */
      institutional_trend: components["schemas"]["InstitutionalTrendPoint"][];
      /** @description The same items as `/accounts/{id}/links`. */
      links: components["schemas"]["LinkView"][];
      met_at_events: components["schemas"]["MetAtEventsView"][];
    };
    /** @description A handover the employee owes as successor. */
    OwedHandoverView: {
      account_id: string;
      /** Format: date */
      due_date?: string | null;
      /** @description The colleague who is leaving. */
      leaver_id: string;
      plan_id: string;
    };
    /** @description One page of a list. */
    Page_AccountView: {
      items: {
        /** Format: int64 */
        annual_value_minor: number;
        /** Format: date-time */
        created_at: string;
        currency: string;
        /** Format: int64 */
        exposure_minor: number;
        external_id?: string | null;
        /** @description The codes of the raised flags. */
        flags: string[];
        id: string;
        /**
         * Format: date-time
         * @description The latest conversation with a client contact (an interaction, not a note, in which a
         *     client contact took part): what the `stale` flag reads.
         */
        last_contact_at?: string | null;
        name: string;
        region: string;
        /**
         * Format: int32
         * @description The stored risk score (0–100), current with every answered write.
         */
        risk_score: number;
        status: string;
        team_id: string;
        tier: string;
        /** Format: date-time */
        updated_at: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_AssignmentView: {
      items: {
        access: string;
        account_id: string;
        display_name: string;
        id: string;
        role: string;
        /** Format: date-time */
        since: string;
        /** Format: date-time */
        until?: string | null;
        user_id: string;
        user_status: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_AuditEntryView: {
      items: {
        account_id?: string | null;
        action: string;
        actor_id?: string | null;
        /** @description The values after the change, shaped like `before`. */
        after?: unknown;
        /** @description The record's values before the change: an object, or a list for list-valued settings. */
        before?: unknown;
        entity: string;
        entity_id: string;
        id: string;
        /** Format: date-time */
        occurred_at: string;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_CampaignView: {
      items: {
        acknowledged_reason?: string | null;
        /** Format: date-time */
        created_at: string;
        created_by?: string | null;
        id: string;
        /**
         * Format: int64
         * @description How many accounts it includes: today's for a draft, those it reached once sent.
         */
        included_accounts: number;
        /** @example apology */
        kind: string;
        name: string;
        /** Format: date-time */
        sent_at?: string | null;
        sent_by?: string | null;
        /** @example draft */
        status: string;
        /**
         * @description `{"filter": {tiers?, regions?, team_ids?, min_value_minor?, max_value_minor?}}` or
         *     `{"account_ids": [...]}`.
         */
        target: Record<string, unknown>;
        /** @description The scope: one team, or `null` for the whole firm. */
        team_id?: string | null;
        /** Format: date-time */
        updated_at: string;
        /** Format: int64 */
        version: number;
        /** @description The equal-treatment warnings (today's for a draft, those acknowledged once sent). */
        warnings: Record<string, unknown>[];
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_ComplaintView: {
      items: {
        account_id: string;
        account_name: string;
        /**
         * Format: int64
         * @description Whole days since it was opened.
         */
        age_days: number;
        complaint_status: string;
        /** Format: date */
        follow_up_due?: string | null;
        follow_up_owner_id?: string | null;
        follow_up_owner_name?: string | null;
        /**
         * Format: int64
         * @description How many notes its follow-up trail holds.
         */
        follow_ups: number;
        interaction_id: string;
        /** Format: date-time */
        last_follow_up_at?: string | null;
        /** Format: date-time */
        opened_at: string;
        /** @description Open for more than the firm's `complaint_overdue_days` (14 by default). */
        overdue: boolean;
        /** Format: date-time */
        resolved_at?: string | null;
        /** @description `null` for HR, who never sees interaction text. */
        summary?: string | null;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_ContactView: {
      items: {
        account_id: string;
        /** Format: date-time */
        created_at: string;
        email?: string | null;
        /** Format: date-time */
        erased_at?: string | null;
        external_id?: string | null;
        id: string;
        influence: string;
        job_title: string;
        /**
         * Format: date
         * @description The day the contact left the client's company.
         */
        left_at?: string | null;
        name: string;
        phone?: string | null;
        /** @description The same person's record at their previous employer. */
        previous_contact_id?: string | null;
        /** Format: date-time */
        updated_at: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_EventView: {
      items: {
        /** @description The attending accounts the caller can see. */
        account_ids: string[];
        /** @description The attendees on accounts the caller can see. */
        attendees: components["schemas"]["AttendeeView"][];
        /** Format: date-time */
        created_at: string;
        created_by?: string | null;
        employee_ids: string[];
        /** @description Attendees on accounts the caller cannot see. */
        hidden_attendees: number;
        id: string;
        /** @example client_day */
        kind: string;
        name: string;
        /** Format: date-time */
        occurred_at: string;
        /** @example open */
        status: string;
        /** @description `null` for HR, who never sees interaction text. */
        summary?: string | null;
        /** Format: date-time */
        updated_at: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_InteractionView: {
      items: {
        account_id: string;
        complaint_status?: string | null;
        contact_ids: string[];
        /** Format: date-time */
        created_at: string;
        created_by?: string | null;
        employee_ids: string[];
        /** @description The client event this touchpoint records (`/events/{id}`), if any. */
        event_id?: string | null;
        external_id?: string | null;
        /** Format: date */
        follow_up_due?: string | null;
        follow_up_owner_id?: string | null;
        /** @description A complaint's follow-up trail, oldest first (in the view of one interaction). */
        follow_ups?: components["schemas"]["FollowUpView"][] | null;
        id: string;
        kind: string;
        /** Format: date-time */
        occurred_at: string;
        on_behalf_of: string;
        /** @description What was done to resolve a complaint; `null` for HR. */
        resolution?: string | null;
        /** Format: date-time */
        resolved_at?: string | null;
        /** @description `null` for HR, who never sees interaction text. */
        summary?: string | null;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_LinkView: {
      items: {
        /** Format: date-time */
        created_at: string;
        /** @description `outgoing` (this account is the subject, e.g. it was referred by the other) or `incoming`. */
        direction: string;
        id: string;
        kind: string;
        other_account_id: string;
        /** @description The other account's name, when the caller may see it. */
        other_account_name?: string | null;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_PersonView: {
      items: {
        /**
         * Format: int64
         * @description Accounts of which they are a holder.
         */
        accounts_held: number;
        display_name: string;
        /** Format: date */
        leave_date?: string | null;
        /** Format: date */
        non_compete_until?: string | null;
        /** Format: date */
        non_solicitation_until?: string | null;
        /**
         * Format: int64
         * @description Σ annual value of the active accounts they hold alone.
         */
        orphaned_value_minor: number;
        /**
         * Format: int64
         * @description Σ annual value × their share of each account's relationship strength.
         */
        share_weighted_exposure_minor: number;
        /**
         * Format: int64
         * @description Accounts they hold alone (those `orphaned_value_minor` adds up).
         */
        sole_held_accounts: number;
        /** @example active */
        status: string;
        team_id?: string | null;
        /**
         * @description Holds value alone (`orphaned_value_minor` > 0) and no non-solicitation clause is in
         *     force today.
         */
        unprotected: boolean;
        user_id: string;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_PlanView: {
      items: {
        /** Format: date-time */
        applied_at?: string | null;
        /** @description Why the plan was cancelled. */
        cancel_reason?: string | null;
        /**
         * Format: date-time
         * @description When the plan was cancelled (status `cancelled`).
         */
        cancelled_at?: string | null;
        /** Format: date-time */
        created_at: string;
        display_name: string;
        handovers: components["schemas"]["HandoverView"][];
        id: string;
        /** Format: date */
        leave_date: string;
        status: string;
        user_id: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_PolicyView: {
      items: {
        id: string;
        /** Format: int32 */
        min_current_contacts: number;
        /** Format: int32 */
        min_holders: number;
        tier: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_TeamView: {
      items: {
        /** Format: date-time */
        created_at: string;
        id: string;
        /** @description The sales leads who lead the team, in id order. */
        lead_ids: string[];
        name: string;
      }[];
      next_cursor?: string | null;
    };
    /** @description One page of a list. */
    Page_UserView: {
      items: {
        /** Format: date-time */
        created_at: string;
        display_name: string;
        email: string;
        id: string;
        /** Format: date */
        leave_date?: string | null;
        /**
         * @description The language the user chose (`nl` or `en`); `null`: they follow their browser.
         * @example nl
         */
        locale?: string | null;
        /** Format: date */
        non_compete_until?: string | null;
        /** Format: date */
        non_solicitation_until?: string | null;
        role: string;
        status: string;
        team_id?: string | null;
        /** Format: date-time */
        updated_at: string;
        /** Format: int64 */
        version: number;
      }[];
      next_cursor?: string | null;
    };
    PatchAccount: {
      /** Format: int64 */
      annual_value_minor?: number | null;
      currency?: string | null;
      external_id?: string | null;
      name?: string | null;
      region?: string | null;
      status?: string | null;
      team_id?: string | null;
      tier?: string | null;
    };
    /** @description A change to a draft: absent fields stay; `team_id: null` makes it firm-wide. */
    PatchCampaign: {
      kind?: string | null;
      name?: string | null;
      target?: Record<string, unknown> | null;
      team_id?: string | null;
    };
    /** @description A change to a contact: absent fields stay; `null` clears an optional one. */
    PatchContact: {
      email?: string | null;
      influence?: string | null;
      job_title?: string | null;
      /**
       * Format: date
       * @description The day the contact left the client; `null` if they did not after all.
       */
      left_at?: string | null;
      name?: string | null;
      phone?: string | null;
    };
    /** @description A change to an open event: absent fields stay. */
    PatchEvent: {
      /** @description The whole new attendance. */
      contact_ids?: string[] | null;
      employee_ids?: string[] | null;
      name?: string | null;
      /** Format: date-time */
      occurred_at?: string | null;
      summary?: string | null;
    };
    PatchHandover: {
      /** Format: date */
      due_date?: string | null;
      successor_id?: string | null;
      /** @description Instead of a successor: why this account needs none (e.g. it is winding down). */
      waiver_reason?: string | null;
    };
    /** @description A change to an interaction: absent fields stay, `null` clears the follow-up. */
    PatchInteraction: {
      /**
       * @description `resolved` closes a complaint (stamps `resolved_at`; needs `resolution`); `open`
       *     reopens it.
       */
      complaint_status?: string | null;
      /** Format: date */
      follow_up_due?: string | null;
      follow_up_owner_id?: string | null;
      /** @description What was done to resolve the complaint: required, non-blank, when resolving an open one. */
      resolution?: string | null;
      summary?: string | null;
    };
    /** @description A change the signed-in user makes to their own preferences: absent fields stay. */
    PatchMe: {
      /**
       * @description `nl` or `en`; `null` to follow the browser's language again.
       * @example nl
       */
      locale?: string | null;
    };
    PatchPolicy: {
      /** Format: int32 */
      min_current_contacts?: number | null;
      /** Format: int32 */
      min_holders?: number | null;
    };
    /**
     * @description A change to an employee: absent fields stay, `null` clears a date. HR and admins set
     *     status, leave date and clause dates; only admins change name, role and team.
     */
    PatchUser: {
      display_name?: string | null;
      /** Format: date */
      leave_date?: string | null;
      /**
       * @description `nl` or `en`, or `null` to follow the browser (admins; a user sets their own with
       *     `PATCH /me`).
       * @example nl
       */
      locale?: string | null;
      /** Format: date */
      non_compete_until?: string | null;
      /** Format: date */
      non_solicitation_until?: string | null;
      role?: string | null;
      status?: string | null;
      team_id?: string | null;
    };
    /**
     * @description What the caller may do, as `GET /me` answers it: each field is one of the decisions above,
     *     so the SPA shows exactly what the API then allows. Team lists are ids; `null` means every
     *     team.
     */
    Permissions: {
      /**
       * @description The teams the caller may create accounts in or move them to (`null`: every team; a
       *     member their own team, a sales lead the teams they lead).
       */
      account_team_ids: string[] | null;
      /**
       * @description The teams whose campaigns the caller may see, and run if `may_run_campaigns`
       *     (`null`: every team).
       */
      campaign_team_ids: string[] | null;
      /**
       * @description Editing an account needs the caller's own open assignment with `edit` access (members);
       *     when false, `may_edit_accounts` covers every account the caller sees.
       */
      edits_only_with_edit_access: boolean;
      /**
       * @description May pick successors or waivers for handovers (`PATCH /departures/{id}/handovers/{account_id}`):
       *     of every account, or with `teams_led`, of those teams' accounts.
       */
      may_approve_handovers: boolean;
      /** @description May open accounts (`POST /accounts`) in the teams of `account_team_ids`. */
      may_create_accounts: boolean;
      /**
       * @description May change accounts they see: their fields, contacts, account team, interactions,
       *     links and client events (everyone but HR).
       */
      may_edit_accounts: boolean;
      /** @description May set employees' status, leave date and clause dates (`PATCH /users/{id}`). */
      may_edit_people: boolean;
      /** @description May export and erase a contact person's data (`GET /contacts/{id}/export`). */
      may_handle_privacy_requests: boolean;
      /** @description May import CSV files (`POST /import/{kind}`): admins anywhere, sales leads into their teams. */
      may_import: boolean;
      /** @description May list the employees (`GET /users`). */
      may_list_users: boolean;
      /** @description May set coverage policies (`POST /coverage-policies`). */
      may_manage_coverage_policies: boolean;
      /** @description May read and change the model's settings (`GET/PUT /settings`). */
      may_manage_settings: boolean;
      /**
       * @description May create teams and appoint and remove their leads (`POST /teams`,
       *     `PUT`/`DELETE /teams/{id}/leads/{user_id}`).
       */
      may_manage_teams: boolean;
      /** @description May create employees and change their name, role and team (`POST /users`). */
      may_manage_users: boolean;
      /**
       * @description May open, apply and cancel departure plans (`POST /departures`,
       *     `POST /departures/{id}/apply`, `POST /departures/{id}/cancel`).
       */
      may_plan_departures: boolean;
      /**
       * @description May read HR's ranking of people (`GET /exposure/people`) of the teams of
       *     `people_team_ids`.
       */
      may_rank_people: boolean;
      /** @description May draft, change and send campaigns (`POST /campaigns`). */
      may_run_campaigns: boolean;
      /**
       * @description May run a campaign without a team, firm-wide (admins); otherwise a campaign names one
       *     of `campaign_team_ids`.
       */
      may_run_firm_wide_campaigns: boolean;
      /**
       * @description May read the audit trail (`GET /audit`): all of it, or with `teams_led`, the entries
       *     about those teams' accounts.
       */
      may_see_audit: boolean;
      /** @description May list and read campaigns (`GET /campaigns`) of the teams of `campaign_team_ids`. */
      may_see_campaigns: boolean;
      /** @description May list departure plans (`GET /departures`). */
      may_see_departures: boolean;
      /**
       * @description May see every employee's record and exposure and the clause register (`GET /clauses`),
       *     and ask what any employee's departure would do.
       */
      may_see_hr_figures: boolean;
      /**
       * @description Interaction summaries and event summaries are answered (everyone but HR, who gets them
       *     as `null`).
       */
      may_see_interaction_text: boolean;
      /** @description May read the risk dashboard (`GET /risk/summary`) of the teams of `portfolio_team_ids`. */
      may_see_portfolio: boolean;
      /**
       * @description May ask what a departure would do (`POST /simulations/departure`): for anyone with
       *     `may_see_hr_figures`, else for the people of the teams they lead.
       */
      may_simulate_departures: boolean;
      /** @description The teams whose people the caller ranks (`null`: everyone, whatever their team). */
      people_team_ids: string[] | null;
      /** @description The teams whose portfolio figures the caller sees (`null`: the whole firm). */
      portfolio_team_ids: string[] | null;
      /** @description The teams the caller leads (sales leads), which bound their approvals and audit view. */
      teams_led: string[];
    };
    /** @description One employee in HR's ranking (and in the clause register). */
    PersonView: {
      /**
       * Format: int64
       * @description Accounts of which they are a holder.
       */
      accounts_held: number;
      display_name: string;
      /** Format: date */
      leave_date?: string | null;
      /** Format: date */
      non_compete_until?: string | null;
      /** Format: date */
      non_solicitation_until?: string | null;
      /**
       * Format: int64
       * @description Σ annual value of the active accounts they hold alone.
       */
      orphaned_value_minor: number;
      /**
       * Format: int64
       * @description Σ annual value × their share of each account's relationship strength.
       */
      share_weighted_exposure_minor: number;
      /**
       * Format: int64
       * @description Accounts they hold alone (those `orphaned_value_minor` adds up).
       */
      sole_held_accounts: number;
      /** @example active */
      status: string;
      team_id?: string | null;
      /**
       * @description Holds value alone (`orphaned_value_minor` > 0) and no non-solicitation clause is in
       *     force today.
       */
      unprotected: boolean;
      user_id: string;
    };
    PlanView: {
      /** Format: date-time */
      applied_at?: string | null;
      /** @description Why the plan was cancelled. */
      cancel_reason?: string | null;
      /**
       * Format: date-time
       * @description When the plan was cancelled (status `cancelled`).
       */
      cancelled_at?: string | null;
      /** Format: date-time */
      created_at: string;
      display_name: string;
      handovers: components["schemas"]["HandoverView"][];
      id: string;
      /** Format: date */
      leave_date: string;
      status: string;
      user_id: string;
      /** Format: int64 */
      version: number;
    };
    PolicyView: {
      id: string;
      /** Format: int32 */
      min_current_contacts: number;
      /** Format: int32 */
      min_holders: number;
      tier: string;
      /** Format: int64 */
      version: number;
    };
    /** @description A problem document (RFC 7807) with Continuity's `field` extension. */
    Problem: Record<string, unknown> & {
      detail: string;
      /** @description The request field at fault (dotted path for nested fields), if any. */
      field?: string | null;
      /** Format: int32 */
      status: number;
      title: string;
      /** @description A URI naming the kind of problem. */
      type: string;
    };
    PutAssignment: {
      /** @example edit */
      access: string;
      /** @example co_owner */
      role: string;
    };
    /** @enum {string} */
    RecomputeStateView: "idle" | "running" | "failed";
    /** @description The recompute of every account after the last change. */
    RecomputeView: {
      /**
       * Format: int64
       * @description Accounts recomputed so far.
       */
      done: number;
      /** Format: date-time */
      finished_at?: string | null;
      /** Format: date-time */
      started_at?: string | null;
      state: components["schemas"]["RecomputeStateView"];
      /**
       * Format: int64
       * @description Accounts to recompute.
       */
      total: number;
    };
    RefreshRequest: {
      refresh_token: string;
    };
    /**
     * @description The equal-treatment report (see the domain's `campaigns` module): `universe {accounts,
     *     value_minor}`, `included {…}`, `excluded_share`, `excluded_value_share`, `by_tier [{tier,
     *     active_accounts, included_accounts, excluded_share, value_minor, included_value_minor,
     *     excluded_value_share}]`, `by_region [{region, …}]`, `warnings [{code, message}]`.
     */
    ReportView: Record<string, unknown>;
    RiskSummary: Record<string, unknown> & {
      /**
       * Format: int64
       * @description Open complaints on the accounts in view.
       */
      open_complaints: number;
      /**
       * Format: int64
       * @description Open complaints logged more than 14 days ago.
       */
      overdue_complaints: number;
      /** @description The ten accounts with the largest exposure. */
      top_exposed: components["schemas"]["AccountView"][];
      /** @description Daily figures of the last 90 days, oldest first. */
      trend: components["schemas"]["TrendPoint"][];
      /**
       * @description Per team of the summary (every team firm-wide), the value in accounts with no
       *     institutional tie; beside `untied_accounts`, `untied_value_minor` and
       *     `untied_value_share` of the whole summary.
       */
      untied_by_team: components["schemas"]["UntiedByTeam"][];
    };
    SendCampaign: {
      /** @description Why the campaign goes out despite its warnings; required (non-blank) when it has any. */
      acknowledge_reason?: string | null;
    };
    /** @description The signed-in user as the token answer carries it. */
    SessionUser: {
      display_name: string;
      email: string;
      id: string;
      /** @example member */
      role: string;
    };
    /** @description One setting as a form shows it. */
    SettingFieldView: {
      /** Format: double */
      default: number;
      /** @description Whole numbers only. */
      integer: boolean;
      /**
       * Format: double
       * @description The largest value accepted.
       */
      maximum: number;
      /**
       * Format: double
       * @description The smallest value accepted.
       */
      minimum: number;
      /** @description Dotted name, as in the document and in a problem's `field` (`kind_weights.note`). */
      name: string;
      /**
       * @description `weight` (of an interaction kind), `days`, `share` (0–1 of strength or value), `chance`
       *     (0–1, a score weight), `multiple` or `count` (of interactions).
       * @example days
       */
      unit: string;
      /** Format: double */
      value: number;
    };
    SettingsChange: {
      /** @default 0.5 */
      champion_left_min_share: number;
      /** @default 14 */
      complaint_overdue_days: number;
      /** @default 0.1 */
      contact_knower_min_share: number;
      /** @default 0.5 */
      departing_holder_min_share: number;
      /** @default 90 */
      half_life_days: number;
      /** @default 0.1 */
      holder_min_share: number;
      /** @default 0.7 */
      key_person_min_share: number;
      kind_weights?: {
        /** @default 2 */
        call: number;
        /** @default 2 */
        complaint: number;
        /** @default 1 */
        email: number;
        /** @default 2 */
        event: number;
        /** @default 1 */
        gift: number;
        /** @default 3 */
        meeting: number;
        /** @default 0.5 */
        note: number;
        /** @default 3 */
        visit: number;
      };
      /** @default 0.5 */
      majority_held_min_share: number;
      score_weights?: {
        /** @default 0.3 */
        champion_left: number;
        /** @default 0.05 */
        contact_concentration: number;
        /** @default 0.4 */
        departing_holder: number;
        /** @default 2 */
        institutional_damping_half_score: number;
        /** @default 0.3333333333333333 */
        institutional_damping_max: number;
        /** @default 0.15 */
        internal_concentration: number;
        /** @default 0.25 */
        key_person: number;
        /** @default 0.5 */
        no_owner: number;
        /** @default 0.2 */
        open_complaint: number;
        /** @default 0.1 */
        policy_breach: number;
        /** @default 0.15 */
        single_contact: number;
        /** @default 0.15 */
        single_owner: number;
        /** @default 0.15 */
        single_threaded: number;
        /** @default 0.2 */
        stale: number;
      };
      /** @default 0.7 */
      single_contact_min_share: number;
      /** @default 0.9 */
      single_thread_min_share: number;
      /** @default 90 */
      stale_after_days: number;
      /** @default 4 */
      stale_gap_min_interactions: number;
      /** @default 8 */
      stale_median_gap_multiple: number;
      /** @default 30 */
      stale_min_days: number;
      /** @default 0.5 */
      truck_factor_orphaned_fraction: number;
      /** @default 365 */
      window_days: number;
    };
    SettingsDocument: {
      /** @default 0.5 */
      champion_left_min_share: number;
      /** @default 14 */
      complaint_overdue_days: number;
      /** @default 0.1 */
      contact_knower_min_share: number;
      /** @default 0.5 */
      departing_holder_min_share: number;
      /** @default 90 */
      half_life_days: number;
      /** @default 0.1 */
      holder_min_share: number;
      /** @default 0.7 */
      key_person_min_share: number;
      kind_weights: {
        /** @default 2 */
        call: number;
        /** @default 2 */
        complaint: number;
        /** @default 1 */
        email: number;
        /** @default 2 */
        event: number;
        /** @default 1 */
        gift: number;
        /** @default 3 */
        meeting: number;
        /** @default 0.5 */
        note: number;
        /** @default 3 */
        visit: number;
      };
      /** @default 0.5 */
      majority_held_min_share: number;
      score_weights: {
        /** @default 0.3 */
        champion_left: number;
        /** @default 0.05 */
        contact_concentration: number;
        /** @default 0.4 */
        departing_holder: number;
        /** @default 2 */
        institutional_damping_half_score: number;
        /** @default 0.3333333333333333 */
        institutional_damping_max: number;
        /** @default 0.15 */
        internal_concentration: number;
        /** @default 0.25 */
        key_person: number;
        /** @default 0.5 */
        no_owner: number;
        /** @default 0.2 */
        open_complaint: number;
        /** @default 0.1 */
        policy_breach: number;
        /** @default 0.15 */
        single_contact: number;
        /** @default 0.15 */
        single_owner: number;
        /** @default 0.15 */
        single_threaded: number;
        /** @default 0.2 */
        stale: number;
      };
      /** @default 0.7 */
      single_contact_min_share: number;
      /** @default 0.9 */
      single_thread_min_share: number;
      /** @default 90 */
      stale_after_days: number;
      /** @default 4 */
      stale_gap_min_interactions: number;
      /** @default 8 */
      stale_median_gap_multiple: number;
      /** @default 30 */
      stale_min_days: number;
      /** @default 0.5 */
      truck_factor_orphaned_fraction: number;
      /** @default 365 */
      window_days: number;
    };
    SettingsView: {
      /** @description Every setting with its value, default and range, in the order of the document. */
      fields: components["schemas"]["SettingFieldView"][];
      recompute: components["schemas"]["RecomputeView"];
      /** Format: date-time */
      updated_at?: string | null;
      updated_by?: string | null;
      /** @description The settings in force, in the shape `PUT /settings` takes. */
      values: components["schemas"]["SettingsDocument"];
      /**
       * Format: int64
       * @description 1 until the first change; the `ETag`.
       */
      version: number;
    };
    TeamView: {
      /** Format: date-time */
      created_at: string;
      id: string;
      /** @description The sales leads who lead the team, in id order. */
      lead_ids: string[];
      name: string;
    };
    TokenResponse: {
      access_token: string;
      /**
       * Format: int64
       * @description Seconds until the access token expires.
       */
      expires_in: number;
      refresh_token: string;
      /** @description Always `Bearer`. */
      token_type: string;
      user: components["schemas"]["SessionUser"];
    };
    TrendPoint: {
      /** Format: date */
      day: string;
      /** Format: int64 */
      exposure_minor: number;
      flag_counts: Record<string, unknown>;
      /** Format: int64 */
      key_person_value_minor: number;
      /** Format: int64 */
      value_minor: number;
    };
    /** @description One team's value and the part of it in accounts without an institutional tie. */
    UntiedByTeam: {
      team_id: string;
      team_name: string;
      /** Format: int64 */
      untied_value_minor: number;
      /**
       * Format: double
       * @description `untied_value_minor / value_minor` (0 without value).
       */
      untied_value_share: number;
      /** Format: int64 */
      value_minor: number;
    };
    UserView: {
      /** Format: date-time */
      created_at: string;
      display_name: string;
      email: string;
      id: string;
      /** Format: date */
      leave_date?: string | null;
      /**
       * @description The language the user chose (`nl` or `en`); `null`: they follow their browser.
       * @example nl
       */
      locale?: string | null;
      /** Format: date */
      non_compete_until?: string | null;
      /** Format: date */
      non_solicitation_until?: string | null;
      role: string;
      status: string;
      team_id?: string | null;
      /** Format: date-time */
      updated_at: string;
      /** Format: int64 */
      version: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  accounts_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Free-text search in the account name. */
        q?: string | null;
        team_id?: string | null;
        tier?: string | null;
        region?: string | null;
        /** @description Accounts this user owns (open assignment with role `owner`). */
        owner_id?: string | null;
        /** @description Accounts this user is on (any open assignment). */
        member_id?: string | null;
        status?: string | null;
        /** @description A flag code, e.g. `key_person`. */
        flag?: string | null;
        /**
         * @description `true`: accounts with an institutional tie (an organisation-attributed touchpoint in
         *     the last 365 days, or an account link); `false`: those with none.
         */
        institutional_tie?: string | null;
        /**
         * @description `name` (default), `-name`, `exposure` (largest first), `+exposure`, `score`, `+score`,
         *     `annual_value`, `+annual_value`.
         */
        sort?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_AccountView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  accounts_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateAccount"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccountView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The external id is already taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  accounts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccountView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  accounts_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchAccount"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccountView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_ContactView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateContact"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The external id is already taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_handover_brief: {
    parameters: {
      query?: {
        /** @description `json` (default) or `html` (a printable page). */
        format?: string | null;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HandoverBrief"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  interactions_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Only this kind, e.g. `complaint`. */
        kind?: string | null;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_InteractionView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  interactions_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateInteraction"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["InteractionView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  client_network_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_LinkView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  client_network_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateLink"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LinkView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  client_network_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        link_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  client_network_network: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Network"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_account: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account's continuity figures */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AccountRiskView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  account_team_list: {
    parameters: {
      query?: {
        /** @description Also list closed assignments (the account's history). */
        include_closed?: boolean;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_AssignmentView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  account_team_put: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PutAssignment"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AssignmentView"];
        };
      };
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AssignmentView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing when changing an open assignment */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  account_team_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AssignmentView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  audit_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description `account`, `contact`, `assignment`, `interaction`, `user`, `team`, … */
        entity?: string | null;
        entity_id?: string | null;
        actor_id?: string | null;
        account_id?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_AuditEntryView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  auth_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LoginRequest"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TokenResponse"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many attempts; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  auth_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RefreshRequest"];
      };
    };
    responses: {
      /** @description Session ended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  auth_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RefreshRequest"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TokenResponse"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Part of the name, any case. */
        q?: string | null;
        /** @description `draft` or `sent`. */
        status?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_CampaignView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CampaignInput"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CampaignView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CampaignInput"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReportView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CampaignView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchCampaign"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CampaignView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_equal_treatment_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReportView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  campaigns_send: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SendCampaign"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CampaignView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_clause_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_PersonView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  complaints_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description `open` (default) or `resolved`. */
        status?: string | null;
        team_id?: string | null;
        account_id?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_ComplaintView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchContact"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ContactView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many records were erased */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person's data */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  contacts_move_to_account: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["MoveContact"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MovedContact"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  coverage_policies_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_PolicyView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  coverage_policies_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatePolicy"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PolicyView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  coverage_policies_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  coverage_policies_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchPolicy"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PolicyView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_PlanView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatePlan"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_apply: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The plan changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match with the plan's ETag is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CancelPlan"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The plan changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match with the plan's ETag is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  departures_patch_handover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        account_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchHandover"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Free-text search in the event name. */
        q?: string | null;
        /** @description Events this account attended. */
        account_id?: string | null;
        /** @description `open` or `closed`. */
        status?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_EventView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateEvent"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchEvent"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  events_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  import_and_export_export: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description accounts | contacts | assignments | interactions */
        kind: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_ranking: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Free-text search in the display name. */
        q?: string | null;
        /** @description The employee's own team. */
        team_id?: string | null;
        /** @description `active`, `leaving` or `departed`. */
        status?: string | null;
        /** @description `true`: only the unprotected; `false`: only the others. */
        unprotected?: string | null;
        /**
         * @description `-orphaned_value_minor` (default: largest value held alone first), or any of
         *     `orphaned_value_minor`, `share_weighted_exposure_minor`, `accounts_held`,
         *     `sole_held_accounts`, `display_name`, `leave_date`, `non_solicitation_until`,
         *     `non_compete_until`: ascending, or descending with a leading `-`. Ties go by user id;
         *     people without the date sorted by come last.
         */
        sort?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_PersonView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  import_and_export_import: {
    parameters: {
      query?: {
        /** @description Check and count everything, write nothing. */
        dry_run?: boolean;
      };
      header?: never;
      path: {
        /** @description accounts | contacts | assignments | interactions */
        kind: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "text/csv": string;
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ImportReportView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description a problem document that also carries the report (`created`, `updated`, `unchanged`, `errors`) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  interactions_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["InteractionView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  interactions_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchInteraction"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["InteractionView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  complaints_add_follow_up: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateFollowUp"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FollowUpView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  auth_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MeResponse"];
        };
      };
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  auth_patch_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchMe"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MeResponse"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_accounts: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Free-text search in the account name. */
        q?: string | null;
        team_id?: string | null;
        tier?: string | null;
        region?: string | null;
        /** @description Accounts this user owns (open assignment with role `owner`). */
        owner_id?: string | null;
        /** @description Accounts this user is on (any open assignment). */
        member_id?: string | null;
        status?: string | null;
        /** @description A flag code, e.g. `key_person`. */
        flag?: string | null;
        /**
         * @description `true`: accounts with an institutional tie (an organisation-attributed touchpoint in
         *     the last 365 days, or an account link); `false`: those with none.
         */
        institutional_tie?: string | null;
        /**
         * @description `name` (default), `-name`, `exposure` (largest first), `+exposure`, `score`, `+score`,
         *     `annual_value`, `+annual_value`.
         */
        sort?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_AccountView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_summary: {
    parameters: {
      query?: {
        /** @description One team; default: every team the caller may see. */
        team_id?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RiskSummary"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  settings_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SettingsView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  settings_put: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SettingsChange"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SettingsView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The settings changed since they were read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_simulate_departure: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["DepartureSimulation"];
      };
    };
    responses: {
      /** @description The simulated departure */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  teams_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_TeamView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  teams_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateTeam"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TeamView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  teams_add_lead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  teams_remove_lead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The record changed since it was read */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_list: {
    parameters: {
      query?: {
        limit?: number | null;
        cursor?: string | null;
        /** @description Free-text search in the e-mail. */
        q?: string | null;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Page_UserView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateUser"];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchUser"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UserView"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description If-Match is missing */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_get_default_team: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DefaultTeam"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  users_put_default_team: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["DefaultTeam"];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DefaultTeam"];
        };
      };
      /** @description The body is not readable JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such record, or one the caller may not see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A field or query parameter breaks a rule */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  risk_exposure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ExposureView"];
        };
      };
      /** @description No valid access token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}
