//! The write keeps the figures: whatever a write transaction changes — through the store's
//! own functions or a statement no recompute call stands beside — the stored figures, the
//! team totals and each employee's HR figures are current when it commits, equal to what a
//! full recompute stores.

use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

use continuity_domain::continuity::{employee_exposure, AccountRisk, FlagCode, PortfolioTotals};
use continuity_domain::{
    Access, AccountStatus, AssignmentRole, Influence, InteractionKind, OnBehalfOf, Role, Tier, UserStatus,
};
use continuity_store::accounts::AccountFields;
use continuity_store::assignments::Placement;
use continuity_store::connection::write_transaction;
use continuity_store::contacts::ContactFields;
use continuity_store::figures::{self, totals};
use continuity_store::interactions::NewInteraction;
use continuity_store::schema::{
    account_links, accounts, assignments, contacts, coverage_policies, interaction_contacts, interaction_employees,
    interactions, users,
};
use continuity_store::users::NewUser;
use continuity_store::{on_both_stores, to_db_time, AnyConnection, StoreError};
use diesel::prelude::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A small firm: one team, four employees, five accounts of mixed tiers with two contacts
/// each, every employee on some accounts.
struct Firm {
    users: Vec<i64>,
    accounts: Vec<i64>,
    /// Per account, its contacts.
    contacts: Vec<Vec<i64>>,
}

fn small_firm(conn: &mut AnyConnection, now: DateTime<Utc>) -> Firm {
    let team = continuity_store::teams::create(conn, "Advisory", None, now).expect("team");
    let users: Vec<i64> = (0..4)
        .map(|index| {
            let email = format!("rm{index}@firm.example");
            let name = format!("Manager {index}");
            let new = NewUser {
                email: &email,
                display_name: &name,
                role: Role::Member,
                team_id: Some(team.id),
                password_hash: "not-a-real-hash",
                locale: None,
            };
            continuity_store::users::create(conn, &new, None, now).expect("user").id
        })
        .collect();
    let mut accounts = Vec::new();
    let mut contacts = Vec::new();
    for index in 0..5_usize {
        let fields = AccountFields {
            external_id: None,
            name: format!("Client {index}"),
            tier: [Tier::A, Tier::B, Tier::C][index % 3],
            region: "Utrecht".into(),
            team_id: team.id,
            annual_value_minor: 1_000_000 * (i64::try_from(index).unwrap_or(0) + 1),
            currency: "EUR".into(),
            status: AccountStatus::Active,
        };
        let account = continuity_store::accounts::create(conn, &fields, None, now).expect("account");
        let owner = users[index % users.len()];
        let placement = Placement {
            account_id: account.id,
            user_id: owner,
            role: AssignmentRole::Owner,
            access: Access::Edit,
            expected_version: None,
        };
        continuity_store::assignments::put(conn, placement, None, now).expect("owner");
        let people: Vec<i64> = (0..2)
            .map(|n| {
                let fields = ContactFields {
                    external_id: None,
                    name: format!("Contact {index}.{n}"),
                    job_title: "CFO".into(),
                    email: None,
                    phone: None,
                    influence: if n == 0 { Influence::DecisionMaker } else { Influence::Champion },
                    left_at: None,
                };
                continuity_store::contacts::create(conn, account.id, &fields, None, now).expect("contact").id
            })
            .collect();
        accounts.push(account.id);
        contacts.push(people);
    }
    Firm { users, accounts, contacts }
}

/// What is stored: every account's figures and the team totals.
fn stored(conn: &mut AnyConnection) -> (Vec<AccountRisk>, BTreeMap<i64, PortfolioTotals>) {
    (figures::portfolio(conn, None).expect("figures"), totals::totals_by_team(conn).expect("totals"))
}

