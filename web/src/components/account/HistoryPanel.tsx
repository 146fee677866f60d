import { useState } from "preact/hooks";
import type { AuditEntry } from "../../api/types";
import { describeAudit } from "../../app/audit";
import { usePagedList } from "../../app/useApi";
import { LoadMore, LoadView } from "../ui";
import type { Names } from "./names";

/** Who changed what on the account, newest first (admins and sales leads). */
export function HistoryPanel(props: { accountId: string; names: Names }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="panel" aria-labelledby="history-title">
      <div class="panel-head">
        <h2 id="history-title">Change history</h2>
        <button
          type="button"
          class="button button-ghost button-small"
          aria-expanded={open}
          aria-controls="history-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide" : "Show"}
        </button>
      </div>
      {open && <HistoryList accountId={props.accountId} names={props.names} />}
    </section>
  );
}

function HistoryList(props: { accountId: string; names: Names }) {
  const list = usePagedList<AuditEntry>("/audit", { account_id: props.accountId }, 20);
  return (
    <div id="history-list">
      <LoadView state={list.state} what="the change history" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p class="muted">No changes recorded.</p>
          ) : (
            <>
              <ul class="plain-list history-list" data-testid="history">
                {items.map((e) => (
                  <li key={e.id}>
                    <time class="muted small" dateTime={e.occurred_at}>
                      {new Date(e.occurred_at).toLocaleString(undefined, {
                        dateStyle: "medium",
                        timeStyle: "short",
                      })}
                    </time>{" "}
                    <span class="strong">
                      {e.actor_id ? props.names.user(e.actor_id) : "The system"}
                    </span>{" "}
                    {describeAudit(e)}
                  </li>
                ))}
              </ul>
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
    </div>
  );
}
