import type { RiskSummary } from "../api/types";
import { formatMoneyCompact, humanise } from "../app/format";
import { useApi } from "../app/useApi";
import { EmptyState, LoadView, PageHeader } from "../components/ui";

const FLAG_LABELS: Record<string, string> = {
  no_owner: "No owner",
  single_owner: "Single owner",
  key_person: "Key person (≥ 70 % with one employee)",
  single_contact: "Single client contact",
  single_threaded: "Single-threaded",
  departing_holder: "Departing holder",
  champion_left: "Champion left",
  stale: "Stale (no recent interaction)",
  open_complaint: "Open complaint",
  policy_breach: "Coverage policy not met",
};

export function RiskPage() {
  const { state, reload } = useApi<RiskSummary>("/risk/summary");
  return (
    <>
      <PageHeader
        title="Risk dashboard"
        description="Where client loyalty hangs on too few people."
      />
      <LoadView state={state} what="the risk summary" onRetry={reload}>
        {(summary) => {
          const currency = typeof summary.currency === "string" ? summary.currency : "EUR";
          const flags = Object.entries(summary.flag_counts ?? {}).filter(([, n]) => n > 0);
          flags.sort((a, b) => b[1] - a[1]);
          const nothing = !summary.value_minor && flags.length === 0;
          if (nothing) {
            return (
              <EmptyState title="No accounts to assess yet" icon="◔">
                <p>Risk figures appear once accounts, their teams and interactions are recorded.</p>
              </EmptyState>
            );
          }
          return (
            <>
              <section class="tiles" aria-label="Key figures">
                <Tile
                  label="Annual value"
                  value={formatMoneyCompact(summary.value_minor, currency)}
                />
                <Tile
                  label="Exposure"
                  value={formatMoneyCompact(summary.exposure_minor, currency)}
                  tone="warn"
                />
                <Tile
                  label="Key-person value"
                  value={formatMoneyCompact(summary.key_person_value_minor, currency)}
                />
                <Tile
                  label="Truck factor"
                  value={summary.truck_factor ? String(summary.truck_factor.size) : "—"}
                  note="people whose departure orphans most value"
                />
              </section>
              <section class="panel" aria-labelledby="flags-title">
                <h2 id="flags-title">Flags raised</h2>
                {flags.length === 0 ? (
                  <p class="muted">No account raises a flag.</p>
                ) : (
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">Flag</th>
                        <th scope="col" class="num">
                          Accounts
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {flags.map(([code, n]) => (
                        <tr key={code}>
                          <td>{FLAG_LABELS[code] ?? humanise(code)}</td>
                          <td class="num">{n}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </section>
            </>
          );
        }}
      </LoadView>
    </>
  );
}

function Tile(props: { label: string; value: string; note?: string; tone?: "warn" }) {
  return (
    <div class={`tile${props.tone ? ` tile-${props.tone}` : ""}`}>
      <div class="tile-label">{props.label}</div>
      <div class="tile-value">{props.value}</div>
      {props.note && <div class="tile-note">{props.note}</div>}
    </div>
  );
}
