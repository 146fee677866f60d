import { useEffect, useRef, useState } from "preact/hooks";
import type { Account } from "../api/types";
import { FLAG_CODES, TIERS } from "../api/types";
import {
  accountFiltersToSearch,
  accountQuery,
  clearedFilters,
  hasFilters,
  parseAccountFilters,
  sortOptions,
  type AccountFilters,
} from "../app/accountFilters";
import { useApp } from "../app/context";
import { permissionsOf } from "../app/permissions";
import { useDirectory } from "../app/directory";
import { formatDate, formatMoney } from "../app/format";
import { codeLabel, flagLabel, tierLabel } from "../app/labels";
import { navigate } from "../app/router";
import { useDebounced, usePagedList } from "../app/useApi";
import { AccountForm } from "../components/AccountForm";
import { RestsOnYou } from "../components/RestsOnYou";
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
import { t } from "../i18n";

/** An empty list's hint, in each role's words (the role only picks the text). */
function emptyHint(role: string): string {
  if (role === "admin") return t("accounts.emptyHint.admin");
  if (role === "hr") return t("accounts.emptyHint.hr");
  if (role === "sales_lead") return t("accounts.emptyHint.salesLead");
  return t("accounts.emptyHint.member");
}

/** What the list holds: a member sees only the accounts they are on. */
function description(role: string): string {
  return role === "member" ? t("accounts.descriptionMember") : t("accounts.description");
}

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
        title={t("common.accounts")}
        description={description(user.role)}
        actions={
          permissionsOf(user).may_create_accounts && !creating ? (
            <button
              type="button"
              class="button button-primary"
              ref={newButton}
              onClick={() => setCreating(true)}
            >
              {t("accounts.newAccount")}
            </button>
          ) : null
        }
      />
      {!permissionsOf(user).may_see_portfolio && <RestsOnYou />}
      {creating && (
        <section class="panel" aria-labelledby="new-account-title">
          <h2 id="new-account-title">{t("accounts.newAccount")}</h2>
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
        aria-label={t("accounts.filterAccounts")}
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label={t("common.search")}
          name="q"
          type="search"
          placeholder={t("common.accountName")}
          value={filters.q}
          class="filter-search"
          onInput={(e) => set({ q: (e.currentTarget as HTMLInputElement).value })}
        />
        <SelectField
          label={t("common.team")}
          name="team_id"
          value={filters.team_id}
          placeholder={t("common.allTeams")}
          options={directory.teams.map((t) => ({ value: t.id, label: t.name }))}
          onChange={(team_id) => set({ team_id })}
        />
        <SelectField
          label={t("common.tier")}
          name="tier"
          value={filters.tier}
          placeholder={t("accounts.allTiers")}
          options={TIERS.map((tier) => ({ value: tier, label: tierLabel(tier) }))}
          onChange={(tier) => set({ tier })}
        />
        <SelectField
          label={t("common.flag")}
          name="flag"
          value={filters.flag}
          placeholder={t("accounts.anyOrNone")}
          options={FLAG_CODES.map((c) => ({ value: c, label: flagLabel(c) }))}
          onChange={(flag) => set({ flag })}
        />
        <SelectField
          label={t("accounts.institutionalTie")}
          name="institutional_tie"
          value={filters.institutional_tie}
          placeholder={t("accounts.withOrWithout")}
          options={[
            { value: "false", label: t("accounts.noTieIn12Months") },
            { value: "true", label: t("accounts.hasATie") },
          ]}
          onChange={(institutional_tie) => set({ institutional_tie })}
        />
        <SelectField
          label={t("accounts.sortBy")}
          name="sort"
          value={filters.sort}
          options={sortOptions()}
          onChange={(sort) => set({ sort })}
        />
        {filtered && (
          <button
            type="button"
            class="button button-ghost filter-clear"
            onClick={() => setFilters(clearedFilters(filters))}
          >
            {t("accounts.clearFilters")}
          </button>
        )}
      </form>
      <LoadView state={list.state} what={t("accounts.accounts")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            filtered ? (
              <EmptyState title={t("accounts.noAccountsMatchTheseFilters")}>
                <p>{t("accounts.tryAnotherNameOrClear")}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t("accounts.noAccountsYet")} icon="▤">
                <p>{emptyHint(user.role)}</p>
              </EmptyState>
            )
          ) : (
            <>
              <p class="sr-only" role="status">
                {nextCursor
                  ? t("accounts.shownMore", { count: items.length })
                  : t("accounts.shown", { count: items.length })}
              </p>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="accounts-table">
                  <caption class="sr-only">{t("common.accounts")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("common.name")}</th>
                      <th scope="col">{t("common.tier")}</th>
                      <th scope="col">{t("common.team")}</th>
                      <th scope="col" class="num">
                        {t("common.annualValue")}
                      </th>
                      <th scope="col">{t("common.risk")}</th>
                      <th scope="col" class="num">
                        {t("common.exposure")}
                      </th>
                      <th scope="col">{t("hr.accounts.lastContact")}</th>
                      <th scope="col">{t("common.flags")}</th>
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
                              <Badge tone="bad">{codeLabel("accountStatus", a.status)}</Badge>
                            </>
                          )}
                        </th>
                        <td data-label={t("common.tier")}>
                          <Badge tone={a.tier === "A" ? "info" : "neutral"}>{a.tier}</Badge>
                        </td>
                        <td data-label={t("common.team")}>{directory.teamName(a.team_id)}</td>
                        <td data-label={t("common.annualValue")} class="num">
                          {formatMoney(a.annual_value_minor, a.currency)}
                        </td>
                        <td data-label={t("common.risk")}>
                          <RiskBadge score={a.risk_score} />
                        </td>
                        <td data-label={t("common.exposure")} class="num">
                          {formatMoney(a.exposure_minor, a.currency)}
                        </td>
                        <td data-label={t("hr.accounts.lastContact")} data-testid="last-contact">
                          {formatDate(a.last_contact_at)}
                        </td>
                        <td data-label={t("common.flags")} class="cell-wrap">
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
