import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Account, Team } from "../api/types";
import { TIERS } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { permissionsOf, withinTeams } from "../app/permissions";
import { isCurrencyCode, minorToInput, parseMoneyInput } from "../app/forms";
import { useSubmit } from "../app/useSubmit";
import { ProblemBanner, SelectField, TextField } from "./ui";
import { t } from "../i18n";
import { codeLabel, tierLabel } from "../app/labels";

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
  if (!values.name.trim()) errors.name = t("accountForm.enterTheClientSName");
  if (!TIERS.includes(values.tier as Account["tier"])) errors.tier = t("accountForm.chooseATier");
  if (!values.region.trim()) errors.region = t("accountForm.enterARegion");
  if (!values.team_id) errors.team_id = t("accountForm.chooseTheTeamTheAccount");
  if (!isCurrencyCode(currency)) errors.currency = t("accountForm.useAThreeLetterIso");
  const minor = parseMoneyInput(values.annual_value, isCurrencyCode(currency) ? currency : "EUR");
  if (minor === null) errors.annual_value_minor = t("accountForm.enterAnAmountLike250000");
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
    teamOptions.unshift({
      value: values.team_id,
      label: current?.name ?? t("accountForm.currentTeam"),
    });
  }

  return (
    <form class="form form-grid" onSubmit={save} noValidate>
      <ProblemBanner problem={submit.banner} />
      <TextField
        label={t("common.name")}
        name="name"
        value={values.name}
        ref={nameRef}
        error={submit.fieldErrors.name}
        onInput={set("name")}
        class="span-2"
      />
      <SelectField
        label={t("common.tier")}
        name="tier"
        value={values.tier}
        options={TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))}
        error={submit.fieldErrors.tier}
        onChange={(tier) => setValues((v) => ({ ...v, tier: tier as Account["tier"] }))}
      />
      <TextField
        label={t("common.region")}
        name="region"
        value={values.region}
        error={submit.fieldErrors.region}
        onInput={set("region")}
      />
      <SelectField
        label={t("common.team")}
        name="team_id"
        value={values.team_id}
        placeholder={t("accountForm.chooseATeam")}
        options={teamOptions}
        error={submit.fieldErrors.team_id}
        onChange={(team_id) => setValues((v) => ({ ...v, team_id }))}
      />
      <TextField
        label={t("common.annualValue")}
        name="annual_value"
        inputMode="decimal"
        value={values.annual_value}
        hint={t("accountForm.inTheAccountSCurrency")}
        error={submit.fieldErrors.annual_value_minor}
        onInput={set("annual_value")}
      />
      <TextField
        label={t("accountForm.currency")}
        name="currency"
        value={values.currency}
        maxLength={3}
        error={submit.fieldErrors.currency}
        onInput={set("currency")}
      />
      <TextField
        label={t("accountForm.externalIdOptional")}
        name="external_id"
        value={values.external_id}
        error={submit.fieldErrors.external_id}
        onInput={set("external_id")}
      />
      {existing && (
        <SelectField
          label={t("common.status")}
          name="status"
          value={values.status}
          options={[
            { value: "active", label: codeLabel("accountStatus", "active") },
            { value: "churned", label: codeLabel("accountStatus", "churned") },
          ]}
          error={submit.fieldErrors.status}
          onChange={(status) => setValues((v) => ({ ...v, status: status as "active" }))}
        />
      )}
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy
            ? t("common.saving")
            : existing
              ? t("accountForm.saveAccount")
              : t("accountForm.createAccount")}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
