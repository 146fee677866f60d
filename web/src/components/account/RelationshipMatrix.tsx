import type { AccountRisk } from "../../api/types";
import { formatPercent } from "../../app/format";
import { heatLevel, heatMatrix } from "../../app/risk";
import type { Load } from "../../app/useApi";
import { LoadView } from "../ui";
import type { Names } from "./names";

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
      <h2 id="matrix-title">Relationship matrix</h2>
      <LoadView state={props.state} what="the relationship matrix">
        {(risk) => {
          const matrix = heatMatrix(risk.threads, props.people, props.contacts);
          if (matrix.rows.length === 0 || matrix.columns.length === 0) {
            return (
              <p class="muted">
                The matrix fills in once the account has team members and client contacts.
              </p>
            );
          }
          return (
            <>
              <p class="muted small">
                Each cell is the share of the relationship carried by one of our people with one of
                their contacts. One dark cell and nothing else means the account hangs on a single
                thread.
              </p>
              <div class="matrix-wrap">
                <table class="matrix" data-testid="relationship-matrix">
                  <caption class="sr-only">
                    Share of relationship strength per employee and client contact
                  </caption>
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
                              {share > 0 ? formatPercent(share) : <span class="sr-only">none</span>}
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
