import { useState } from "preact/hooks";
import type { AuditEntry } from "../../api/types";
import { describeAudit } from "../../app/audit";
import { formatDateTime } from "../../app/format";
import { usePagedList } from "../../app/useApi";
import { LoadMore, LoadView } from "../ui";
import type { Names } from "./names";
import { t } from "../../i18n";

/** Who changed what on the account, newest first (admins and sales leads). */
export function HistoryPanel(props: { accountId: string; names: Names }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="panel" aria-labelledby="history-title">
      <div class="panel-head">
        <h2 id="history-title">{t("history.changeHistory")}</h2>
        <button
          type="button"
          class="button button-ghost button-small"
          aria-expanded={open}
          aria-controls="history-list"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("history.hide") : t("history.show")}
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
      <LoadView state={list.state} what={t("history.theChangeHistory")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <p class="muted">{t("history.noChangesRecorded")}</p>
          ) : (
            <>
              <ul class="plain-list history-list" data-testid="history">
                {items.map((e) => (
                  <li key={e.id}>
                    <time class="muted small" dateTime={e.occurred_at}>
                      {formatDateTime(e.occurred_at)}
                    </time>{" "}
                    <span class="strong">
                      {e.actor_id ? props.names.user(e.actor_id) : t("history.theSystem")}
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