/// Each employee's kept HR figures (`people_totals`) are the sum of the parts stored with the
/// account figures, and equal what the domain's `employee_exposure` makes of the stored figures
/// of that employee's accounts (what `GET /users/{id}/exposure` answers).
fn people_figures_agree(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<(), String> {
    let kept = figures::people::stored_totals(conn).expect("people totals");
    let recounted = figures::people::recount(conn).expect("people recount");
    if kept != recounted {
        return Err(format!("people_totals {kept:?} are not the sum of the parts {recounted:?}"));
    }
    let employees = figures::all_employees(conn).expect("employees");
    for employee in employees.iter() {
        let risks = figures::risks_touching_user(conn, employee.id, now).expect("risks");
        let exposure = employee_exposure(employee, &risks, &employees);
        let totals = kept.get(&employee.id).copied().unwrap_or_default();
        let held = exposure.accounts.iter().filter(|account| account.holder).count();
        let sole = exposure.accounts.iter().filter(|account| account.sole_holder).count();
        let expected =
            (exposure.orphaned_value_minor, exposure.share_weighted_exposure_minor, held as i64, sole as i64);
        let got = (
            totals.orphaned_value_minor,
            totals.share_weighted_exposure_minor,
            totals.accounts_held,
            totals.sole_held_accounts,
        );
        if expected != got {
            return Err(format!("employee {}: employee_exposure says {expected:?}, kept {got:?}", employee.id));
        }
    }
    Ok(())
}

/// Logs a meeting with a raw insert and the store's plain participant rows — no recompute
/// call anywhere — inside a write transaction: the shape a new write path takes before anyone
/// thinks of the figures.
fn raw_meeting(
    conn: &mut AnyConnection,
    account_id: i64,
    user_id: i64,
    contact_id: i64,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) {
    write_transaction(conn, now, |conn| {
        let id: i64 = diesel::insert_into(interactions::table)
            .values((
                interactions::account_id.eq(account_id),
                interactions::kind.eq(InteractionKind::Meeting.as_str()),
                interactions::occurred_at.eq(to_db_time(at)),
                interactions::summary.eq("lunch"),
                interactions::on_behalf_of.eq(OnBehalfOf::Person.as_str()),
                interactions::created_at.eq(to_db_time(now)),
            ))
            .returning(interactions::id)
            .get_result(conn)?;
        // Participants through the store's plain insert (it writes rows and nothing else).
        continuity_store::interactions::insert_participants(conn, account_id, id, &[user_id], &[contact_id])?;
        Ok::<_, StoreError>(())
    })
    .expect("raw meeting");
}

on_both_stores!(fn a_write_path_without_a_recompute_call_finds_its_figures_current(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let firm = small_firm(&mut conn, now);
    let account = firm.accounts[0];
    let before = figures::get(&mut conn, account).expect("figures").expect("stored");
    assert!(before.holders.iter().all(|holder| holder.user_id == firm.users[0]), "{:?}", before.holders);

    // A colleague who is not on the team meets the client four times: they now carry most of
    // the relationship, and the figures say so without anyone asking for a recompute.
    for day in 1..=4 {
        raw_meeting(&mut conn, account, firm.users[1], firm.contacts[0][0], now - Duration::days(day), now);
    }
    let after = figures::get(&mut conn, account).expect("figures").expect("stored");
    let colleague = after.holders.iter().find(|holder| holder.user_id == firm.users[1]).expect("a holder now");
    assert!(colleague.share > 0.99, "the only person who met the client holds it: {:?}", after.holders);
    assert!(after.has_flag(FlagCode::KeyPerson), "{:?}", after.flags);
    assert!(after.last_interaction_at.is_some());

    // A raw status change of that colleague reaches the account too (departing_holder).
    write_transaction(&mut conn, now, |conn| {
        diesel::update(users::table.find(firm.users[1]))
            .set((users::status.eq(UserStatus::Leaving.as_str()), users::leave_date.eq(Some(now.date_naive()))))
            .execute(conn)
            .map_err(StoreError::from)
    })
    .expect("leaving");
    let leaving = figures::get(&mut conn, account).expect("figures").expect("stored");
    assert!(leaving.has_flag(FlagCode::DepartingHolder), "{:?}", leaving.flags);

    // Nothing is left for a full recompute to correct, and nothing stays noted.
    let (figures_now, totals_now) = stored(&mut conn);
    let full = figures::recompute_all(&mut conn, now).expect("recompute all");
    assert_eq!(full.written, 0, "the writes left nothing stale");
    assert_eq!(stored(&mut conn), (figures_now, totals_now));
    assert_eq!(totals::totals_by_team(&mut conn).expect("totals"), totals::recount(&mut conn).expect("recount"));
    people_figures_agree(&mut conn, now).unwrap_or_else(|disagreement| panic!("{disagreement}"));
    let colleague = figures::people::stored_totals(&mut conn).expect("people")[&firm.users[1]];
    // The account they met the client of, and the one they own with nobody else on it.
    assert_eq!(colleague.accounts_held, 2);
    assert_eq!(colleague.sole_held_accounts, 2, "the colleague holds both alone");
    assert_eq!(colleague.orphaned_value_minor, 1_000_000 + 2_000_000);
    assert!(figures::pending::pending_accounts(&mut conn, now).expect("pending").is_empty());
});

on_both_stores!(fn a_write_that_fails_leaves_the_figures_as_they_were(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let firm = small_firm(&mut conn, now);
    let account = firm.accounts[1];
    let before = stored(&mut conn);
    let refused = write_transaction(&mut conn, now, |conn| {
        diesel::update(accounts::table.find(account)).set(accounts::annual_value_minor.eq(1)).execute(conn)?;
        Err::<(), _>(StoreError::NotFound)
    });
    assert!(refused.is_err());
    assert_eq!(stored(&mut conn), before);
    assert!(figures::pending::pending_accounts(&mut conn, now).expect("pending").is_empty());
});

/// An interaction through the store's own function: `employee_ids` and `contact_ids` as
/// given, on behalf of a person unless `organisation`.
fn log(
    conn: &mut AnyConnection,
    account_id: i64,
    kind: InteractionKind,
    at: DateTime<Utc>,
    people: (&[i64], &[i64]),
    organisation: bool,
    now: DateTime<Utc>,
) {
    let new = NewInteraction {
        external_id: None,
        kind,
        occurred_at: at,
        summary: format!("{kind}"),
        on_behalf_of: if organisation { OnBehalfOf::Organisation } else { OnBehalfOf::Person },
        complaint_status: None,
        resolution: None,
        follow_up_owner_id: None,
        follow_up_due: None,
        employee_ids: people.0.to_vec(),
        contact_ids: people.1.to_vec(),
        event_id: None,
    };
    if new.employee_ids.is_empty() && new.contact_ids.is_empty() {
        // Nobody named: only a campaign's send writes this, past the rule that asks for a
        // participant.
        write_transaction(conn, now, |conn| continuity_store::interactions::insert(conn, account_id, &new, None, now))
            .expect("touchpoint");
    } else {
        continuity_store::interactions::create(conn, account_id, &new, None, now).expect("interaction");
    }
}

on_both_stores!(fn the_last_conversation_is_found_however_old_and_a_newsletter_or_note_does_not_replace_it(store) {
    let mut conn = store.conn().expect("conn");
    // Whole microseconds, as the stores keep times.
    let now = continuity_store::from_db_time(to_db_time(Utc::now()));
    let firm = small_firm(&mut conn, now);
    let (account, manager, contact) = (firm.accounts[0], firm.users[0], firm.contacts[0][0]);
    // The last real conversation lies before the model's window of 365 days.
    let talked_at = now - Duration::days(400);
    raw_meeting(&mut conn, account, manager, contact, talked_at, now);
    let quiet = figures::get(&mut conn, account).expect("figures").expect("stored");
    assert_eq!(quiet.last_contact_at, Some(talked_at));
    assert_eq!(quiet.last_interaction_at, Some(talked_at));

    // A newsletter in the window, then an internal note naming the contact.
    log(&mut conn, account, InteractionKind::Email, now - Duration::days(2), (&[], &[]), true, now);
    log(&mut conn, account, InteractionKind::Note, now - Duration::days(1), (&[manager], &[contact]), false, now);
    let after = figures::get(&mut conn, account).expect("figures").expect("stored");
    assert_eq!(after.last_interaction_at, Some(now - Duration::days(1)));
    assert_eq!(after.last_contact_at, Some(talked_at), "found outside the window: {after:?}");
    let stale = after.flags.iter().find(|flag| flag.code() == FlagCode::Stale).expect("still stale");
    assert_eq!(
        stale.explanation(continuity_domain::Language::English),
        format!("No conversation with a client contact for 400 days (last on {})", talked_at.date_naive())
    );
    let listed = continuity_store::accounts::get(&mut conn, &continuity_store::scope::Scope::Firm, account)
        .expect("account")
        .expect("found");
    assert_eq!(listed.last_contact_at, Some(talked_at), "the account's row carries it too");

    // The batched full pass finds the same.
    let full = figures::recompute_all(&mut conn, now).expect("recompute all");
    assert_eq!(full.written, 0, "{full:?}");

    // A call with the contact yesterday: fresh.
    log(&mut conn, account, InteractionKind::Call, now - Duration::days(1), (&[manager], &[contact]), false, now);
    let fresh = figures::get(&mut conn, account).expect("figures").expect("stored");
    assert!(!fresh.has_flag(FlagCode::Stale), "{:?}", fresh.flags);
    assert_eq!(fresh.last_contact_at, Some(now - Duration::days(1)));
});

/// One write of the property test below, on indices into the small firm.
#[derive(Debug, Clone)]
enum Write {
    /// A personal interaction through the store's own function.
    Log {
        account: usize,
        kind: usize,
        days_ago: i64,
        employee: usize,
        contact: usize,
    },
    /// The same with raw statements.
    RawMeeting {
        account: usize,
        employee: usize,
        contact: usize,
        days_ago: i64,
    },
    /// A gift or client day in the firm's name (institutional).
    OnBehalfOfFirm {
        account: usize,
        days_ago: i64,
    },
    /// Deletes the account's latest interaction, participants first.
    DeleteLatest {
        account: usize,
    },
    Assign {
        account: usize,
        employee: usize,
    },
    Unassign {
        account: usize,
        employee: usize,
    },
    ContactLeaves {
        account: usize,
        contact: usize,
    },
    EmployeeLeaves {
        employee: usize,
        in_days: i64,
    },
    EmployeeStays {
        employee: usize,
    },
    Revalue {
        account: usize,
        value: i64,
    },
    Link {
        account: usize,
        other: usize,
    },
    Unlink {
        account: usize,
    },
    Policy {
        tier: usize,
        min_holders: i32,
    },
}

fn a_write() -> impl Strategy<Value = Write> {
    prop_oneof![
        (0..5usize, 0..8usize, 0..400i64, 0..4usize, 0..2usize).prop_map(
            |(account, kind, days_ago, employee, contact)| Write::Log { account, kind, days_ago, employee, contact }
        ),
        (0..5usize, 0..4usize, 0..2usize, 0..120i64).prop_map(|(account, employee, contact, days_ago)| {
            Write::RawMeeting { account, employee, contact, days_ago }
        }),
        (0..5usize, 0..200i64).prop_map(|(account, days_ago)| Write::OnBehalfOfFirm { account, days_ago }),
        (0..5usize).prop_map(|account| Write::DeleteLatest { account }),
        (0..5usize, 0..4usize).prop_map(|(account, employee)| Write::Assign { account, employee }),
        (0..5usize, 0..4usize).prop_map(|(account, employee)| Write::Unassign { account, employee }),
        (0..5usize, 0..2usize).prop_map(|(account, contact)| Write::ContactLeaves { account, contact }),
        (0..4usize, 0..90i64).prop_map(|(employee, in_days)| Write::EmployeeLeaves { employee, in_days }),
        (0..4usize).prop_map(|employee| Write::EmployeeStays { employee }),
        (0..5usize, 0..10_000_000i64).prop_map(|(account, value)| Write::Revalue { account, value }),
        (0..5usize, 0..5usize).prop_map(|(account, other)| Write::Link { account, other }),
        (0..5usize).prop_map(|account| Write::Unlink { account }),
        (0..3usize, 1..4i32).prop_map(|(tier, min_holders)| Write::Policy { tier, min_holders }),
    ]
}

/// Applies one write at `now`; a write the store refuses (a rule, a duplicate) changes nothing,
/// which is as good a step as any.
fn apply(conn: &mut AnyConnection, firm: &Firm, write: &Write, now: DateTime<Utc>) {
    const KINDS: [InteractionKind; 8] = [
        InteractionKind::Meeting,
        InteractionKind::Call,
        InteractionKind::Email,
        InteractionKind::Visit,
        InteractionKind::Event,
        InteractionKind::Gift,
        InteractionKind::Note,
        InteractionKind::Complaint,
    ];
    let outcome: Result<(), StoreError> = match *write {
        Write::Log { account, kind, days_ago, employee, contact } => {
            let kind = KINDS[kind];
            let new = NewInteraction {
                external_id: None,
                kind,
                occurred_at: now - Duration::days(days_ago),
                summary: "talked".into(),
                on_behalf_of: OnBehalfOf::Person,
                complaint_status: (kind == InteractionKind::Complaint)
                    .then_some(continuity_domain::ComplaintStatus::Open),
                resolution: None,
                follow_up_owner_id: None,
                follow_up_due: None,
                employee_ids: vec![firm.users[employee]],
                contact_ids: vec![firm.contacts[account][contact]],
                event_id: None,
            };
            continuity_store::interactions::create(conn, firm.accounts[account], &new, None, now).map(|_| ())
        }
        Write::RawMeeting { account, employee, contact, days_ago } => {
            let at = now - Duration::days(days_ago);
            raw_meeting(conn, firm.accounts[account], firm.users[employee], firm.contacts[account][contact], at, now);
            Ok(())
        }
        Write::OnBehalfOfFirm { account, days_ago } => {
            let new = NewInteraction {
                external_id: None,
                kind: InteractionKind::Gift,
                occurred_at: now - Duration::days(days_ago),
                summary: "hamper".into(),
                on_behalf_of: OnBehalfOf::Organisation,
                complaint_status: None,
                resolution: None,
                follow_up_owner_id: None,
                follow_up_due: None,
                employee_ids: Vec::new(),
                contact_ids: Vec::new(),
                event_id: None,
            };
            continuity_store::interactions::create(conn, firm.accounts[account], &new, None, now).map(|_| ())
        }
        Write::DeleteLatest { account } => write_transaction(conn, now, |conn| {
            let latest: Option<i64> = interactions::table
                .filter(interactions::account_id.eq(firm.accounts[account]))
                .select(interactions::id)
                .order(interactions::id.desc())
                .first(conn)
                .optional()?;
            if let Some(id) = latest {
                diesel::delete(interaction_employees::table.filter(interaction_employees::interaction_id.eq(id)))
                    .execute(conn)?;
                diesel::delete(interaction_contacts::table.filter(interaction_contacts::interaction_id.eq(id)))
                    .execute(conn)?;
                diesel::delete(interactions::table.find(id)).execute(conn)?;
            }
            Ok(())
        }),
        Write::Assign { account, employee } => {
            let placement = Placement {
                account_id: firm.accounts[account],
                user_id: firm.users[employee],
                role: AssignmentRole::CoOwner,
                access: Access::Edit,
                expected_version: None,
            };
            continuity_store::assignments::put(conn, placement, None, now).map(|_| ())
        }
        Write::Unassign { account, employee } => write_transaction(conn, now, |conn| {
            diesel::update(
                assignments::table
                    .filter(assignments::account_id.eq(firm.accounts[account]))
                    .filter(assignments::user_id.eq(firm.users[employee]))
                    .filter(assignments::until.is_null()),
            )
            .set(assignments::until.eq(Some(to_db_time(now))))
            .execute(conn)?;
            Ok(())
        }),
        Write::ContactLeaves { account, contact } => write_transaction(conn, now, |conn| {
            diesel::update(contacts::table.find(firm.contacts[account][contact]))
                .set(contacts::left_at.eq(Some(now.date_naive())))
                .execute(conn)?;
            Ok(())
        }),
        Write::EmployeeLeaves { employee, in_days } => write_transaction(conn, now, |conn| {
            diesel::update(users::table.find(firm.users[employee]))
                .set((
                    users::status.eq(UserStatus::Leaving.as_str()),
                    users::leave_date.eq(Some((now + Duration::days(in_days)).date_naive())),
                ))
                .execute(conn)?;
            Ok(())
        }),
        Write::EmployeeStays { employee } => write_transaction(conn, now, |conn| {
            diesel::update(users::table.find(firm.users[employee]))
                .set((users::status.eq(UserStatus::Active.as_str()), users::leave_date.eq(None::<chrono::NaiveDate>)))
                .execute(conn)?;
            Ok(())
        }),
        Write::Revalue { account, value } => write_transaction(conn, now, |conn| {
            diesel::update(accounts::table.find(firm.accounts[account]))
                .set(accounts::annual_value_minor.eq(value))
                .execute(conn)?;
            Ok(())
        }),
        Write::Link { account, other } if account != other => write_transaction(conn, now, |conn| {
            diesel::insert_into(account_links::table)
                .values((
                    account_links::account_id.eq(firm.accounts[account]),
                    account_links::other_account_id.eq(firm.accounts[other]),
                    account_links::kind.eq("partner"),
                    account_links::created_at.eq(to_db_time(now)),
                ))
                .execute(conn)?;
            Ok(())
        }),
        Write::Link { .. } => Ok(()),
        Write::Unlink { account } => write_transaction(conn, now, |conn| {
            diesel::delete(account_links::table.filter(account_links::account_id.eq(firm.accounts[account])))
                .execute(conn)?;
            Ok(())
        }),
        Write::Policy { tier, min_holders } => write_transaction(conn, now, |conn| {
            let tier = [Tier::A, Tier::B, Tier::C][tier].as_str();
            let changed = diesel::update(coverage_policies::table.filter(coverage_policies::tier.eq(tier)))
                .set(coverage_policies::min_holders.eq(min_holders))
                .execute(conn)?;
            if changed == 0 {
                diesel::insert_into(coverage_policies::table)
                    .values((
                        coverage_policies::tier.eq(tier),
                        coverage_policies::min_holders.eq(min_holders),
                        coverage_policies::min_contacts.eq(1),
                    ))
                    .execute(conn)?;
            }
            Ok(())
        }),
    };
    // A refusal (a rule, a duplicate link) is a step like any other; a broken store is not.
    match outcome {
        Ok(())
        | Err(
            StoreError::Rule(_) | StoreError::Duplicate { .. } | StoreError::VersionRequired | StoreError::StaleVersion,
        ) => {}
        Err(StoreError::Database(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ))) => {}
        Err(error) => panic!("{write:?}: {error}"),
    }
}

on_both_stores!(fn after_any_sequence_of_writes_the_kept_figures_equal_a_full_recompute(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let firm = small_firm(&mut conn, now);
    drop(conn);
    let mut runner = TestRunner::new(Config { cases: 24, failure_persistence: None, ..Config::default() });
    runner
        .run(&proptest::collection::vec(a_write(), 1..12), |writes| {
            let mut conn = store.conn().expect("conn");
            for write in &writes {
                apply(&mut conn, &firm, write, now);
            }
            let kept = stored(&mut conn);
            let full = figures::recompute_all(&mut conn, now).expect("recompute all");
            prop_assert_eq!(full.written, 0, "a full recompute found stale figures after {:?}", writes);
            prop_assert_eq!(&stored(&mut conn), &kept);
            prop_assert_eq!(
                totals::totals_by_team(&mut conn).expect("totals"),
                totals::recount(&mut conn).expect("recount")
            );
            if let Err(disagreement) = people_figures_agree(&mut conn, now) {
                return Err(TestCaseError::fail(format!("{disagreement} after {writes:?}")));
            }
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
});
