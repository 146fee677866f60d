import type { DeparturePlan } from "../api/types";
import { formatDate, humanise } from "../app/format";
import { usePagedList } from "../app/useApi";
import { Badge, EmptyState, LoadView, PageHeader, ProblemBanner } from "../components/ui";

export function DeparturesPage() {
  const list = usePagedList<DeparturePlan>("/departures");
  return (
    <>
      <PageHeader
        title="Departures"
        description="Departure plans: the accounts each leaver holds and their handovers."
      />
      <LoadView state={list.state} what="departure plans" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title="No departure plans" icon="⇢">
              <p>
                A plan is created when someone's leave date is set; its handovers are tracked here.
              </p>
            </EmptyState>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table">
                  <caption class="sr-only">Departure plans</caption>
                  <thead>
                    <tr>
                      <th scope="col">Employee</th>
                      <th scope="col">Leave date</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="num">
                        Handovers
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.id}>
                        <td class="strong">
                          {String((p as { user_name?: string }).user_name ?? p.user_id)}
                        </td>
                        <td>{formatDate(p.leave_date)}</td>
                        <td>
                          <Badge tone={p.status === "applied" ? "good" : "info"}>
                            {humanise(p.status)}
                          </Badge>
                        </td>
                        <td class="num">{p.handovers?.length ?? "—"}</td>
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
