// The diesel schema of migrations/postgres (the SQLite DDL matches it column for column).

diesel::table! {
    teams (id) {
        id -> BigInt,
        name -> Text,
        name_lower -> Text,
        version -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        email_lower -> Text,
        display_name -> Text,
        role -> Text,
        team_id -> Nullable<BigInt>,
        status -> Text,
        leave_date -> Nullable<Date>,
        non_solicitation_until -> Nullable<Date>,
        non_compete_until -> Nullable<Date>,
        password_hash -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        locale -> Nullable<Text>,
    }
}

diesel::table! {
    team_leads (team_id, user_id) {
        team_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    default_team_members (user_id, member_id) {
        user_id -> BigInt,
        member_id -> BigInt,
        role -> Text,
        access -> Text,
    }
}

diesel::table! {
    accounts (id) {
        id -> BigInt,
        external_id -> Nullable<Text>,
        name -> Text,
        name_lower -> Text,
        tier -> Text,
        region -> Text,
        team_id -> BigInt,
        annual_value_minor -> BigInt,
        currency -> Text,
        status -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    account_links (id) {
        id -> BigInt,
        account_id -> BigInt,
        other_account_id -> BigInt,
        kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        account_id -> BigInt,
        external_id -> Nullable<Text>,
        name -> Text,
        name_lower -> Text,
        job_title -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        influence -> Text,
        left_at -> Nullable<Date>,
        previous_contact_id -> Nullable<BigInt>,
        erased_at -> Nullable<Timestamp>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    assignments (id) {
        id -> BigInt,
        account_id -> BigInt,
        user_id -> BigInt,
        role -> Text,
        access -> Text,
        since -> Timestamp,
        until -> Nullable<Timestamp>,
        version -> BigInt,
    }
}

diesel::table! {
    interactions (id) {
        id -> BigInt,
        account_id -> BigInt,
        external_id -> Nullable<Text>,
        kind -> Text,
        occurred_at -> Timestamp,
        summary -> Text,
        on_behalf_of -> Text,
        complaint_status -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
        follow_up_owner_id -> Nullable<BigInt>,
        follow_up_due -> Nullable<Date>,
        created_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        event_id -> Nullable<BigInt>,
        resolution -> Nullable<Text>,
    }
}

diesel::table! {
    interaction_follow_ups (id) {
        id -> BigInt,
        account_id -> BigInt,
        interaction_id -> BigInt,
        note -> Text,
        author_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    campaigns (id) {
        id -> BigInt,
        name -> Text,
        name_lower -> Text,
        kind -> Text,
        team_id -> Nullable<BigInt>,
        status -> Text,
        target_json -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        sent_by -> Nullable<BigInt>,
        acknowledged_reason -> Nullable<Text>,
        sent_report_json -> Nullable<Text>,
        version -> BigInt,
    }
}

diesel::table! {
    campaign_accounts (campaign_id, account_id) {
        account_id -> BigInt,
        campaign_id -> BigInt,
        interaction_id -> BigInt,
    }
}

diesel::table! {
    interaction_employees (interaction_id, user_id) {
        account_id -> BigInt,
        interaction_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    interaction_contacts (interaction_id, contact_id) {
        account_id -> BigInt,
        interaction_id -> BigInt,
        contact_id -> BigInt,
    }
}

diesel::table! {
    coverage_policies (id) {
        id -> BigInt,
        tier -> Text,
        min_holders -> Integer,
        min_contacts -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    settings (id) {
        id -> BigInt,
        document -> Text,
        version -> BigInt,
        updated_at -> Nullable<Timestamp>,
        updated_by -> Nullable<BigInt>,
        recompute_state -> Text,
        recompute_version -> Nullable<BigInt>,
        recompute_done -> BigInt,
        recompute_total -> BigInt,
        recompute_after_id -> Nullable<BigInt>,
        recompute_started_at -> Nullable<Timestamp>,
        recompute_finished_at -> Nullable<Timestamp>,
        recompute_worker -> Nullable<Text>,
        recompute_heartbeat_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    departure_plans (id) {
        id -> BigInt,
        user_id -> BigInt,
        leave_date -> Date,
        status -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        applied_at -> Nullable<Timestamp>,
        version -> BigInt,
        cancelled_at -> Nullable<Timestamp>,
        cancel_reason -> Nullable<Text>,
    }
}

diesel::table! {
    handovers (id) {
        id -> BigInt,
        plan_id -> BigInt,
        account_id -> BigInt,
        successor_id -> Nullable<BigInt>,
        due_date -> Nullable<Date>,
        waiver_reason -> Nullable<Text>,
        status -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    audit_entries (id) {
        id -> BigInt,
        occurred_at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        entity -> Text,
        entity_id -> Text,
        action -> Text,
        account_id -> Nullable<BigInt>,
        team_id -> Nullable<BigInt>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        family_id -> Text,
        token_hash -> Text,
        issued_at -> Timestamp,
        expires_at -> Timestamp,
        rotated_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    account_risk (account_id) {
        account_id -> BigInt,
        team_id -> BigInt,
        score -> Integer,
        exposure_minor -> BigInt,
        flags -> Text,
        detail_json -> Text,
        last_interaction_at -> Nullable<Timestamp>,
        computed_at -> Timestamp,
        annual_value_minor -> BigInt,
        active -> Bool,
        holder_ids -> Text,
        fingerprint -> BigInt,
        institutional_tie -> Bool,
        last_contact_at -> Nullable<Timestamp>,
        people_parts -> Text,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        name -> Text,
        name_lower -> Text,
        kind -> Text,
        occurred_at -> Timestamp,
        summary -> Text,
        status -> Text,
        created_by -> Nullable<BigInt>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    event_employees (event_id, user_id) {
        event_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    event_attendees (event_id, contact_id) {
        event_id -> BigInt,
        contact_id -> BigInt,
        account_id -> BigInt,
    }
}

diesel::table! {
    risk_totals (team_id, measure) {
        team_id -> BigInt,
        measure -> Text,
        amount -> BigInt,
    }
}

diesel::table! {
    people_totals (user_id) {
        user_id -> BigInt,
        orphaned_value_minor -> BigInt,
        share_weighted_exposure_minor -> BigInt,
        accounts_held -> BigInt,
        sole_held_accounts -> BigInt,
    }
}

diesel::table! {
    risk_snapshots (day, team_id) {
        day -> Date,
        team_id -> BigInt,
        value_minor -> BigInt,
        exposure_minor -> BigInt,
        key_person_value_minor -> BigInt,
        flag_counts_json -> Text,
    }
}

diesel::joinable!(users -> teams (team_id));
diesel::joinable!(accounts -> teams (team_id));
diesel::joinable!(contacts -> accounts (account_id));
diesel::joinable!(assignments -> accounts (account_id));
diesel::joinable!(assignments -> users (user_id));
diesel::joinable!(interactions -> accounts (account_id));
diesel::joinable!(interaction_employees -> interactions (interaction_id));
diesel::joinable!(interaction_employees -> users (user_id));
diesel::joinable!(interaction_contacts -> interactions (interaction_id));
diesel::joinable!(interaction_contacts -> contacts (contact_id));
diesel::joinable!(team_leads -> teams (team_id));
diesel::joinable!(handovers -> departure_plans (plan_id));
diesel::joinable!(handovers -> accounts (account_id));
diesel::joinable!(account_risk -> accounts (account_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(event_employees -> events (event_id));
diesel::joinable!(event_attendees -> events (event_id));
diesel::joinable!(event_attendees -> accounts (account_id));
diesel::joinable!(event_attendees -> contacts (contact_id));
diesel::joinable!(interaction_follow_ups -> interactions (interaction_id));
diesel::joinable!(interaction_follow_ups -> users (author_id));
diesel::joinable!(campaign_accounts -> campaigns (campaign_id));
diesel::joinable!(people_totals -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    teams,
    users,
    team_leads,
    default_team_members,
    accounts,
    account_links,
    contacts,
    assignments,
    interactions,
    interaction_employees,
    interaction_contacts,
    coverage_policies,
    departure_plans,
    handovers,
    audit_entries,
    refresh_tokens,
    account_risk,
    risk_totals,
    people_totals,
    risk_snapshots,
    events,
    event_employees,
    event_attendees,
    interaction_follow_ups,
    campaigns,
    campaign_accounts,
);
