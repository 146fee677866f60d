import type { User } from "../api/types";
import { usePagedList } from "../app/useApi";
import { UsersTable } from "../components/UsersTable";
import { EmptyState, LoadView, PageHeader, ProblemBanner } from "../components/ui";

export function PeoplePage() {
  const list = usePagedList<User>("/users");
  return (
    <>
      <PageHeader
        title="People & exposure"
        description="Employees, their leave dates and agreement clauses: what is at risk before anyone leaves."
      />
      <LoadView state={list.state} what="people" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title="No people yet" icon="◍">
              <p>Employees appear here once an administrator adds them.</p>
            </EmptyState>
          ) : (
            <>
              <UsersTable users={items} showAgreements caption="People" />
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
