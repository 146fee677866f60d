import type { AccountRisk } from "../../api/types";
import { formatDate, formatMoney } from "../../app/format";
import { flagLabel } from "../../app/labels";
import { sortFlags } from "../../app/risk";
import type { Load } from "../../app/useApi";
import { RiskBadge } from "../risk";
import { LoadView, ShareBar } from "../ui";
import type { Names } from "./names";

function figure(value: number | null | undefined, digits = 2): string {
  return value == null || !Number.isFinite(value) ? "—" : value.toFixed(digits);
}

/** Score, every flag with its explanation, the concentration figures and the holders. */
export function RiskPanel(props: {
  state: Load<AccountRisk>;
  onRetry: () => void;
  names: Names;
  currency: string;
}) {
  return (
    <section class="panel risk-panel" aria-labelledby="risk-title">
      <h2 id="risk-title">Continuity risk</h2>
      <LoadView state={props.state} what="the risk figures" onRetry={props.onRetry}>
        {(risk) => {
          const flags = sortFlags(risk.flags ?? []);
          const holders = [...(risk.holders ?? [])].sort((a, b) => b.share - a.share);
          const contacts = [...(risk.contacts ?? [])].sort((a, b) => b.share - a.share);
          return (
            <>
              <div class="risk-head">
                <RiskBadge score={risk.score} />
                <div>
                  <div class="muted small">Exposure</div>
                  <div class="strong" data-testid="exposure">
                    {formatMoney(risk.exposure_minor, props.currency)}
                  </div>
                </div>
              </div>
              <dl class="figures">
                <div>
                  <dt>
                    <abbr title="Effective number of holders, 1 / HHI">N_eff</abbr>
                  </dt>
                  <dd data-testid="n-eff">{figure(risk.n_eff, 1)}</dd>
                </div>
                <div>
                  <dt>Bus factor</dt>
                  <dd data-testid="bus-factor">{risk.bus_factor ?? "—"}</dd>
                </div>
                <div>
                  <dt>
                    <abbr title="Share of the strongest holder">CR1</abbr>
                  </dt>
                  <dd>{risk.cr1 == null ? "—" : `${Math.round(risk.cr1 * 100)} %`}</dd>
                </div>
                <div>
                  <dt>
                    <abbr title="Herfindahl–Hirschman index of the holder shares">HHI</abbr>
                  </dt>
                  <dd>{figure(risk.hhi)}</dd>
                </div>
                <div>
                  <dt>Institutional ties</dt>
                  <dd>{figure(risk.institutional_score, 1)}</dd>
                </div>
                <div>
                  <dt>Last interaction</dt>
                  <dd>{formatDate(risk.last_interaction_at)}</dd>
                </div>
              </dl>
              <h3 class="subhead">Flags</h3>
              {flags.length === 0 ? (
                <p class="muted">No flag raised: the relationship is spread across people.</p>
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
              <h3 class="subhead">Holders on our side</h3>
              {holders.length === 0 ? (
                <p class="muted">Nobody holds this relationship.</p>
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
              <h3 class="subhead">Their contacts</h3>
              {contacts.length === 0 ? (
                <p class="muted">No client contact carries the relationship yet.</p>
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
