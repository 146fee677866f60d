import type { AccountRisk } from "../../api/types";
import { formatDate, formatMoney, formatNumber, formatPercent } from "../../app/format";
import { flagLabel } from "../../app/labels";
import { sortFlags } from "../../app/risk";
import type { Load } from "../../app/useApi";
import { RiskBadge } from "../risk";
import { LoadView, ShareBar } from "../ui";
import type { Names } from "./names";
import { t } from "../../i18n";

/** Score, every flag with its explanation, the concentration figures and the holders. */
export function RiskPanel(props: {
  state: Load<AccountRisk>;
  onRetry: () => void;
  names: Names;
  currency: string;
}) {
  return (
    <section class="panel risk-panel" aria-labelledby="risk-title">
      <h2 id="risk-title">{t("common.continuityRisk")}</h2>
      <LoadView state={props.state} what={t("riskPanel.theRiskFigures")} onRetry={props.onRetry}>
        {(risk) => {
          const flags = sortFlags(risk.flags ?? []);
          const holders = [...(risk.holders ?? [])].sort((a, b) => b.share - a.share);
          const contacts = [...(risk.contacts ?? [])].sort((a, b) => b.share - a.share);
          return (
            <>
              <div class="risk-head">
                <RiskBadge score={risk.score} />
                <div>
                  <div class="muted small">{t("common.exposure")}</div>
                  <div class="strong" data-testid="exposure">
                    {formatMoney(risk.exposure_minor, props.currency)}
                  </div>
                </div>
              </div>
              <dl class="figures">
                <div>
                  <dt>
                    <abbr title={t("riskPanel.effectiveNumberOfHolders1")}>
                      {t("riskPanel.nEff")}
                    </abbr>
                  </dt>
                  <dd data-testid="n-eff">{formatNumber(risk.n_eff, 1)}</dd>
                </div>
                <div>
                  <dt>{t("riskPanel.busFactor")}</dt>
                  <dd data-testid="bus-factor">{risk.bus_factor ?? "—"}</dd>
                </div>
                <div>
                  <dt>
                    <abbr title={t("riskPanel.shareOfTheStrongestHolder")}>
                      {t("riskPanel.cr1")}
                    </abbr>
                  </dt>
                  <dd>{formatPercent(risk.cr1)}</dd>
                </div>
                <div>
                  <dt>
                    <abbr title={t("riskPanel.herfindahlHirschmanIndexOfThe")}>
                      {t("riskPanel.hhi")}
                    </abbr>
                  </dt>
                  <dd>{formatNumber(risk.hhi, 2)}</dd>
                </div>
                <div>
                  <dt>{t("riskPanel.institutionalTies")}</dt>
                  <dd>{formatNumber(risk.institutional_score, 1)}</dd>
                </div>
                <div>
                  <dt>{t("riskPanel.lastInteraction")}</dt>
                  <dd>{formatDate(risk.last_interaction_at)}</dd>
                </div>
                <div>
                  <dt>
                    <abbr title={t("hr.accounts.lastContactExplained")}>
                      {t("hr.accounts.lastContact")}
                    </abbr>
                  </dt>
                  <dd data-testid="last-contact">{formatDate(risk.last_contact_at)}</dd>
                </div>
              </dl>
              <h3 class="subhead">{t("common.flags")}</h3>
              {flags.length === 0 ? (
                <p class="muted">{t("riskPanel.noFlagRaisedTheRelationship")}</p>
              ) : (
                <ul class="flag-explanations" data-testid="risk-flags">
                  {flags.map((f) => (
                    <li key={f.code}>
                      <span class={`flag flag-${f.code}`}>{flagLabel(f.code)}</span>
                      <p>{f.explanation}</p>
                    </li>
                  ))}
                </ul>
              )}
              <h3 class="subhead">{t("riskPanel.holdersOnOurSide")}</h3>
              {holders.length === 0 ? (
                <p class="muted">{t("riskPanel.nobodyHoldsThisRelationship")}</p>
              ) : (
                <ul class="share-list" data-testid="holder-shares">
                  {holders.map((h) => (
                    <li key={h.user_id}>
                      <span>{props.names.user(h.user_id)}</span>
                      <ShareBar share={h.share} />
                    </li>
                  ))}
                </ul>
              )}
              <h3 class="subhead">{t("common.theirContacts")}</h3>
              {contacts.length === 0 ? (
                <p class="muted">{t("riskPanel.noClientContactCarriesThe")}</p>
              ) : (
                <ul class="share-list">
                  {contacts.map((c) => (
                    <li key={c.contact_id}>
                      <span>{props.names.contact(c.contact_id)}</span>
                      <ShareBar share={c.share} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
