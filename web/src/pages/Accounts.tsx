import { useEffect, useState } from "preact/hooks";
import type { Account } from "../api/types";
import { useApp } from "../app/context";
import { formatMoney, humanise } from "../app/format";
import { usePagedList } from "../app/useApi";
import { Badge, EmptyState, LoadView, PageHeader, ProblemBanner } from "../components/ui";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

const EMPTY_HINT: Record<string, string> = {
  admin: "Create accounts through the API or import them from CSV; they will be listed here.",
  hr: "Accounts appear here once the sales teams record them.",
  sales_lead: "Accounts of the teams you lead appear here.",
  member: "Accounts appear here once you are on an account team.",
};

export function AccountsPage() {
  const { user } = useApp();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const list = usePagedList<Account>("/accounts", { q: q || undefined });

  return (
    <>
      <PageHeader
        title="Accounts"
        description={
          user.role === "member"
            ? "The client accounts you are on."
            : "Client accounts, their teams and value."
        }
      />
      <div class="toolbar">
        <div class="field field-inline">
          <label for="account-search">Search accounts</label>
          <input
            id="account-search"
            type="search"
            placeholder="Name"
            value={search}
            onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </div>
      <LoadView state={list.state} what="accounts" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            q ? (
              <EmptyState title={`No accounts match “${q}”`}>
                <p>Try another name.</p>
              </EmptyState>
            ) : (
              <EmptyState title="No accounts yet" icon="▤">
                <p>{EMPTY_HINT[user.role]}</p>
              </EmptyState>
            )
          ) : (
            <>
              <div class="table-wrap">
                <table class="table">
                  <caption class="sr-only">Accounts</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Tier</th>
                      <th scope="col">Region</th>
                      <th scope="col" class="num">
                        Annual value
                      </th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((a) => (
                      <tr key={a.id}>
                        <td class="strong">{a.name}</td>
                        <td>
                          <Badge tone={a.tier === "A" ? "info" : "neutral"}>{a.tier}</Badge>
                        </td>
                        <td>{a.region || "—"}</td>
                        <td class="num">{formatMoney(a.annual_value_minor, a.currency)}</td>
                        <td>
                          <Badge tone={a.status === "churned" ? "bad" : "good"}>
                            {humanise(a.status ?? "active")}
                          </Badge>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ProblemBanner problem={list.moreError?.problem} />
              {nextCursor && (
                <div class="list-footer">
                  <button
                    type="button"
                    class="button"
                    onClick={list.loadMore}
                    disabled={list.loadingMore}
                  >
                    {list.loadingMore ? "Loading…" : "Load more"}
                  </button>
                </div>
              )}
            </>
          )
        }
      </LoadView>
    </>
  );
}
