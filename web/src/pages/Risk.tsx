import type { ChartConfiguration } from "chart.js";
import { useState } from "preact/hooks";
import type { ComplaintItem, RiskSummary } from "../api/types";
import { useApp } from "../app/context";
import { permissionsOf, withinTeams } from "../app/permissions";
import { useDirectory } from "../app/directory";
import { currencyDigits } from "../app/forms";
import { formatDate, formatMoney, formatMoneyCompact, formatPercent } from "../app/format";
import { BAND_LABELS, FLAG_DESCRIPTIONS, flagLabel } from "../app/labels";
import { bandSeries, portfolioCurrency, sortFlags, trendSeries } from "../app/risk";
import { useApi, usePagedList } from "../app/useApi";
import { ChartCanvas } from "../components/charts";
import { BandBadge, FlagBadges, RiskBadge } from "../components/risk";
import {
  Badge,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  SelectField,
  ShareBar,
  Tile,
} from "../components/ui";

const BAND_COLOURS: Record<string, string> = {
  low: "#5b9f77",
  medium: "#6b8fb8",
  high: "#d69a2d",
  critical: "#c2453a",
};

/** "2026-11-05" → "5 Nov" for chart axes. */
function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

export function RiskPage() {
  const directory = useDirectory();
  const { user } = useApp();
  // A sales lead's figures cover the teams they lead; offer only those.
  const reach = permissionsOf(user).portfolio_team_ids;
  const teams = withinTeams(directory.teams, reach);
  const [teamId, setTeamId] = useState("");
  const { state, reload } = useApi<RiskSummary>(
    "/risk/summary",
    teamId ? { team_id: teamId } : undefined,
  );
  const teamQuery = teamId ? `&team_id=${encodeURIComponent(teamId)}` : "";

  return (
    <>
      <PageHeader
        title="Risk dashboard"
        description="Where client loyalty hangs on too few people, and how much value that puts at stake."
        actions={
          <SelectField
            label="Team"
            name="team_id"
            value={teamId}
            placeholder={reach === null ? "All teams" : "All my teams"}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={setTeamId}
            class="field-inline"
          />
        }
      />
      <LoadView state={state} what="the risk summary" onRetry={reload}>
        {(summary) => {
          const { currency, mixed } = summary.currency
            ? { currency: summary.currency, mixed: [] as string[] }
            : portfolioCurrency(summary.top_exposed);
          const flags = sortFlags(
            Object.entries(summary.flag_counts ?? {})
              .filter(([, n]) => n > 0)
              .map(([code, n]) => ({ code, n })),
          );
          const nothing =
            !summary.value_minor && flags.length === 0 && !(summary.top_exposed ?? []).length;
          if (nothing) {
            return (
              <EmptyState title="No accounts to assess yet" icon="◔">
                <p>Risk figures appear once accounts, their teams and interactions are recorded.</p>
              </EmptyState>
            );
          }
          // Charts plot major units; ticks turn them back into money.
          const scale = 10 ** currencyDigits(currency);
          const major = (minor: number) => minor / scale;
          const tick = (v: string | number) => formatMoneyCompact(Number(v) * scale, currency);
          const bands = bandSeries(summary);
          const trend = trendSeries(summary.trend);
          const hasKeyPerson = trend.keyPerson.some((v) => v != null);
          const bandChart: ChartConfiguration = {
            type: "bar",
            data: {
              labels: bands.map((b) => BAND_LABELS[b.band]),
              datasets: [
                {
                  label: `Annual value (${currency})`,
                  data: bands.map((b) => major(b.value_minor)),
                  backgroundColor: bands.map((b) => BAND_COLOURS[b.band]),
                  borderRadius: 4,
                },
              ],
            },
            options: {
              plugins: { legend: { display: false } },
              scales: {
                y: {
                  beginAtZero: true,
                  ticks: { callback: tick },
                },
              },
            },
          };
          const trendChart: ChartConfiguration = {
            type: "line",
            data: {
              labels: trend.days.map(shortDay),
              datasets: [
                {
                  label: `Exposure (${currency})`,
                  data: trend.exposure.map(major),
                  borderColor: "#c2453a",
                  backgroundColor: "rgba(194, 69, 58, 0.10)",
                  fill: true,
                  tension: 0.25,
                  pointRadius: 0,
                  yAxisID: "y",
                },
                ...(hasKeyPerson
                  ? [
                      {
                        label: `Key-person value (${currency})`,
                        data: trend.keyPerson.map((v) => (v == null ? null : major(v))),
                        borderColor: "#d69a2d",
                        backgroundColor: "#d69a2d",
                        borderDash: [5, 4],
                        tension: 0.25,
                        pointRadius: 0,
                        yAxisID: "y",
                      },
                    ]
                  : []),
                {
                  label: trend.flagsLabel,
                  data: trend.flags,
                  borderColor: "#1f4e79",
                  backgroundColor: "#1f4e79",
                  tension: 0.25,
                  pointRadius: 0,
                  yAxisID: "y1",
                },
              ],
            },
            options: {
              interaction: { mode: "index", intersect: false },
              plugins: { legend: { labels: { boxWidth: 12, boxHeight: 12 } } },
              scales: {
                x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
                y: {
                  beginAtZero: true,
                  position: "left",
                  ticks: { callback: tick },
                },
                y1: {
                  beginAtZero: true,
                  position: "right",
                  grid: { drawOnChartArea: false },
                  ticks: { precision: 0 },
                },
              },
            },
          };
          const lastIndex = trend.days.length - 1;
          return (
            <>
              {mixed.length > 0 && (
                <p class="muted small" data-testid="mixed-currencies">
                  Accounts are kept in {mixed.join(" and ")}; totals add the amounts without
                  converting them and are labelled in {currency}.
                </p>
              )}
              <section class="tiles" aria-label="Key figures">
                <Tile
                  label="Annual value"
                  value={formatMoneyCompact(summary.value_minor, currency)}
                />
                <Tile
                  label="Exposure"
                  value={formatMoneyCompact(summary.exposure_minor, currency)}
                  tone="warn"
                  note="value × risk score"
                />
                <Tile
                  label="Key-person value"
                  value={formatMoneyCompact(summary.key_person_value_minor, currency)}
                  note="held ≥ 70 % by one person"
                />
                <Tile
                  label="Truck factor"
                  value={
                    <span data-testid="truck-factor">
                      {summary.truck_factor ? String(summary.truck_factor.size) : "—"}
                    </span>
                  }
                  note="people whose leaving orphans half the value"
                />
                {summary.untied_value_share != null && (
                  <Tile
                    label="Value without institutional tie"
                    value={
                      <a
                        href={`/accounts?institutional_tie=false${teamQuery}&sort=-annual_value`}
                        data-testid="untied-share"
                      >
                        {formatPercent(summary.untied_value_share)}
                      </a>
                    }
                    tone={summary.untied_value_share > 0.5 ? "warn" : undefined}
                    note={`${formatMoneyCompact(summary.untied_value_minor, currency)} in ${summary.untied_accounts ?? 0} account${summary.untied_accounts === 1 ? "" : "s"} with no event, gift or link in 12 months`}
                  />
                )}
                {summary.open_complaints != null && (
                  <Tile
                    label="Open complaints"
                    value={<span data-testid="open-complaints">{summary.open_complaints}</span>}
                    tone={summary.overdue_complaints ? "bad" : undefined}
                    note={`${summary.overdue_complaints ?? 0} open for more than 14 days`}
                  />
                )}
              </section>
              <div class="dashboard-grid">
                <section class="panel" aria-labelledby="flags-title">
                  <h2 id="flags-title">Accounts per flag</h2>
                  {flags.length === 0 ? (
                    <p class="muted">No account raises a flag.</p>
                  ) : (
                    <table class="table table-compact" data-testid="flag-counts">
                      <caption class="sr-only">Number of accounts raising each flag</caption>
                      <thead>
                        <tr>
                          <th scope="col">Flag</th>
                          <th scope="col" class="num">
                            Accounts
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {flags.map(({ code, n }) => (
                          <tr key={code}>
                            <th scope="row" title={FLAG_DESCRIPTIONS[code]}>
                              <a
                                href={`/accounts?flag=${encodeURIComponent(code)}${teamQuery}&sort=-exposure`}
                              >
                                {flagLabel(code)}
                              </a>
                            </th>
                            <td class="num">{n}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </section>
                <section class="panel" aria-labelledby="bands-title">
                  <h2 id="bands-title">Value by risk band</h2>
                  <ChartCanvas
                    config={bandChart}
                    label="Bar chart of annual value per risk band; the table below has the figures."
                    height={200}
                    testId="band-chart"
                  />
                  <table class="table table-compact">
                    <caption class="sr-only">Accounts, value and exposure per risk band</caption>
                    <thead>
                      <tr>
                        <th scope="col">Band</th>
                        <th scope="col" class="num">
                          Accounts
                        </th>
                        <th scope="col" class="num">
                          Value
                        </th>
                        <th scope="col" class="num">
                          Exposure
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {bands.map((b) => (
                        <tr key={b.band}>
                          <th scope="row">
                            <BandBadge band={b.band} />
                          </th>
                          <td class="num">{b.accounts}</td>
                          <td class="num">{formatMoneyCompact(b.value_minor, currency)}</td>
                          <td class="num">{formatMoneyCompact(b.exposure_minor, currency)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </div>
              <section class="panel" aria-labelledby="trend-title">
                <h2 id="trend-title">Trend</h2>
                {trend.days.length < 2 ? (
                  <p class="muted">The trend appears after a few days of history.</p>
                ) : (
                  <>
                    <ChartCanvas
                      config={trendChart}
                      label={`Line chart of exposure and ${trend.flagsLabel.toLowerCase()} over ${trend.days.length} days. Latest: exposure ${formatMoney(trend.exposure[lastIndex], currency)}, ${trend.flags[lastIndex]} ${trend.flagsLabel.toLowerCase()}.`}
                      height={240}
                      testId="trend-chart"
                    />
                  </>
                )}
              </section>
              {summary.open_complaints != null && <ComplaintsPanel teamId={teamId} />}
              {(summary.untied_by_team ?? []).length > 0 && (
                <section class="panel" aria-labelledby="untied-title">
                  <h2 id="untied-title">Value without an institutional tie, by team</h2>
                  <div class="table-wrap">
                    <table class="table table-cards" data-testid="untied-by-team">
                      <caption class="sr-only">
                        Annual value of accounts with no event, gift or link in 12 months, per team
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">Team</th>
                          <th scope="col" class="num">
                            Value
                          </th>
                          <th scope="col" class="num">
                            Untied value
                          </th>
                          <th scope="col">Share untied</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(summary.untied_by_team ?? []).map((t) => (
                          <tr key={t.team_id}>
                            <th scope="row" class="cell-title">
                              <a
                                href={`/accounts?institutional_tie=false&team_id=${encodeURIComponent(t.team_id)}&sort=-annual_value`}
                              >
                                {t.team_name}
                              </a>
                            </th>
                            <td data-label="Value" class="num">
                              {formatMoneyCompact(t.value_minor, currency)}
                            </td>
                            <td data-label="Untied value" class="num">
                              {formatMoneyCompact(t.untied_value_minor, currency)}
                            </td>
                            <td data-label="Share untied">
                              <ShareBar share={t.untied_value_share} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              )}
              <div class="dashboard-grid dashboard-grid-wide">
                <section class="panel" aria-labelledby="top-title">
                  <div class="panel-head">
                    <h2 id="top-title">Most exposed accounts</h2>
                    <a
                      class="small"
                      href={`/accounts?sort=-exposure${teamId ? `&team_id=${encodeURIComponent(teamId)}` : ""}`}
                    >
                      All accounts by exposure
                    </a>
                  </div>
                  {(summary.top_exposed ?? []).length === 0 ? (
                    <p class="muted">No account carries exposure.</p>
                  ) : (
                    <div class="table-wrap">
                      <table class="table table-cards" data-testid="top-exposed">
                        <caption class="sr-only">Accounts with the highest exposure</caption>
                        <thead>
                          <tr>
                            <th scope="col">Account</th>
                            <th scope="col">Risk</th>
                            <th scope="col" class="num">
                              Exposure
                            </th>
                            <th scope="col">Flags</th>
                          </tr>
                        </thead>
                        <tbody>
                          {(summary.top_exposed ?? []).map((a) => (
                            <tr key={a.id}>
                              <th scope="row" class="cell-title">
                                <a href={`/accounts/${encodeURIComponent(a.id)}`}>{a.name}</a>
                              </th>
                              <td data-label="Risk">
                                <RiskBadge score={a.risk_score} />
                              </td>
                              <td data-label="Exposure" class="num">
                                {formatMoney(a.exposure_minor, a.currency)}
                              </td>
                              <td data-label="Flags" class="cell-wrap">
                                <FlagBadges codes={a.flags} max={2} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </section>
                <section class="panel" aria-labelledby="truck-title">
                  <h2 id="truck-title">Truck factor</h2>
                  {!summary.truck_factor || summary.truck_factor.order.length === 0 ? (
                    <p class="muted">Nobody's departure alone would orphan half of the value.</p>
                  ) : (
                    <>
                      <p>
                        {summary.truck_factor.size === 1 ? (
                          <>
                            If <strong>one person</strong> leaves
                          </>
                        ) : (
                          <>
                            If these <strong>{summary.truck_factor.size}</strong> people leave
                          </>
                        )}
                        , more than half of the annual value is left with no holder. Removal order:
                      </p>
                      <ol class="truck-order" data-testid="truck-order">
                        {summary.truck_factor.order.map((id) => (
                          <li key={id}>{directory.userName(id)}</li>
                        ))}
                      </ol>
                    </>
                  )}
                </section>
              </div>
            </>
          );
        }}
      </LoadView>
    </>
  );
}

/** Open complaints, oldest first; those open for more than 14 days stand out. */
function ComplaintsPanel(props: { teamId: string }) {
  const directory = useDirectory();
  const list = usePagedList<ComplaintItem>(
    "/complaints",
    props.teamId ? { status: "open", team_id: props.teamId } : { status: "open" },
    10,
  );
  return (
    <section class="panel" aria-labelledby="complaints-title">
      <h2 id="complaints-title">Open complaints</h2>
      <LoadView state={list.state} what="open complaints" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p class="muted">No complaint is open.</p>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="open-complaints-table">
                  <caption class="sr-only">Open complaints, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Complaint</th>
                      <th scope="col" class="num">
                        Open for
                      </th>
                      <th scope="col">Follow-up owner</th>
                      <th scope="col">Trail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.interaction_id} class={c.overdue ? "row-overdue" : undefined}>
                        <th scope="row" class="cell-title">
                          <a href={`/accounts/${encodeURIComponent(c.account_id)}`}>
                            {c.account_name}
                          </a>
                        </th>
                        <td data-label="Complaint" class="cell-wrap">
                          {c.summary ?? <span class="muted">Not shown to HR</span>}
                        </td>
                        <td data-label="Open for" class="num">
                          {c.overdue && <Badge tone="bad">Over 14 days</Badge>} {c.age_days} day
                          {c.age_days === 1 ? "" : "s"}
                        </td>
                        <td data-label="Follow-up owner">
                          {c.follow_up_owner_name ??
                            (c.follow_up_owner_id ? (
                              directory.userName(c.follow_up_owner_id)
                            ) : (
                              <span class="muted">Nobody yet</span>
                            ))}
                          {c.follow_up_due && (
                            <span class="muted small"> by {formatDate(c.follow_up_due)}</span>
                          )}
                        </td>
                        <td data-label="Trail">
                          {c.follow_ups === 0
                            ? "No follow-up yet"
                            : `${c.follow_ups} follow-up${c.follow_ups === 1 ? "" : "s"}, last ${formatDate(c.last_follow_up_at)}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore
                nextCursor={nextCursor}
                loading={list.loadingMore}
                error={list.moreError}
                onLoadMore={list.loadMore}
              />
            </>
          )
        }
      </LoadView>
    </section>
  );
}
