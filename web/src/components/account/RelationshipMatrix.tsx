import type { AccountRisk } from "../../api/types";
import { formatPercent } from "../../app/format";
import { heatLevel, heatMatrix } from "../../app/risk";
import type { Load } from "../../app/useApi";
import { LoadView } from "../ui";
import type { Names } from "./names";
import { t } from "../../i18n";

/**
 * Our people × their contacts, each cell the pair's share of the account's
 * relationship strength. A table, so it reads cell by cell with a screen reader.
 */
export function RelationshipMatrix(props: {
  state: Load<AccountRisk>;
  names: Names;
  people: string[];
  contacts: string[];
}) {
  return (
    <section class="panel" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t("matrix.relationshipMatrix")}</h2>
      <LoadView state={props.state} what={t("matrix.theRelationshipMatrix")}>
        {(risk) => {
          const matrix = heatMatrix(risk.threads, props.people, props.contacts);
          if (matrix.rows.length === 0 || matrix.columns.length === 0) {
            return <p class="muted">{t("matrix.theMatrixFillsInOnce")}</p>;
          }
          return (
            <>
              <p class="muted small">{t("matrix.eachCellIsTheShare")}</p>
              <div class="matrix-wrap">
                <table class="matrix" data-testid="relationship-matrix">
                  <caption class="sr-only">{t("matrix.shareOfRelationshipStrengthPer")}</caption>
                  <thead>
                    <tr>
                      <td />
                      {matrix.columns.map((c) => (
                        <th scope="col" key={c}>
                          {props.names.contact(c)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {matrix.rows.map((r, i) => (
                      <tr key={r}>
                        <th scope="row">{props.names.user(r)}</th>
                        {matrix.columns.map((c, j) => {
                          const share = matrix.share[i][j];
                          const level = heatLevel(share, matrix.max);
                          return (
                            <td
                              key={c}
                              class={level > 0.55 ? "heat heat-dark" : "heat"}
                              style={{ "--heat": level.toFixed(3) }}
                            >
                              {share > 0 ? (
                                formatPercent(share)
                              ) : (
                                <span class="sr-only">{t("matrix.none")}</span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
