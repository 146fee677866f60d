import { useMemo, useState } from "preact/hooks";
import { ApiError, type ProblemDocument } from "../api/problem";
import type { SimulationResult, User } from "../api/types";
import { useApp } from "../app/context";
import { useAccountNames, useDirectory } from "../app/directory";
import { formatMoney } from "../app/format";
import { toggleId } from "../app/interactions";
import { usePagedList } from "../app/useApi";
import { FlagBadges } from "../components/risk";
import { EmptyState, LoadView, PageHeader, ProblemBanner, TextField, Tile } from "../components/ui";

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
      setProblem({ type: "about:blank", title: "Choose at least one person", status: 0 });
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
      <PageHeader
        title="What-if"
        description="Choose people who might leave together and see what would be left without a holder. Nothing is changed."
      />
      {unavailable ? (
        <EmptyState title="Departure simulation not available yet" icon="◌">
          <p>This server does not offer departure simulations yet.</p>
        </EmptyState>
      ) : (
        <LoadView state={list.state} what="people" onRetry={list.reload}>
          {({ items }) => {
            const people = leaverCandidates(items, filter);
            if (items.length === 0) {
              return (
                <EmptyState title="No employees to simulate" icon="◍">
                  <p>Add employees and account teams first.</p>
                </EmptyState>
              );
            }
            return (
              <div class="whatif-layout">
                <form class="panel" onSubmit={run} aria-label="Departure what-if">
                  <TextField
                    label="Find people"
                    name="filter"
                    type="search"
                    value={filter}
                    onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
                  />
                  <fieldset class="checklist scroll-list">
                    <legend>
                      People leaving <span class="muted">({selected.length} chosen)</span>
                    </legend>
                    {people.length === 0 && <p class="muted">Nobody matches.</p>}
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
                      {busy ? "Simulating…" : "Run what-if"}
                    </button>
                    {selected.length > 0 && (
                      <button type="button" class="button" onClick={() => setSelected([])}>
                        Clear
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
                    <EmptyState title="No simulation yet" icon="⇢">
                      <p>Pick one or more people and run the what-if.</p>
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
        If {leavers.join(", ")} {leavers.length === 1 ? "leaves" : "leave"}
      </h2>
      <div class="tiles">
        <Tile
          label="Accounts left without owner"
          value={<span data-testid="no-owner-count">{result.no_owner_account_ids.length}</span>}
          tone={result.no_owner_account_ids.length ? "bad" : undefined}
        />
        <Tile label="Newly flagged accounts" value={result.newly_flagged.length} />
        <Tile
          label="Value orphaned"
          value={formatMoney(result.orphaned_value_minor, currency)}
          tone="warn"
        />
        <Tile
          label="Value ≥ 50 % held by them"
          value={formatMoney(result.majority_held_value_minor, currency)}
        />
        {result.exposure_before_minor != null && result.exposure_after_minor != null && (
          <Tile
            label="Their accounts’ exposure afterwards"
            value={formatMoney(result.exposure_after_minor, currency)}
            note={`now ${formatMoney(result.exposure_before_minor, currency)}`}
          />
        )}
      </div>
      {result.no_owner_account_ids.length > 0 && (
        <section class="panel">
          <h3 class="subhead">Accounts that would have no owner</h3>
          <ul class="plain-list">
            {result.no_owner_account_ids.map((id) => (
              <li key={id}>
                <a href={`/accounts/${encodeURIComponent(id)}`}>{names[id] ?? "Account"}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.newly_flagged.length > 0 && (
        <section class="panel">
          <h3 class="subhead">Accounts that would raise new flags</h3>
          <ul class="plain-list">
            {result.newly_flagged.map((f) => (
              <li key={f.account_id} class="flagged-row">
                <a href={`/accounts/${encodeURIComponent(f.account_id)}`}>
                  {names[f.account_id] ?? "Account"}
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
