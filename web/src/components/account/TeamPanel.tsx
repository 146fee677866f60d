import { useState } from "preact/hooks";
import type { Access, Assignment, AssignmentRole } from "../../api/types";
import { ASSIGNMENT_ROLES } from "../../api/types";
import { ifMatch } from "../../api/versions";
import { useApp } from "../../app/context";
import { useDirectory } from "../../app/directory";
import { formatDate } from "../../app/format";
import type { Load } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import { Badge, LoadView, ProblemBanner, SelectField } from "../ui";
import { t } from "../../i18n";
import { codeLabel } from "../../app/labels";

const roleOptions = () =>
  ASSIGNMENT_ROLES.map((r) => ({ value: r, label: codeLabel("assignmentRole", r) }));
const accessOptions = () =>
  (["edit", "read"] as const).map((a) => ({ value: a, label: codeLabel("access", a) }));
const FIELDS = ["user_id", "role", "access"] as const;

/** The account team: who is on it, in which role, with which access; history on demand. */
export function TeamPanel(props: {
  accountId: string;
  state: Load<{ items: Assignment[] }>;
  onRetry: () => void;
  canManage: boolean;
  onChanged: () => void;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <section class="panel" aria-labelledby="team-title">
      <div class="panel-head">
        <h2 id="team-title">{t("team.accountTeam")}</h2>
        {props.canManage && !adding && (
          <button type="button" class="button button-small" onClick={() => setAdding(true)}>
            {t("team.addToTeam")}
          </button>
        )}
      </div>
      <LoadView state={props.state} what={t("team.theAccountTeam")} onRetry={props.onRetry}>
        {(data) => {
          const items = data?.items ?? [];
          const open = items.filter((a) => !a.until);
          const closed = items.filter((a) => a.until);
          return (
            <>
              {adding && (
                <AddMember
                  accountId={props.accountId}
                  taken={open.map((a) => a.user_id)}
                  onDone={(changed) => {
                    setAdding(false);
                    if (changed) props.onChanged();
                  }}
                />
              )}
              {open.length === 0 ? (
                <p class="muted" role="status">
                  {t("team.nobodyIsAssignedThisAccount")}
                </p>
              ) : (
                <div class="table-wrap">
                  <table class="table table-cards table-compact" data-testid="team-table">
                    <caption class="sr-only">{t("team.openAssignments")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("common.person")}</th>
                        <th scope="col">{t("common.role")}</th>
                        <th scope="col">{t("team.access")}</th>
                        {props.canManage && (
                          <th scope="col">
                            <span class="sr-only">{t("common.actions")}</span>
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {open.map((a) => (
                        <AssignmentRow
                          key={a.user_id}
                          accountId={props.accountId}
                          assignment={a}
                          canManage={props.canManage}
                          onChanged={props.onChanged}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {closed.length > 0 && (
                <div class="history">
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    aria-expanded={showHistory}
                    onClick={() => setShowHistory((s) => !s)}
                  >
                    {showHistory
                      ? t("team.hideFormerMembers")
                      : t("team.formerMembersCount", { count: closed.length })}
                  </button>
                  {showHistory && (
                    <ul class="plain-list">
                      {closed.map((a) => (
                        <li key={`${a.user_id}-${a.since}`}>
                          <span class="strong">{a.display_name}</span>{" "}
                          <span class="muted">
                            {codeLabel("assignmentRole", a.role)}, {formatDate(a.since)} –{" "}
                            {formatDate(a.until)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

function AssignmentRow(props: {
  accountId: string;
  assignment: Assignment;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { client } = useApp();
  const a = props.assignment;
  const [role, setRole] = useState<AssignmentRole>(a.role);
  const [access, setAccess] = useState<Access>(a.access);
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmit(FIELDS);
  const path = `/accounts/${encodeURIComponent(props.accountId)}/team/${encodeURIComponent(a.user_id)}`;
  const dirty = role !== a.role || access !== a.access;

  const save = () =>
    submit
      .run(() => client.put(path, { role, access }, { ifMatch: ifMatch(a) }))
      .then((ok) => ok && props.onChanged());
  const remove = () =>
    submit
      .run(() => client.delete(path, { ifMatch: ifMatch(a) }))
      .then((ok) => ok && props.onChanged());

  return (
    <>
      <tr>
        <th scope="row" class="strong cell-title">
          {a.display_name}
          <div class="muted small">{t("team.since", { date: formatDate(a.since) })}</div>
          {a.user_status && a.user_status !== "active" && (
            <>
              {" "}
              <Badge tone={a.user_status === "leaving" ? "warn" : "neutral"}>
                {codeLabel("userStatus", a.user_status)}
              </Badge>
            </>
          )}
        </th>
        <td data-label={t("common.role")}>
          {props.canManage ? (
            <SelectField
              label={t("team.roleOfDisplayName", { display_name: a.display_name })}
              name="role"
              class="field-compact"
              value={role}
              options={roleOptions()}
              onChange={(v) => setRole(v as AssignmentRole)}
            />
          ) : (
            codeLabel("assignmentRole", a.role)
          )}
        </td>
        <td data-label={t("team.access")}>
          {props.canManage ? (
            <SelectField
              label={t("team.accessOfDisplayName", { display_name: a.display_name })}
              name="access"
              class="field-compact"
              value={access}
              options={accessOptions()}
              onChange={(v) => setAccess(v as Access)}
            />
          ) : (
            codeLabel("access", a.access)
          )}
        </td>
        {props.canManage && (
          <td class="cell-actions">
            {dirty && (
              <button
                type="button"
                class="button button-primary button-small"
                disabled={submit.busy}
                onClick={save}
              >
                {t("common.save")}
              </button>
            )}
            {confirming ? (
              <>
                <button
                  type="button"
                  class="button button-danger button-small"
                  disabled={submit.busy}
                  onClick={remove}
                >
                  {t("team.confirmRemoval")}
                </button>
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => setConfirming(false)}
                >
                  {t("common.keep")}
                </button>
              </>
            ) : (
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={t("team.removeDisplayNameFromThe", { display_name: a.display_name })}
                onClick={() => setConfirming(true)}
              >
                {t("common.remove")}
              </button>
            )}
          </td>
        )}
      </tr>
      {submit.banner && (
        <tr class="row-message">
          <td colSpan={4}>
            <ProblemBanner problem={submit.banner} />
          </td>
        </tr>
      )}
    </>
  );
}

function AddMember(props: {
  accountId: string;
  taken: string[];
  onDone: (changed: boolean) => void;
}) {
  const { client } = useApp();
  const directory = useDirectory();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<AssignmentRole>("co_owner");
  const [access, setAccess] = useState<Access>("edit");
  const submit = useSubmit(FIELDS);
  const candidates = directory.users.filter(
    (u) => (u.status ?? "active") === "active" && !props.taken.includes(u.id),
  );

  async function add(event: Event) {
    event.preventDefault();
    if (!userId) {
      submit.setFieldErrors({ user_id: t("team.chooseWhoJoins") });
      return;
    }
    const ok = await submit.run(() =>
      client.put(
        `/accounts/${encodeURIComponent(props.accountId)}/team/${encodeURIComponent(userId)}`,
        { role, access },
      ),
    );
    if (ok) props.onDone(true);
  }

  return (
    <form
      class="form form-grid inline-form"
      onSubmit={add}
      noValidate
      aria-label={t("team.addToTheAccountTeam")}
    >
      <ProblemBanner problem={submit.banner} />
      <SelectField
        label={t("common.person")}
        name="user_id"
        value={userId}
        placeholder={candidates.length ? t("common.choosePerson") : t("team.nobodyElseIsAvailable")}
        options={candidates.map((u) => ({ value: u.id, label: u.display_name }))}
        error={submit.fieldErrors.user_id}
        onChange={setUserId}
      />
      <SelectField
        label={t("common.role")}
        name="role"
        value={role}
        options={roleOptions()}
        error={submit.fieldErrors.role}
        onChange={(v) => setRole(v as AssignmentRole)}
      />
      <SelectField
        label={t("team.access")}
        name="access"
        value={access}
        options={accessOptions()}
        error={submit.fieldErrors.access}
        onChange={(v) => setAccess(v as Access)}
      />
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? t("team.adding") : t("common.add")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
