import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { CoveragePolicy, Role, Team, Tier, User } from "../api/types";
import { ROLES, TIERS } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { refreshDirectory, useDirectory } from "../app/directory";
import { formatDate, formatList } from "../app/format";
import { usePagedList } from "../app/useApi";
import { useSubmit } from "../app/useSubmit";
import {
  Badge,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  ProblemBanner,
  SelectField,
  Sentence,
  slot,
  TextField,
} from "../components/ui";
import { t } from "../i18n";
import { codeLabel, tierLabel } from "../app/labels";
import { permissionsOf } from "../app/permissions";
import { ImportExportSection } from "./admin/ImportExport";
import { SettingsSection } from "./admin/Settings";
import { DefaultTeamEditor, LeadTeams, teamsLedBy } from "./admin/UserExtras";

const roleOptions = () => ROLES.map((r) => ({ value: r, label: codeLabel("role", r) }));
const STATUS_TONE = { active: "good", leaving: "warn", departed: "neutral" } as const;

export function AdminPage() {
  const permissions = permissionsOf(useApp().user);
  return (
    <>
      <PageHeader title={t("admin.usersTeams")} description={t("admin.whoCanSignInAnd")} />
      <TeamsSection />
      <UsersSection />
      <PoliciesSection />
      {permissions.may_import && <ImportExportSection />}
      {permissions.may_manage_settings && <SettingsSection />}
    </>
  );
}

function TeamsSection() {
  const { client, user } = useApp();
  const teams = usePagedList<Team>("/teams", {}, 100);
  const [name, setName] = useState("");
  const submit = useSubmit(["name"]);

  async function create(event: Event) {
    event.preventDefault();
    if (!name.trim()) return submit.setFieldErrors({ name: t("admin.enterTeamName") });
    const ok = await submit.run(() => client.post("/teams", { name: name.trim() }));
    if (ok) {
      setName("");
      teams.reload();
      refreshDirectory(client, user);
    }
  }

  return (
    <section class="panel" aria-labelledby="teams-title">
      <h2 id="teams-title">{t("common.teams")}</h2>
      <LoadView state={teams.state} what={t("admin.teams")} onRetry={teams.reload}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">{t("admin.noTeamsYetEveryAccount")}</p>
          ) : (
            <ul class="chip-list" data-testid="teams">
              {items.map((t) => (
                <li key={t.id} class="chip">
                  {t.name}
                </li>
              ))}
            </ul>
          )
        }
      </LoadView>
      <form
        class="inline-form inline-row"
        onSubmit={create}
        noValidate
        aria-label={t("admin.newTeam")}
      >
        <TextField
          label={t("admin.newTeam")}
          name="name"
          value={name}
          error={submit.fieldErrors.name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button" disabled={submit.busy}>
          {t("admin.createTeam")}
        </button>
        <ProblemBanner problem={submit.banner} />
      </form>
    </section>
  );
}

