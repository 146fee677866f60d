import type { RiskBand } from "../api/types";
import { codeLabel, flagDescription, flagLabel } from "../app/labels";
import { BAND_TONE, riskBand, sortFlags } from "../app/risk";
import { Badge } from "./ui";
import { t } from "../i18n";

/** The score with its band, e.g. "72 · High". */
export function RiskBadge(props: { score: number | null | undefined }) {
  const band = riskBand(props.score);
  if (!band) return <span class="muted">—</span>;
  return (
    <span
      class={`risk-badge risk-${band}`}
      title={t("riskBadges.riskScoreScoreOf100", { score: props.score })}
    >
      <span class="risk-score">{props.score}</span>
      <span class="risk-band">{codeLabel("band", band)}</span>
    </span>
  );
}

export function BandBadge(props: { band: RiskBand }) {
  return <Badge tone={BAND_TONE[props.band]}>{codeLabel("band", props.band)}</Badge>;
}

export function FlagBadges(props: { codes: readonly string[] | null | undefined; max?: number }) {
  const codes = sortFlags(props.codes ?? []);
  if (codes.length === 0) return <span class="muted">{t("riskBadges.none")}</span>;
  const max = props.max ?? codes.length;
  const shown = codes.slice(0, max);
  return (
    <ul class="flag-list" aria-label={t("common.flags")}>
      {shown.map((code) => (
        <li key={code}>
          <span class={`flag flag-${code}`} title={flagDescription(code)}>
            {flagLabel(code)}
          </span>
        </li>
      ))}
      {codes.length > max && (
        <li>
          <span class="flag flag-more" title={codes.slice(max).map(flagLabel).join(", ")}>
            +{codes.length - max}
          </span>
        </li>
      )}
    </ul>
  );
}
