/** The campaign form and its equal-treatment report: drafts, API bodies, warnings. */
import type {
  Campaign,
  CampaignBody,
  CampaignKind,
  CampaignReport,
  CampaignTarget,
  Tier,
} from "../api/types";
import { TIERS } from "../api/types";
import { minorToInput, parseMoneyInput } from "./forms";
import { t } from "../i18n";
import { codeLabel } from "./labels";

export interface PickedAccount {
  id: string;
  name: string;
}

export interface CampaignDraft {
  name: string;
  kind: CampaignKind;
  /** "" is firm-wide. */
  teamId: string;
  mode: "filter" | "accounts";
  tiers: Tier[];
  /** Comma-separated, as typed. */
  regions: string;
  teamIds: string[];
  minValue: string;
  maxValue: string;
  accounts: PickedAccount[];
}

export function emptyCampaignDraft(teamId = ""): CampaignDraft {
  return {
    name: "",
    kind: "mailing",
    teamId,
    mode: "filter",
    tiers: [],
    regions: "",
    teamIds: [],
    minValue: "",
    maxValue: "",
    accounts: [],
  };
}

export function draftFromCampaign(
  campaign: Campaign,
  accountName: (id: string) => string = (id) => `Account ${id}`,
  currency = "EUR",
): CampaignDraft {
  const draft = emptyCampaignDraft(campaign.team_id ?? "");
  draft.name = campaign.name;
  draft.kind = campaign.kind;
  if ("account_ids" in campaign.target) {
    draft.mode = "accounts";
    draft.accounts = campaign.target.account_ids.map((id) => ({ id, name: accountName(id) }));
  } else {
    const f = campaign.target.filter ?? {};
    draft.tiers = TIERS.filter((t) => f.tiers?.includes(t));
    draft.regions = (f.regions ?? []).join(", ");
    draft.teamIds = [...(f.team_ids ?? [])];
    draft.minValue = minorToInput(f.min_value_minor, currency);
    draft.maxValue = minorToInput(f.max_value_minor, currency);
  }
  return draft;
}

/** Splits "North, South ,," into ["North", "South"], without repeats. */
export function parseRegions(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
}

/** The target a draft describes; null values and empty lists are left out. */
export function targetOf(
  draft: CampaignDraft,
  currency = "EUR",
): { target: CampaignTarget | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (draft.mode === "accounts") {
    if (draft.accounts.length === 0)
      errors["target.account_ids"] = t("campaignForm.addAtLeastOneAccount");
    return {
      target: errors["target.account_ids"]
        ? null
        : { account_ids: [...new Set(draft.accounts.map((a) => a.id))] },
      errors,
    };
  }
  const filter: NonNullable<Extract<CampaignTarget, { filter: unknown }>["filter"]> = {};
  if (draft.tiers.length) filter.tiers = TIERS.filter((t) => draft.tiers.includes(t));
  const regions = parseRegions(draft.regions);
  if (regions.length) filter.regions = regions;
  if (draft.teamIds.length) filter.team_ids = [...new Set(draft.teamIds)];
  const min = draft.minValue.trim() ? parseMoneyInput(draft.minValue, currency) : null;
  const max = draft.maxValue.trim() ? parseMoneyInput(draft.maxValue, currency) : null;
  if (draft.minValue.trim() && min === null)
    errors["target.filter.min_value_minor"] = t("campaignForm.enterAnAmount");
  if (draft.maxValue.trim() && max === null)
    errors["target.filter.max_value_minor"] = t("campaignForm.enterAnAmount");
  if (min !== null && max !== null && min > max)
    errors["target.filter.max_value_minor"] = t("campaignForm.mustNotBeBelowThe");
  if (min !== null) filter.min_value_minor = min;
  if (max !== null) filter.max_value_minor = max;
  return { target: Object.keys(errors).length ? null : { filter }, errors };
}

/** Checks a draft and builds the body of create, update and preview. */
export function checkCampaign(
  draft: CampaignDraft,
  currency = "EUR",
): { errors: Record<string, string>; body: CampaignBody | null } {
  const { target, errors } = targetOf(draft, currency);
  const name = draft.name.trim();
  if (!name) errors.name = t("campaignForm.nameTheCampaign");
  if (!target || !name) return { errors, body: null };
  return { errors, body: { name, kind: draft.kind, team_id: draft.teamId || null, target } };
}

/** The body the preview may run on even before the campaign has a name. */
export function previewBody(draft: CampaignDraft, currency = "EUR"): CampaignBody | null {
  const { target } = targetOf(draft, currency);
  return target
    ? {
        name: draft.name.trim() || "Draft",
        kind: draft.kind,
        team_id: draft.teamId || null,
        target,
      }
    : null;
}

/** Sending a campaign that carries a warning needs a reason (the server refuses without). */
export function needsAcknowledgement(report: CampaignReport | null | undefined): boolean {
  return (report?.warnings ?? []).length > 0;
}

export function warningLabel(code: string): string {
  return codeLabel("campaignWarning", code);
}

/** A one-line account of what a target includes, for lists and sent campaigns. */
export function describeTarget(
  target: CampaignTarget,
  teamName: (id: string) => string,
  currency = "EUR",
  formatMoney: (minor: number, currency: string) => string = (m) => String(m),
): string {
  if ("account_ids" in target) {
    return t("campaignForm.chosenAccounts", { count: target.account_ids.length });
  }
  const f = target.filter ?? {};
  const parts: string[] = [];
  if (f.tiers?.length) parts.push(t("campaignForm.targetTiers", { tiers: f.tiers.join(", ") }));
  if (f.regions?.length) {
    parts.push(t("campaignForm.targetRegions", { regions: f.regions.join(", ") }));
  }
  if (f.team_ids?.length) {
    parts.push(t("campaignForm.targetTeams", { teams: f.team_ids.map(teamName).join(", ") }));
  }
  if (f.min_value_minor != null) {
    parts.push(t("campaignForm.targetMin", { value: formatMoney(f.min_value_minor, currency) }));
  }
  if (f.max_value_minor != null) {
    parts.push(t("campaignForm.targetMax", { value: formatMoney(f.max_value_minor, currency) }));
  }
  return parts.length
    ? t("campaignForm.targetActive", { parts: parts.join("; ") })
    : t("campaignForm.targetEvery");
}