function UsersSection() {
  const users = usePagedList<User>("/users", {}, 100);
  const directory = useDirectory();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section class="panel" aria-labelledby="users-title">
      <div class="panel-head">
        <h2 id="users-title">{t("admin.users")}</h2>
        {!creating && (
          <button type="button" class="button button-small" onClick={() => setCreating(true)}>
            {t("admin.newUser")}
          </button>
        )}
      </div>
      {creating && (
        <UserForm
          teams={directory.teams}
          onDone={(changed) => {
            setCreating(false);
            if (changed) users.reload();
          }}
        />
      )}
      <LoadView state={users.state} what={t("admin.users2")} onRetry={users.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title={t("admin.noUsersYet")} icon="◍" />
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="users-table">
                  <caption class="sr-only">{t("admin.users")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("common.name")}</th>
                      <th scope="col">{t("common.role")}</th>
                      <th scope="col">{t("common.team")}</th>
                      <th scope="col">{t("common.status")}</th>
                      <th scope="col">{t("common.leaveDate")}</th>
                      <th scope="col">
                        <span class="sr-only">{t("common.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((u) =>
                      editing === u.id ? (
                        <tr key={u.id}>
                          <td colSpan={6}>
                            <UserForm
                              teams={directory.teams}
                              users={directory.users}
                              user={u}
                              onDone={(changed) => {
                                setEditing(null);
                                if (changed) users.reload();
                              }}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={u.id}>
                          <th scope="row" class="strong cell-title">
                            {u.display_name}
                            <div class="muted small">{u.email}</div>
                          </th>
                          <td data-label={t("common.role")}>{codeLabel("role", u.role)}</td>
                          <td data-label={t("common.team")}>
                            {u.team_id ? directory.teamName(u.team_id) : "—"}
                            {u.role === "sales_lead" && (
                              <div class="muted small">
                                {teamsLedBy(directory.teams, u.id).length
                                  ? t("adminUsers.leads", {
                                      teams: formatList(
                                        teamsLedBy(directory.teams, u.id).map((team) => team.name),
                                      ),
                                    })
                                  : t("adminUsers.leadsNoTeam")}
                              </div>
                            )}
                          </td>
                          <td data-label={t("common.status")}>
                            <Badge tone={STATUS_TONE[u.status ?? "active"] ?? "neutral"}>
                              {codeLabel("userStatus", u.status ?? "active")}
                            </Badge>
                          </td>
                          <td data-label={t("common.leaveDate")}>{formatDate(u.leave_date)}</td>
                          <td class="cell-actions">
                            <button
                              type="button"
                              class="button button-ghost button-small"
                              aria-label={t("admin.editDisplayName", {
                                display_name: u.display_name,
                              })}
                              onClick={() => setEditing(u.id)}
                            >
                              {t("common.edit")}
                            </button>
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
              <LoadMore
                nextCursor={nextCursor}
                loading={users.loadingMore}
                error={users.moreError}
                onLoadMore={users.loadMore}
              />
            </>
          )
        }
      </LoadView>
    </section>
  );
}

const USER_FIELDS = ["email", "display_name", "role", "team_id", "password"] as const;

/** Checks the user form; a new user needs a password (the server checks its strength). */
export function checkUserForm(
  values: { email: string; display_name: string; role: string; password: string },
  isNew: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim()))
    errors.email = t("admin.enterAnEmailAddressLike");
  if (!values.display_name.trim()) errors.display_name = t("admin.enterThePersonSName");
  if (!ROLES.includes(values.role as Role)) errors.role = t("admin.chooseARole");
  if (isNew && values.password.length < 12) errors.password = t("admin.useAtLeast12Characters");
  return errors;
}

