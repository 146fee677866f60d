/**
 * Words for the API's stable codes, in one place: each group is `codes.<group>.<code>` in the
 * catalogues. A code the server adds before the app knows it reads as the code itself,
 * humanised.
 */
import type { Tier } from "../api/types";
import { messageFor, t } from "../i18n";
import { humanise } from "./format";

export type CodeGroup =
  | "flag"
  | "flagDescription"
  | "role"
  | "assignmentRole"
  | "access"
  | "influence"
  | "interactionKind"
  | "band"
  | "userStatus"
  | "accountStatus"
  | "planStatus"
  | "handoverStatus"
  | "eventKind"
  | "eventStatus"
  | "campaignKind"
  | "campaignStatus"
  | "campaignWarning"
  | "edgeKind"
  | "boardColumn"
  | "boardColumnHint"
  | "complaintStatus"
  | "auditAction"
  | "auditEntity"
  | "field";

/** The word for `code` in `group`; the humanised code when the catalogues have none. */
export function codeLabel(group: CodeGroup, code: string | null | undefined): string {
  if (!code) return "—";
  return messageFor(`codes.${group}.${code}`) ?? humanise(code);
}

/** Like {@link codeLabel}, but nothing for a code the catalogues do not describe. */
export function codeText(group: CodeGroup, code: string): string | undefined {
  return messageFor(`codes.${group}.${code}`);
}

export const flagLabel = (code: string) => codeLabel("flag", code);

/** What each flag means, for tooltips and the dashboard legend (PRODUCT.md, flags table). */
export const flagDescription = (code: string) => codeText("flagDescription", code);

export const tierLabel = (tier: Tier | string) => t("codes.tier", { tier });
