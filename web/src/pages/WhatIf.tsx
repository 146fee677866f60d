import { useMemo, useState } from "preact/hooks";
import { ApiError, type ProblemDocument } from "../api/problem";
import type { SimulationResult, User } from "../api/types";
import { useApp } from "../app/context";
import { useAccountNames, useDirectory } from "../app/directory";
import { formatList, formatMoney } from "../app/format";
import { toggleId } from "../app/interactions";
import { usePagedList } from "../app/useApi";
import { FlagBadges } from "../components/risk";
import { EmptyState, LoadView, PageHeader, ProblemBanner, TextField, Tile } from "../components/ui";
import { t } from "../i18n";

/** People who can still leave: anyone not departed, matching a name or email filter. */
export function leaverCandidates(users: readonly User[], filter: string): User[] {
  const term = filter.trim().toLowerCase();
  return users
    .filter((u) => (u.status ?? "active") !== "departed")
    .filter(
      (u) =>
        !term ||
        u.display_name.toLowerCase().includes(term) ||
        u.email.toLowerCase().includes(term),
    )
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
}

export function WhatIfPage() {
  const { client } = useApp();
  const directory = useDirectory();
  const list = usePagedList<User>("/users", {}, 200);
  const [selected, setSelected] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ids: string[]; result: SimulationResult } | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  async function run(event: Event) {
    event.preventDefault();
    if (selected.length === 0) {
      setProblem({ type: "about:blank", title: t("whatIf.chooseAtLeastOnePerson"), status: 0 });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await client.post<SimulationResult>("/simulations/departure", {
        user_ids: selected,
      });
      setResult({ ids: selected, result: answer });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setUnavailable(true);
      else if (error instanceof ApiError) setProblem(error.problem);
      else throw error;
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t("whatIf.whatIf")} description={t("whatIf.choosePeopleWhoMightLeave")} />
      {unavailable ? (
        <EmptyState title={t("whatIf.departureSimulationNotAvailableYet")} icon="◌">
          <p>{t("whatIf.thisServerDoesNotOffer")}</p>
        </EmptyState>
      ) : (
        <LoadView state={list.state} what={t("whatIf.people")} onRetry={list.reload}>
          {({ items }) => {
            const people = leaverCandidates(items, filter);
            if (items.length === 0) {
              return (
                <EmptyState title={t("whatIf.noEmployeesToSimulate")} icon="◍">
                  <p>{t("whatIf.addEmployeesAndAccountTeams")}</p>
                </EmptyState>
              );
            }
            return (
              <div class="whatif-layout">
                <form class="panel" onSubmit={run} aria-label={t("whatIf.departureWhatIf")}>
                  <TextField
                    label={t("whatIf.findPeople")}
                    name="filter"
                    type="search"
                    value={filter}
                    onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
                  />
                  <fieldset class="checklist scroll-list">
                    <legend>
                      {t("whatIf.peopleLeaving")}{" "}
                      <span class="muted">{t("whatIf.chosen", { count: selected.length })}</span>
                    </legend>
                    {people.length === 0 && <p class="muted">{t("whatIf.nobodyMatches")}</p>}
                    {people.map((u) => (
                      <label class="check" key={u.id}>
                        <input
                          type="checkbox"
                          checked={selected.includes(u.id)}
                          onChange={() => {
                            setSelected((s) => toggleId(s, u.id));
                            setProblem(null);
                          }}
                        />
                        <span>{u.display_name}</span>
                        <span class="muted small">{u.email}</span>
                      </label>
                    ))}
                  </fieldset>
                  <ProblemBanner problem={problem} />
                  <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled={busy}>
                      {busy ? t("whatIf.simulating") : t("whatIf.runWhatIf")}
                    </button>
                    {selected.length > 0 && (
                      <button type="button" class="button" onClick={() => setSelected([])}>
                        {t("whatIf.clear")}
                      </button>
                    )}
                  </div>
                </form>
                <div>
                  {result ? (
                    <SimulationView
                      result={result.result}
                      leavers={result.ids.map((id) => directory.userName(id))}
                    />
                  ) : (
                    <EmptyState title={t("whatIf.noSimulationYet")} icon="⇢">
                      <p>{t("whatIf.pickOneOrMorePeople")}</p>
                    </EmptyState>
                  )}
                </div>
              </div>
            );
          }}
        </LoadView>
      )}
    </>
  );
}

function SimulationView({ result, leavers }: { result: SimulationResult; leavers: string[] }) {
  const currency = result.currency ?? "EUR";
  const ids = useMemo(
    () => [
      ...new Set([
        ...result.no_owner_account_ids,
        ...result.newly_flagged.map((f) => f.account_id),
      ]),
    ],
    [result],
  );
  const names = useAccountNames(ids);
  return (
    <section class="result" aria-live="polite" aria-labelledby="sim-title" data-testid="simulation">
      <h2 id="sim-title" class="subhead">
        {t("whatIf.ifLeave", { count: leavers.length, names: formatList(leavers) })}
      </h2>
      <div class="tiles">
        <Tile
          label={t("whatIf.accountsLeftWithoutOwner")}
          value={<span data-testid="no-owner-count">{result.no_owner_account_ids.length}</span>}
          tone={result.no_owner_account_ids.length ? "bad" : undefined}
        />
        <Tile label={t("whatIf.newlyFlaggedAccounts")} value={result.newly_flagged.length} />
        <Tile
          label={t("whatIf.valueOrphaned")}
          value={formatMoney(result.orphaned_value_minor, currency)}
          tone="warn"
        />
        <Tile
          label={t("whatIf.value50HeldByThem")}
          value={formatMoney(result.majority_held_value_minor, currency)}
        />
        {result.exposure_before_minor != null && result.exposure_after_minor != null && (
          <Tile
            label={t("whatIf.theirAccountsExposureAfterwards")}
            value={formatMoney(result.exposure_after_minor, currency)}
            note={t("whatIf.nowMoney", {
              money: formatMoney(result.exposure_before_minor, currency),
            })}
          />
        )}
      </div>
      {result.no_owner_account_ids.length > 0 && (
        <section class="panel">
          <h3 class="subhead">{t("whatIf.accountsThatWouldHaveNo")}</h3>
          <ul class="plain-list">
            {result.no_owner_account_ids.map((id) => (
              <li key={id}>
                <a href={`/accounts/${encodeURIComponent(id)}`}>
                  {names[id] ?? t("common.account")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.newly_flagged.length > 0 && (
        <section class="panel">
          <h3 class="subhead">{t("whatIf.accountsThatWouldRaiseNew")}</h3>
          <ul class="plain-list">
            {result.newly_flagged.map((f) => (
              <li key={f.account_id} class="flagged-row">
                <a href={`/accounts/${encodeURIComponent(f.account_id)}`}>
                  {names[f.account_id] ?? t("common.account")}
                </a>
                <FlagBadges codes={f.codes} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
