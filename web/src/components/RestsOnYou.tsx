import type { Account, Page, UserExposure } from "../api/types";
import { useApp } from "../app/context";
import { formatDate, formatMoney } from "../app/format";
import { useApi } from "../app/useApi";
import { LoadView, Tile } from "./ui";
import { t } from "../i18n";

/** How many stale accounts the panel counts before it says "at least". */
const STALE_LIMIT = 100;

/**
 * "What rests on you": the signed-in user's own figures above their accounts — the value they
 * hold alone (their `GET /users/{id}/exposure`), and their accounts nobody has talked to a
 * client contact on lately (the `stale` flag), linked to that filtered list.
 * The handovers they owe as successor on an open departure plan count beside them, with the
 * earliest due date.
 */
export function RestsOnYou() {
  const { user } = useApp();
  const exposure = useApi<UserExposure>(`/users/${encodeURIComponent(user.id)}/exposure`);
  const stale = useApi<Page<Account>>("/accounts", { flag: "stale", limit: STALE_LIMIT });
  return (
    <section
      class="panel rests-on-you"
      aria-labelledby="rests-on-you-title"
      data-testid="rests-on-you"
    >
      <h2 id="rests-on-you-title">{t("hr.landing.title")}</h2>
      <LoadView state={exposure.state} what={t("hr.landing.yourFigures")} onRetry={exposure.reload}>
        {(x) => {
          const sole = (x.accounts ?? []).filter((a) => a.sole_holder).length;
          return (
            <div class="tiles">
              <Tile
                label={t("hr.landing.valueYouHoldAlone")}
                value={
                  <span data-testid="my-orphaned-value">
                    {formatMoney(x.orphaned_value_minor, x.currency ?? "EUR")}
                  </span>
                }
                tone={x.orphaned_value_minor > 0 ? "warn" : undefined}
                note={t("people.soleHeldNote", { count: sole })}
              />
              <Tile
                label={t("hr.landing.staleAccounts")}
                value={
                  stale.state.status === "ok" ? (
                    <a href="/accounts?flag=stale" data-testid="my-stale-count">
                      {stale.state.data.next_cursor
                        ? t("hr.landing.atLeast", { count: stale.state.data.items.length })
                        : String(stale.state.data.items.length)}
                    </a>
                  ) : (
                    "—"
                  )
                }
                tone={
                  stale.state.status === "ok" && stale.state.data.items.length > 0
                    ? "warn"
                    : undefined
                }
                note={t("hr.landing.staleNote")}
              />
              <Tile
                label={t("hr.landing.handoversOwed")}
                value={
                  <span data-testid="my-handovers-owed">{String(x.handovers_owed.length)}</span>
                }
                tone={x.handovers_owed.length > 0 ? "warn" : undefined}
                note={handoversNote(x.handovers_owed)}
              />
            </div>
          );
        }}
      </LoadView>
    </section>
  );
}

function handoversNote(owed: UserExposure["handovers_owed"]): string {
  if (owed.length === 0) return t("hr.landing.handoversOwedNone");
  // The server lists the earliest due first, undated ones last.
  const next = owed[0].due_date;
  return next
    ? t("hr.landing.handoversOwedNext", { date: formatDate(next) })
    : t("hr.landing.handoversOwedUndated");
}
