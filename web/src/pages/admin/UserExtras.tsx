/**
 * The parts of the admin's user form that are records of their own: the teams a sales lead
 * leads (`PUT`/`DELETE /teams/{id}/leads/{user_id}`, read from `lead_ids` of `GET /teams`),
 * and a user's default team (`GET`/`PUT /users/{id}/default-team`: the colleagues who join
 * every account the user creates). Each is saved on its own, apart from the user's fields.
 */
import { useEffect, useState } from "preact/hooks";
import type { components } from "../../api/schema";
import type { Access, AssignmentRole, Team, User } from "../../api/types";
import { ASSIGNMENT_ROLES } from "../../api/types";
import { useApp } from "../../app/context";
import { refreshDirectory } from "../../app/directory";
import { codeLabel } from "../../app/labels";
import { useApi } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import { Check, ChoiceGroup, LoadView, ProblemBanner, SelectField } from "../../components/ui";
import { t } from "../../i18n";

type DefaultTeam = components["schemas"]["DefaultTeam"];
type Member = DefaultTeam["members"][number];

const ACCESSES: readonly Access[] = ["edit", "read"];

/** The names of the teams a user leads, from the teams' `lead_ids`. */
export function teamsLedBy(teams: readonly Team[], userId: string): Team[] {
  return teams.filter((team) => team.lead_ids.includes(userId));
}

/** Ticks the teams a sales lead leads; each tick is saved at once. */
export function LeadTeams(props: { teams: Team[]; user: User }) {
  const { client, user: me } = useApp();
  const [led, setLed] = useState(() => teamsLedBy(props.teams, props.user.id).map((t) => t.id));
  const submit = useSubmit(["user_id"]);

  async function toggle(teamId: string) {
    const leading = led.includes(teamId);
    const path = `/teams/${encodeURIComponent(teamId)}/leads/${encodeURIComponent(props.user.id)}`;
    const flip = (ids: string[]) =>
      ids.includes(teamId) ? ids.filter((id) => id !== teamId) : [...ids, teamId];
    // The tick shows at once; a refused change puts it back.
    setLed(flip);
    const ok = await submit.run(() => (leading ? client.delete(path) : client.put(path)));
    if (ok) refreshDirectory(client, me);
    else setLed(flip);
  }

  return (
    <div class="lead-teams">
      <ChoiceGroup
        legend={t("adminUsers.leadsTeams")}
        hint={t("adminUsers.leadsTeamsHint")}
        error={submit.fieldErrors.user_id}
      >
        {props.teams.map((team) => (
          <Check
            key={team.id}
            name="lead_team"
            value={team.id}
            checked={led.includes(team.id)}
            disabled={submit.busy}
            onChange={() => void toggle(team.id)}
          >
            {team.name}
          </Check>
        ))}
      </ChoiceGroup>
      <ProblemBanner problem={submit.banner} />
    </div>
  );
}

/** Edits the colleagues who join every account the user creates. */
export function DefaultTeamEditor(props: { user: User; users: User[] }) {
  const path = `/users/${encodeURIComponent(props.user.id)}/default-team`;
  const loaded = useApi<DefaultTeam>(path);
  return (
    <div class="lead-teams">
      <LoadView state={loaded.state} what={t("adminUsers.defaultTeamWhat")}>
        {(team) => (
          <DefaultTeamForm
            path={path}
            initial={team.members}
            users={props.users.filter((u) => u.id !== props.user.id)}
          />
        )}
      </LoadView>
    </div>
  );
}

function DefaultTeamForm(props: { path: string; initial: Member[]; users: User[] }) {
  const { client } = useApp();
  const [members, setMembers] = useState(props.initial);
  const [adding, setAdding] = useState<Member>({ user_id: "", role: "co_owner", access: "edit" });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(["members"]);
  useEffect(() => setSaved(false), [members]);
  const name = (id: string) => props.users.find((u) => u.id === id)?.display_name ?? id;
  const free = props.users.filter((u) => !members.some((m) => m.user_id === u.id));

  async function save() {
    const ok = await submit.run(() => client.put(props.path, { members }));
    if (ok) setSaved(true);
  }

  return (
    <fieldset class="choice-group" aria-describedby={undefined}>
      <legend>{t("adminUsers.defaultTeam")}</legend>
      <p class="field-hint">{t("adminUsers.defaultTeamHint")}</p>
      {members.length === 0 ? (
        <p class="muted small">{t("adminUsers.defaultTeamEmpty")}</p>
      ) : (
        <ul class="plain-list" data-testid="default-team">
          {members.map((m) => (
            <li key={m.user_id} class="policy">
              <span>
                {t("adminUsers.defaultTeamMember", {
                  name: name(m.user_id),
                  role: codeLabel("assignmentRole", m.role),
                  access: codeLabel("access", m.access),
                })}
              </span>
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={t("adminUsers.removeFromDefaultTeam", { name: name(m.user_id) })}
                onClick={() => setMembers((all) => all.filter((x) => x.user_id !== m.user_id))}
              >
                {t("adminUsers.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="form-grid">
        <SelectField
          label={t("adminUsers.colleague")}
          name="default_team_user"
          value={adding.user_id}
          placeholder={t("adminUsers.chooseColleague")}
          options={free.map((u) => ({ value: u.id, label: u.display_name }))}
          onChange={(user_id) => setAdding((a) => ({ ...a, user_id }))}
        />
        <SelectField
          label={t("adminUsers.teamRole")}
          name="default_team_role"
          value={adding.role}
          options={ASSIGNMENT_ROLES.map((r) => ({
            value: r,
            label: codeLabel("assignmentRole", r),
          }))}
          onChange={(role) => setAdding((a) => ({ ...a, role: role as AssignmentRole }))}
        />
        <SelectField
          label={t("adminUsers.access")}
          name="default_team_access"
          value={adding.access}
          options={ACCESSES.map((a) => ({ value: a, label: codeLabel("access", a) }))}
          onChange={(access) => setAdding((a) => ({ ...a, access: access as Access }))}
        />
      </div>
      <div class="form-actions">
        <button
          type="button"
          class="button button-small"
          disabled={!adding.user_id}
          onClick={() => {
            setMembers((all) => [...all, adding]);
            setAdding((a) => ({ ...a, user_id: "" }));
          }}
        >
          {t("adminUsers.addToDefaultTeam")}
        </button>
        <button
          type="button"
          class="button button-primary button-small"
          disabled={submit.busy}
          onClick={() => void save()}
        >
          {t("adminUsers.saveDefaultTeam")}
        </button>
        {saved && (
          <span class="saved-note" role="status">
            {t("adminUsers.defaultTeamSaved")}
          </span>
        )}
      </div>
      {submit.fieldErrors.members && <p class="field-error">{submit.fieldErrors.members}</p>}
      <ProblemBanner problem={submit.banner} />
    </fieldset>
  );
}
