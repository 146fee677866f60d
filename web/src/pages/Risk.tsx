import type { ChartConfiguration } from "chart.js";
import { useState } from "preact/hooks";
import type { ComplaintItem, RiskSummary } from "../api/types";
import { useApp } from "../app/context";
import { permissionsOf, withinTeams } from "../app/permissions";
import { useDirectory } from "../app/directory";
import { currencyDigits } from "../app/forms";
import {
  formatDate,
  formatDay,
  formatList,
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
} from "../app/format";
import { codeLabel, flagDescription, flagLabel } from "../app/labels";
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
  Sentence,
  ShareBar,
  slot,
  Tile,
} from "../components/ui";
import { t } from "../i18n";

const BAND_COLOURS: Record<string, string> = {
  low: "#5b9f77",
  medium: "#6b8fb8",
  high: "#d69a2d",
  critical: "#c2453a",
};

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
        title={t("dashboard.riskDashboard")}
        description={t("dashboard.whereClientLoyaltyHangsOn")}
        actions={
          <SelectField
            label={t("common.team")}
            name="team_id"
            value={teamId}
            placeholder={reach === null ? t("common.allTeams") : t("dashboard.allMyTeams")}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={setTeamId}
            class="field-inline"
          />
        }
      />
      <LoadView state={state} what={t("dashboard.theRiskSummary")} onRetry={reload}>
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
              <EmptyState title={t("dashboard.noAccountsToAssessYet")} icon="◔">
                <p>{t("dashboard.riskFiguresAppearOnceAccounts")}</p>
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
              labels: bands.map((b) => codeLabel("band", b.band)),
              datasets: [
                {
                  label: t("dashboard.annualValueCurrency", { currency }),
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
              labels: trend.days.map((day) => formatDay(day)),
              datasets: [
                {
                  label: t("dashboard.exposureCurrency", { currency }),
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
                        label: t("dashboard.keyPersonValueCurrency", { currency }),
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
                  {t("dashboard.mixedCurrencies", { currencies: formatList(mixed), currency })}
                </p>
              )}
              <section class="tiles" aria-label={t("dashboard.keyFigures")}>
                <Tile
                  label={t("common.annualValue")}
                  value={formatMoneyCompact(summary.value_minor, currency)}
                />
                <Tile
                  label={t("common.exposure")}
                  value={formatMoneyCompact(summary.exposure_minor, currency)}
                  tone="warn"
                  note={t("dashboard.valueRiskScore")}
                />
                <Tile
                  label={t("dashboard.keyPersonValue")}
                  value={formatMoneyCompact(summary.key_person_value_minor, currency)}
                  note={t("dashboard.held70ByOnePerson")}
                />
                <Tile
                  label={t("dashboard.truckFactor")}
                  value={
                    <span data-testid="truck-factor">
                      {summary.truck_factor ? String(summary.truck_factor.size) : "—"}
                    </span>
                  }
                  note={t("dashboard.peopleWhoseLeavingOrphansHalf")}
                />
                {summary.truck_factor?.already_leaving_value_minor != null && (
                  <Tile
                    label={t("hr.dashboard.alreadyLeavingValue")}
                    value={
                      <span data-testid="already-leaving-value">
                        {formatMoneyCompact(
                          summary.truck_factor.already_leaving_value_minor,
                          currency,
                        )}
                      </span>
                    }
                    tone={summary.truck_factor.already_leaving_value_minor > 0 ? "bad" : undefined}
                    note={t("hr.dashboard.alreadyLeavingNote", {
                      count: summary.truck_factor.already_leaving_user_ids?.length ?? 0,
                    })}
                  />
                )}
                {summary.untied_value_share != null && (
                  <Tile
                    label={t("dashboard.valueWithoutInstitutionalTie")}
                    value={
                      <a
                        href={`/accounts?institutional_tie=false${teamQuery}&sort=-annual_value`}
                        data-testid="untied-share"
                      >
                        {formatPercent(summary.untied_value_share)}
                      </a>
                    }
                    tone={summary.untied_value_share > 0.5 ? "warn" : undefined}
                    note={t("dashboard.untiedNote", {
                      value: formatMoneyCompact(summary.untied_value_minor, currency),
                      count: summary.untied_accounts ?? 0,
                    })}
                  />
                )}
                {summary.open_complaints != null && (
                  <Tile
                    label={t("dashboard.openComplaints")}
                    value={<span data-testid="open-complaints">{summary.open_complaints}</span>}
                    tone={summary.overdue_complaints ? "bad" : undefined}
                    note={t("dashboard.overdueNote", {
                      count: summary.overdue_complaints ?? 0,
                    })}
                  />
                )}
              </section>
              <div class="dashboard-grid">
                <section class="panel" aria-labelledby="flags-title">
                  <h2 id="flags-title">{t("dashboard.accountsPerFlag")}</h2>
                  {flags.length === 0 ? (
                    <p class="muted">{t("dashboard.noAccountRaisesAFlag")}</p>
                  ) : (
                    <table class="table table-compact" data-testid="flag-counts">
                      <caption class="sr-only">
                        {t("dashboard.numberOfAccountsRaisingEach")}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("common.flag")}</th>
                          <th scope="col" class="num">
                            {t("common.accounts")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {flags.map(({ code, n }) => (
                          <tr key={code}>
                            <th scope="row" title={flagDescription(code)}>
                              <a
                                href={`/accounts?flag=${encodeURIComponent(code)}${teamQuery}&sort=-exposure`}
                              >
                                {flagLabel(code)}
                              </a>
                            </th>
                            <td class="num">{formatNumber(n)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </section>
                <section class="panel" aria-labelledby="bands-title">
                  <h2 id="bands-title">{t("dashboard.valueByRiskBand")}</h2>
                  <ChartCanvas
                    config={bandChart}
                    label={t("dashboard.barChartOfAnnualValue")}
                    height={200}
                    testId="band-chart"
                  />
                  <table class="table table-compact table-cards" data-testid="band-table">
                    <caption class="sr-only">{t("dashboard.accountsValueAndExposurePer")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("dashboard.band")}</th>
                        <th scope="col" class="num">
                          {t("common.accounts")}
                        </th>
                        <th scope="col" class="num">
                          {t("common.value")}
                        </th>
                        <th scope="col" class="num">
                          {t("common.exposure")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {bands.map((b) => (
                        <tr key={b.band}>
                          <th scope="row">
                            <BandBadge band={b.band} />
                          </th>
                          <td data-label={t("common.accounts")} class="num">
                            {formatNumber(b.accounts)}
                          </td>
                          <td data-label={t("common.value")} class="num">
                            {formatMoneyCompact(b.value_minor, currency)}
                          </td>
                          <td data-label={t("common.exposure")} class="num">
                            {formatMoneyCompact(b.exposure_minor, currency)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </div>
              <section class="panel" aria-labelledby="trend-title">
                <h2 id="trend-title">{t("dashboard.trend")}</h2>
                {trend.days.length < 2 ? (
                  <p class="muted">{t("dashboard.theTrendAppearsAfterA")}</p>
                ) : (
                  <>
                    <ChartCanvas
                      config={trendChart}
                      label={t("dashboard.trendChartLabel", {
                        count: trend.days.length,
                        money: formatMoney(trend.exposure[lastIndex], currency),
                        flags: trend.flags[lastIndex],
                      })}
                      height={240}
                      testId="trend-chart"
                    />
                  </>
                )}
              </section>
              {summary.open_complaints != null && <ComplaintsPanel teamId={teamId} />}
              {(summary.untied_by_team ?? []).length > 0 && (
                <section class="panel" aria-labelledby="untied-title">
                  <h2 id="untied-title">{t("dashboard.valueWithoutAnInstitutionalTie")}</h2>
                  <div class="table-wrap">
                    <table class="table table-cards" data-testid="untied-by-team">
                      <caption class="sr-only">{t("dashboard.annualValueOfAccountsWith")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("common.team")}</th>
                          <th scope="col" class="num">
                            {t("common.value")}
                          </th>
                          <th scope="col" class="num">
                            {t("dashboard.untiedValue")}
                          </th>
                          <th scope="col">{t("dashboard.shareUntied")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(summary.untied_by_team ?? []).map((row) => (
                          <tr key={row.team_id}>
                            <th scope="row" class="cell-title">
                              <a
                                href={`/accounts?institutional_tie=false&team_id=${encodeURIComponent(row.team_id)}&sort=-annual_value`}
                              >
                                {row.team_name}
                              </a>
                            </th>
                            <td data-label={t("common.value")} class="num">
                              {formatMoneyCompact(row.value_minor, currency)}
                            </td>
                            <td data-label={t("dashboard.untiedValue")} class="num">
                              {formatMoneyCompact(row.untied_value_minor, currency)}
                            </td>
                            <td data-label={t("dashboard.shareUntied")}>
                              <ShareBar share={row.untied_value_share} />
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
                    <h2 id="top-title">{t("dashboard.mostExposedAccounts")}</h2>
                    <a
                      class="small"
                      href={`/accounts?sort=-exposure${teamId ? `&team_id=${encodeURIComponent(teamId)}` : ""}`}
                    >
                      {t("dashboard.allAccountsByExposure")}
                    </a>
                  </div>
                  {(summary.top_exposed ?? []).length === 0 ? (
                    <p class="muted">{t("dashboard.noAccountCarriesExposure")}</p>
                  ) : (
                    <div class="table-wrap">
                      <table class="table table-cards" data-testid="top-exposed">
                        <caption class="sr-only">
                          {t("dashboard.accountsWithTheHighestExposure")}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("common.account")}</th>
                            <th scope="col">{t("common.risk")}</th>
                            <th scope="col" class="num">
                              {t("common.exposure")}
                            </th>
                            <th scope="col">{t("common.flags")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {(summary.top_exposed ?? []).map((a) => (
                            <tr key={a.id}>
                              <th scope="row" class="cell-title">
                                <a href={`/accounts/${encodeURIComponent(a.id)}`}>{a.name}</a>
                              </th>
                              <td data-label={t("common.risk")}>
                                <RiskBadge score={a.risk_score} />
                              </td>
                              <td data-label={t("common.exposure")} class="num">
                                {formatMoney(a.exposure_minor, a.currency)}
                              </td>
                              <td data-label={t("common.flags")} class="cell-wrap">
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
                  <h2 id="truck-title">{t("dashboard.truckFactor")}</h2>
                  {!summary.truck_factor || summary.truck_factor.order.length === 0 ? (
                    <p class="muted">{t("dashboard.nobodySDepartureAloneWould")}</p>
                  ) : (
                    <>
                      <p>
                        <Sentence
                          text={t("dashboard.truckSentence", {
                            count: summary.truck_factor.size,
                            who: slot("who"),
                          })}
                          parts={{
                            who: (
                              <strong>
                                {summary.truck_factor.size === 1
                                  ? t("dashboard.onePerson")
                                  : summary.truck_factor.size}
                              </strong>
                            ),
                          }}
                        />
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
      <h2 id="complaints-title">{t("dashboard.openComplaints")}</h2>
      <LoadView state={list.state} what={t("dashboard.openComplaints2")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p class="muted">{t("dashboard.noComplaintIsOpen")}</p>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="open-complaints-table">
                  <caption class="sr-only">{t("dashboard.openComplaintsOldestFirst")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("common.account")}</th>
                      <th scope="col">{t("dashboard.complaint")}</th>
                      <th scope="col" class="num">
                        {t("dashboard.openFor")}
                      </th>
                      <th scope="col">{t("dashboard.followUpOwner")}</th>
                      <th scope="col">{t("dashboard.trail")}</th>
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
                        <td data-label={t("dashboard.complaint")} class="cell-wrap">
                          {c.summary ?? <span class="muted">{t("dashboard.notShownToHr")}</span>}
                        </td>
                        <td data-label={t("dashboard.openFor")} class="num">
                          {c.overdue && <Badge tone="bad">{t("dashboard.over14Days")}</Badge>}{" "}
                          {t("dashboard.ageDays", { count: c.age_days })}
                        </td>
                        <td data-label={t("dashboard.followUpOwner")}>
                          {c.follow_up_owner_name ??
                            (c.follow_up_owner_id ? (
                              directory.userName(c.follow_up_owner_id)
                            ) : (
                              <span class="muted">{t("common.nobodyYet")}</span>
                            ))}
                          {c.follow_up_due && (
                            <span class="muted small">
                              {" "}
                              {t("dashboard.dueBy", { date: formatDate(c.follow_up_due) })}
                            </span>
                          )}
                        </td>
                        <td data-label={t("dashboard.trail")}>
                          {c.follow_ups === 0
                            ? t("dashboard.noFollowUpYet")
                            : t("dashboard.trailSummary", {
                                count: c.follow_ups,
                                date: formatDate(c.last_follow_up_at),
                              })}
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
