import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Account, Team } from "../api/types";
import { TIERS } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { permissionsOf, withinTeams } from "../app/permissions";
import { isCurrencyCode, minorToInput, parseMoneyInput } from "../app/forms";
import { useSubmit } from "../app/useSubmit";
import { ProblemBanner, SelectField, TextField } from "./ui";

const FIELDS = [
  "name",
  "tier",
  "region",
  "team_id",
  "annual_value_minor",
  "currency",
  "external_id",
  "status",
] as const;

/** Checks the account form; answers the API body or the errors per field. */
export function checkAccountForm(values: {
  name: string;
  tier: string;
  region: string;
  team_id: string;
  annual_value: string;
  currency: string;
  external_id: string;
}): { errors: Record<string, string>; body: Record<string, unknown> | null } {
  const errors: Record<string, string> = {};
  const currency = values.currency.trim().toUpperCase();
  if (!values.name.trim()) errors.name = "Enter the client's name.";
  if (!TIERS.includes(values.tier as Account["tier"])) errors.tier = "Choose a tier.";
  if (!values.region.trim()) errors.region = "Enter a region.";
  if (!values.team_id) errors.team_id = "Choose the team the account belongs to.";
  if (!isCurrencyCode(currency)) errors.currency = "Use a three-letter ISO code, e.g. EUR.";
  const minor = parseMoneyInput(values.annual_value, isCurrencyCode(currency) ? currency : "EUR");
  if (minor === null) errors.annual_value_minor = "Enter an amount like 250000 or 1,250,000.50.";
  if (Object.keys(errors).length > 0) return { errors, body: null };
  const body: Record<string, unknown> = {
    name: values.name.trim(),
    tier: values.tier,
    region: values.region.trim(),
    team_id: values.team_id,
    annual_value_minor: minor,
    currency,
  };
  if (values.external_id.trim()) body.external_id = values.external_id.trim();
  return { errors, body };
}

/** Creates an account, or edits one (PATCH with If-Match) when `account` is given. */
export function AccountForm(props: {
  teams: Team[];
  account?: Account;
  defaultTeamId?: string;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}) {
  const { client, user } = useApp();
  const existing = props.account;
  const [values, setValues] = useState({
    name: existing?.name ?? "",
    tier: existing?.tier ?? "B",
    region: existing?.region ?? "",
    team_id: existing?.team_id ?? props.defaultTeamId ?? "",
    annual_value: existing ? minorToInput(existing.annual_value_minor, existing.currency) : "",
    currency: existing?.currency ?? "EUR",
    external_id: existing?.external_id ?? "",
    status: existing?.status ?? "active",
  });
  const submit = useSubmit(FIELDS);
  const nameRef = useRef<HTMLInputElement>(null);
  // Focus before the form can be typed into, so no keystroke lands elsewhere.
  useLayoutEffect(() => nameRef.current?.focus(), []);

  const set = (key: keyof typeof values) => (e: Event) =>
    setValues((v) => ({ ...v, [key]: (e.currentTarget as HTMLInputElement).value }));

  async function save(event: Event) {
    event.preventDefault();
    const { errors, body } = checkAccountForm(values);
    if (!body) {
      submit.setFieldErrors(errors);
      submit.setBanner(null);
      return;
    }
    await submit.run(async () => {
      if (existing) {
        body.status = values.status;
        if (!values.external_id.trim() && existing.external_id) body.external_id = null;
        const saved = await client.patch<Account>(
          `/accounts/${encodeURIComponent(existing.id)}`,
          body,
          { ifMatch: ifMatch(existing) },
        );
        props.onSaved(saved);
      } else {
        props.onSaved(await client.post<Account>("/accounts", body));
      }
    });
  }

  // Members place accounts in their own team, sales leads in the teams they lead.
  const placeable = withinTeams(props.teams, permissionsOf(user).account_team_ids);
  const teamOptions = placeable.map((t) => ({ value: t.id, label: t.name }));
  if (values.team_id && !placeable.some((t) => t.id === values.team_id)) {
    const current = props.teams.find((t) => t.id === values.team_id);
    teamOptions.unshift({ value: values.team_id, label: current?.name ?? "Current team" });
  }

  return (
    <form class="form form-grid" onSubmit={save} noValidate>
      <ProblemBanner problem={submit.banner} />
      <TextField
        label="Name"
        name="name"
        value={values.name}
        ref={nameRef}
        error={submit.fieldErrors.name}
        onInput={set("name")}
        class="span-2"
      />
      <SelectField
        label="Tier"
        name="tier"
        value={values.tier}
        options={TIERS.map((t) => ({ value: t, label: `Tier ${t}` }))}
        error={submit.fieldErrors.tier}
        onChange={(tier) => setValues((v) => ({ ...v, tier: tier as Account["tier"] }))}
      />
      <TextField
        label="Region"
        name="region"
        value={values.region}
        error={submit.fieldErrors.region}
        onInput={set("region")}
      />
      <SelectField
        label="Team"
        name="team_id"
        value={values.team_id}
        placeholder="Choose a team"
        options={teamOptions}
        error={submit.fieldErrors.team_id}
        onChange={(team_id) => setValues((v) => ({ ...v, team_id }))}
      />
      <TextField
        label="Annual value"
        name="annual_value"
        inputMode="decimal"
        value={values.annual_value}
        hint="In the account's currency, e.g. 250000"
        error={submit.fieldErrors.annual_value_minor}
        onInput={set("annual_value")}
      />
      <TextField
        label="Currency"
        name="currency"
        value={values.currency}
        maxLength={3}
        error={submit.fieldErrors.currency}
        onInput={set("currency")}
      />
      <TextField
        label="External id (optional)"
        name="external_id"
        value={values.external_id}
        error={submit.fieldErrors.external_id}
        onInput={set("external_id")}
      />
      {existing && (
        <SelectField
          label="Status"
          name="status"
          value={values.status}
          options={[
            { value: "active", label: "Active" },
            { value: "churned", label: "Churned" },
          ]}
          error={submit.fieldErrors.status}
          onChange={(status) => setValues((v) => ({ ...v, status: status as "active" }))}
        />
      )}
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? "Saving…" : existing ? "Save account" : "Create account"}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
