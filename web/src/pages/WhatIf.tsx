import { useState } from "preact/hooks";
import { ApiError, type ProblemDocument } from "../api/problem";
import type { User } from "../api/types";
import { useApp } from "../app/context";
import { formatMoney } from "../app/format";
import { usePagedList } from "../app/useApi";
import { EmptyState, LoadView, PageHeader, ProblemBanner } from "../components/ui";

interface SimulationResult {
  no_owner_account_ids: string[];
  newly_flagged: { account_id: string; codes: string[] }[];
  orphaned_value_minor: number;
  majority_held_value_minor: number;
  currency?: string;
}

export function WhatIfPage() {
  const { client } = useApp();
  const list = usePagedList<User>("/users", { status: "active" }, 200);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
    setResult(null);
  }

  async function run(event: Event) {
    event.preventDefault();
    if (selected.size === 0) {
      setProblem({ type: "about:blank", title: "Choose at least one person", status: 0 });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setResult(
        await client.post<SimulationResult>("/simulations/departure", { user_ids: [...selected] }),
      );
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
        description="Choose people who might leave together; see which accounts would lose their owner. Nothing is changed."
      />
      {unavailable ? (
        <EmptyState title="Departure simulation not available yet" icon="◌">
          <p>This server does not offer departure simulations yet.</p>
        </EmptyState>
      ) : (
        <LoadView state={list.state} what="people" onRetry={list.reload}>
          {({ items }) => {
            const people = items.filter((u) => (u.status ?? "active") !== "departed");
            if (people.length === 0) {
              return (
                <EmptyState title="No active employees to simulate" icon="◍">
                  <p>Add employees and account teams first.</p>
                </EmptyState>
              );
            }
            return (
              <form class="panel" onSubmit={run}>
                <fieldset class="checklist">
                  <legend>People leaving</legend>
                  {people.map((u) => (
                    <label class="check" key={u.id}>
                      <input
                        type="checkbox"
                        checked={selected.has(u.id)}
                        onChange={() => toggle(u.id)}
                      />
                      <span>{u.display_name}</span>
                      <span class="muted">{u.email}</span>
                    </label>
                  ))}
                </fieldset>
                <ProblemBanner problem={problem} />
                <div class="form-actions">
                  <button type="submit" class="button button-primary" disabled={busy}>
                    {busy ? "Simulating…" : "Run what-if"}
                  </button>
                </div>
                {result && <SimulationView result={result} />}
              </form>
            );
          }}
        </LoadView>
      )}
    </>
  );
}

function SimulationView({ result }: { result: SimulationResult }) {
  const currency = result.currency ?? "EUR";
  return (
    <section class="result" aria-live="polite" aria-label="Simulation result">
      <div class="tiles">
        <div class="tile">
          <div class="tile-label">Accounts left without owner</div>
          <div class="tile-value">{result.no_owner_account_ids.length}</div>
        </div>
        <div class="tile">
          <div class="tile-label">Newly flagged accounts</div>
          <div class="tile-value">{result.newly_flagged.length}</div>
        </div>
        <div class="tile tile-warn">
          <div class="tile-label">Value orphaned</div>
          <div class="tile-value">{formatMoney(result.orphaned_value_minor, currency)}</div>
        </div>
        <div class="tile">
          <div class="tile-label">Value ≥ 50 % held by them</div>
          <div class="tile-value">{formatMoney(result.majority_held_value_minor, currency)}</div>
        </div>
      </div>
    </section>
  );
}