function UserForm(props: {
  teams: Team[];
  users?: User[];
  user?: User;
  onDone: (changed: boolean) => void;
}) {
  const { client, user: me } = useApp();
  const u = props.user;
  const [values, setValues] = useState({
    email: u?.email ?? "",
    display_name: u?.display_name ?? "",
    role: u?.role ?? "member",
    team_id: u?.team_id ?? "",
    password: "",
  });
  const submit = useSubmit(USER_FIELDS);
  const first = useRef<HTMLInputElement>(null);
  // Focus before the form can be typed into, so no keystroke lands elsewhere.
  useLayoutEffect(() => first.current?.focus(), []);
  const set = (key: keyof typeof values) => (e: Event) =>
    setValues((v) => ({ ...v, [key]: (e.currentTarget as HTMLInputElement).value }));

  async function save(event: Event) {
    event.preventDefault();
    const errors = checkUserForm(values, !u);
    if (Object.keys(errors).length) return submit.setFieldErrors(errors);
    const ok = await submit.run(() =>
      u
        ? client.patch(
            `/users/${encodeURIComponent(u.id)}`,
            {
              display_name: values.display_name.trim(),
              role: values.role,
              team_id: values.team_id || null,
            },
            { ifMatch: ifMatch(u) },
          )
        : client.post("/users", {
            email: values.email.trim(),
            display_name: values.display_name.trim(),
            role: values.role,
            team_id: values.team_id || null,
            password: values.password,
          }),
    );
    if (ok) {
      refreshDirectory(client, me);
      props.onDone(true);
    }
  }

  return (
    <form
      class="form form-grid inline-form"
      onSubmit={save}
      noValidate
      aria-label={
        u ? t("admin.editDisplayName", { display_name: u.display_name }) : t("admin.newUser")
      }
    >
      <ProblemBanner problem={submit.banner} />
      <TextField
        label={t("common.email")}
        name="email"
        type="email"
        autoComplete="off"
        value={values.email}
        ref={first}
        disabled={!!u}
        error={submit.fieldErrors.email}
        onInput={set("email")}
      />
      <TextField
        label={t("admin.displayName")}
        name="display_name"
        value={values.display_name}
        error={submit.fieldErrors.display_name}
        onInput={set("display_name")}
      />
      <SelectField
        label={t("common.role")}
        name="role"
        value={values.role}
        options={roleOptions()}
        error={submit.fieldErrors.role}
        onChange={(role) => setValues((v) => ({ ...v, role: role as Role }))}
      />
      <SelectField
        label={t("common.team")}
        name="team_id"
        value={values.team_id}
        placeholder={t("admin.noTeam")}
        options={props.teams.map((t) => ({ value: t.id, label: t.name }))}
        error={submit.fieldErrors.team_id}
        onChange={(team_id) => setValues((v) => ({ ...v, team_id }))}
      />
      {!u && (
        <TextField
          label={t("admin.firstPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          hint={t("admin.theyCanChangeItAfter")}
          error={submit.fieldErrors.password}
          onInput={set("password")}
        />
      )}
      {!u && values.role === "sales_lead" && (
        <p class="field-hint span-all">{t("adminUsers.newLeadLeadsTeam")}</p>
      )}
      {u?.role === "sales_lead" && <LeadTeams teams={props.teams} user={u} />}
      {u && <DefaultTeamEditor user={u} users={props.users ?? []} />}
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? t("common.saving") : u ? t("admin.saveUser") : t("admin.createUser")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

const POLICY_FIELDS = ["tier", "min_holders", "min_current_contacts"] as const;

/** Reads a small non-negative whole number typed into a form. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  return Number(t);
}

function PoliciesSection() {
  const policies = usePagedList<CoveragePolicy>("/coverage-policies", {}, 50);
  const [creating, setCreating] = useState(false);
  return (
    <section class="panel" aria-labelledby="policies-title">
      <div class="panel-head">
        <h2 id="policies-title">{t("admin.coveragePolicies")}</h2>
        {!creating && policies.state.status === "ok" && (
          <button type="button" class="button button-small" onClick={() => setCreating(true)}>
            {t("admin.newPolicy")}
          </button>
        )}
      </div>
      <p class="muted small">{t("admin.howManyHoldersOnOur")}</p>
      {creating && (
        <PolicyForm
          onDone={(changed) => {
            setCreating(false);
            if (changed) policies.reload();
          }}
        />
      )}
      <LoadView
        state={policies.state}
        what={t("admin.coveragePolicies2")}
        onRetry={policies.reload}
      >
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">{t("admin.noPolicyYetNoTier")}</p>
          ) : (
            <ul class="policy-list" data-testid="policies">
              {[...items]
                .sort((a, b) => a.tier.localeCompare(b.tier))
                .map((p) => (
                  <PolicyItem key={p.id} policy={p} onChanged={policies.reload} />
                ))}
            </ul>
          )
        }
      </LoadView>
    </section>
  );
}

function PolicyItem(props: { policy: CoveragePolicy; onChanged: () => void }) {
  const { client } = useApp();
  const p = props.policy;
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useSubmit([]);
  if (editing) {
    return (
      <li>
        <PolicyForm
          policy={p}
          onDone={(changed) => {
            setEditing(false);
            if (changed) props.onChanged();
          }}
        />
      </li>
    );
  }
  return (
    <li class="policy">
      <span>
        <Sentence
          text={t("admin.policyLine", {
            tier: slot("tier"),
            holders: t("admin.holderCount", { count: p.min_holders }),
            contacts: t("admin.currentContactCount", { count: p.min_current_contacts }),
          })}
          parts={{ tier: <strong>{tierLabel(p.tier)}</strong> }}
        />
      </span>
      <span class="policy-actions">
        <button
          type="button"
          class="button button-ghost button-small"
          aria-label={t("admin.editTheTierTierPolicy", { tier: p.tier })}
          onClick={() => setEditing(true)}
        >
          {t("common.edit")}
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              class="button button-danger button-small"
              disabled={remove.busy}
              onClick={() =>
                remove
                  .run(() =>
                    client.delete(`/coverage-policies/${encodeURIComponent(p.id)}`, {
                      ifMatch: ifMatch(p),
                    }),
                  )
                  .then((ok) => ok && props.onChanged())
              }
            >
              {t("admin.confirmDelete")}
            </button>
            <button type="button" class="button button-small" onClick={() => setConfirming(false)}>
              {t("common.keep")}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button button-ghost button-small"
            aria-label={t("admin.deleteTheTierTierPolicy", { tier: p.tier })}
            onClick={() => setConfirming(true)}
          >
            {t("common.delete")}
          </button>
        )}
      </span>
      <ProblemBanner problem={remove.banner} />
    </li>
  );
}

function PolicyForm(props: { policy?: CoveragePolicy; onDone: (changed: boolean) => void }) {
  const { client } = useApp();
  const p = props.policy;
  const [tier, setTier] = useState<Tier>(p?.tier ?? "A");
  const [holders, setHolders] = useState(String(p?.min_holders ?? 2));
  const [contacts, setContacts] = useState(String(p?.min_current_contacts ?? 3));
  const submit = useSubmit(POLICY_FIELDS);

  async function save(event: Event) {
    event.preventDefault();
    const minHolders = parseCount(holders);
    const minContacts = parseCount(contacts);
    const errors: Record<string, string> = {};
    if (minHolders === null) errors.min_holders = t("admin.enterAWholeNumberE");
    if (minContacts === null) errors.min_current_contacts = t("admin.enterAWholeNumberE2");
    if (Object.keys(errors).length) return submit.setFieldErrors(errors);
    const minimums = { min_holders: minHolders, min_current_contacts: minContacts };
    // A policy belongs to its tier: an edit changes only the minimums.
    const ok = await submit.run(() =>
      p
        ? client.patch(`/coverage-policies/${encodeURIComponent(p.id)}`, minimums, {
            ifMatch: ifMatch(p),
          })
        : client.post("/coverage-policies", { tier, ...minimums }),
    );
    if (ok) props.onDone(true);
  }

  return (
    <form
      class="form form-grid inline-form"
      onSubmit={save}
      noValidate
      aria-label={
        p ? t("admin.editTheTierTierPolicy", { tier: p.tier }) : t("admin.newCoveragePolicy")
      }
    >
      <ProblemBanner problem={submit.banner} />
      <SelectField
        label={t("common.tier")}
        name="tier"
        value={tier}
        disabled={!!p}
        options={TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))}
        error={submit.fieldErrors.tier}
        onChange={(t) => setTier(t as Tier)}
      />
      <TextField
        label={t("admin.minimumHolders")}
        name="min_holders"
        inputMode="numeric"
        value={holders}
        error={submit.fieldErrors.min_holders}
        onInput={(e) => setHolders((e.currentTarget as HTMLInputElement).value)}
      />
      <TextField
        label={t("admin.minimumCurrentContacts")}
        name="min_current_contacts"
        inputMode="numeric"
        value={contacts}
        error={submit.fieldErrors.min_current_contacts}
        onInput={(e) => setContacts((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? t("common.saving") : t("admin.savePolicy")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
