import { useEffect, useRef, useState } from "preact/hooks";
import type { Account } from "../api/types";
import { FLAG_CODES, TIERS } from "../api/types";
import {
  accountFiltersToSearch,
  accountQuery,
  clearedFilters,
  hasFilters,
  parseAccountFilters,
  SORTS,
  type AccountFilters,
} from "../app/accountFilters";
import { useApp } from "../app/context";
import { permissionsOf } from "../app/permissions";
import { useDirectory } from "../app/directory";
import { formatMoney, humanise } from "../app/format";
import { flagLabel } from "../app/labels";
import { navigate } from "../app/router";
import { useDebounced, usePagedList } from "../app/useApi";
import { AccountForm } from "../components/AccountForm";
import { FlagBadges, RiskBadge } from "../components/risk";
import {
  Badge,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  SelectField,
  TextField,
} from "../components/ui";

const EMPTY_HINT: Record<string, string> = {
  admin: "Create the first account with “New account”, or import them from CSV.",
  hr: "Accounts appear here once the sales teams record them.",
  sales_lead: "Accounts of the teams you lead appear here.",
  member: "Accounts appear here once you are on an account team.",
};

const ALL_ACCOUNTS = "Client accounts, their value, and how safely each relationship is held.";
/** What the list holds, in each role's words (the role only picks the text). */
const DESCRIPTION: Record<string, string> = {
  admin: ALL_ACCOUNTS,
  hr: ALL_ACCOUNTS,
  sales_lead: ALL_ACCOUNTS,
  member: "The client accounts you are on, and how safely each relationship is held.",
};

export function AccountsPage() {
  const { user } = useApp();
  const directory = useDirectory();
  const [filters, setFilters] = useState<AccountFilters>(() =>
    parseAccountFilters(window.location.search),
  );
  const [creating, setCreating] = useState(false);
  const q = useDebounced(filters.q.trim(), 250);
  const effective = { ...filters, q };
  const list = usePagedList<Account>("/accounts", accountQuery(effective));
  const newButton = useRef<HTMLButtonElement>(null);

  // Keep the address bar in step, without adding history entries per keystroke.
  useEffect(() => {
    const search = accountFiltersToSearch(effective);
    if (search !== window.location.search) {
      window.history.replaceState(null, "", `/accounts${search}`);
    }
  }, [JSON.stringify(effective)]);

  const set = (patch: Partial<AccountFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = hasFilters(effective);

  return (
    <>
      <PageHeader
        title="Accounts"
        description={DESCRIPTION[user.role]}
        actions={
          permissionsOf(user).may_create_accounts && !creating ? (
            <button
              type="button"
              class="button button-primary"
              ref={newButton}
              onClick={() => setCreating(true)}
            >
              New account
            </button>
          ) : null
        }
      />
      {creating && (
        <section class="panel" aria-labelledby="new-account-title">
          <h2 id="new-account-title">New account</h2>
          <AccountForm
            teams={directory.teams}
            defaultTeamId={user.team_id ?? undefined}
            onCancel={() => {
              setCreating(false);
              window.setTimeout(() => newButton.current?.focus());
            }}
            onSaved={(account) => navigate(`/accounts/${encodeURIComponent(account.id)}`)}
          />
        </section>
      )}
      <form
        class="toolbar filters"
        role="search"
        aria-label="Filter accounts"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label="Search"
          name="q"
          type="search"
          placeholder="Account name"
          value={filters.q}
          class="filter-search"
          onInput={(e) => set({ q: (e.currentTarget as HTMLInputElement).value })}
        />
        <SelectField
          label="Team"
          name="team_id"
          value={filters.team_id}
          placeholder="All teams"
          options={directory.teams.map((t) => ({ value: t.id, label: t.name }))}
          onChange={(team_id) => set({ team_id })}
        />
        <SelectField
          label="Tier"
          name="tier"
          value={filters.tier}
          placeholder="All tiers"
          options={TIERS.map((t) => ({ value: t, label: `Tier ${t}` }))}
          onChange={(tier) => set({ tier })}
        />
        <SelectField
          label="Flag"
          name="flag"
          value={filters.flag}
          placeholder="Any or none"
          options={FLAG_CODES.map((c) => ({ value: c, label: flagLabel(c) }))}
          onChange={(flag) => set({ flag })}
        />
        <SelectField
          label="Institutional tie"
          name="institutional_tie"
          value={filters.institutional_tie}
          placeholder="With or without"
          options={[
            { value: "false", label: "No tie in 12 months" },
            { value: "true", label: "Has a tie" },
          ]}
          onChange={(institutional_tie) => set({ institutional_tie })}
        />
        <SelectField
          label="Sort by"
          name="sort"
          value={filters.sort}
          options={SORTS}
          onChange={(sort) => set({ sort })}
        />
        {filtered && (
          <button
            type="button"
            class="button button-ghost filter-clear"
            onClick={() => setFilters(clearedFilters(filters))}
          >
            Clear filters
          </button>
        )}
      </form>
      <LoadView state={list.state} what="accounts" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            filtered ? (
              <EmptyState title="No accounts match these filters">
                <p>Try another name, or clear the filters.</p>
              </EmptyState>
            ) : (
              <EmptyState title="No accounts yet" icon="▤">
                <p>{EMPTY_HINT[user.role]}</p>
              </EmptyState>
            )
          ) : (
            <>
              <p class="sr-only" role="status">
                {items.length} accounts shown{nextCursor ? ", more available" : ""}
              </p>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="accounts-table">
                  <caption class="sr-only">Accounts</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Tier</th>
                      <th scope="col">Team</th>
                      <th scope="col" class="num">
                        Annual value
                      </th>
                      <th scope="col">Risk</th>
                      <th scope="col" class="num">
                        Exposure
                      </th>
                      <th scope="col">Flags</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((a) => (
                      <tr key={a.id}>
                        <th scope="row" class="strong cell-title">
                          <a href={`/accounts/${encodeURIComponent(a.id)}`}>{a.name}</a>
                          {a.status === "churned" && (
                            <>
                              {" "}
                              <Badge tone="bad">{humanise(a.status)}</Badge>
                            </>
                          )}
                        </th>
                        <td data-label="Tier">
                          <Badge tone={a.tier === "A" ? "info" : "neutral"}>{a.tier}</Badge>
                        </td>
                        <td data-label="Team">{directory.teamName(a.team_id)}</td>
                        <td data-label="Annual value" class="num">
                          {formatMoney(a.annual_value_minor, a.currency)}
                        </td>
                        <td data-label="Risk">
                          <RiskBadge score={a.risk_score} />
                        </td>
                        <td data-label="Exposure" class="num">
                          {formatMoney(a.exposure_minor, a.currency)}
                        </td>
                        <td data-label="Flags" class="cell-wrap">
                          <FlagBadges codes={a.flags} max={3} />
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
    </>
  );
}
