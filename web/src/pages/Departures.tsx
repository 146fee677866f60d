import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/problem";
import type { DeparturePlan, Handover, Page, SessionUser } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { permissionsOf } from "../app/permissions";
import {
  BOARD_COLUMNS,
  groupHandovers,
  isCancelled,
  isClosed,
  planTone,
  unresolvedHandovers,
} from "../app/departures";
import { refreshDirectory, useAccountNames, useDirectory } from "../app/directory";
import { formatDate, formatMoney, formatPercent } from "../app/format";
import { today } from "../app/forms";
import { codeLabel } from "../app/labels";
import { subPath, type PageProps } from "../app/nav";
import { navigate } from "../app/router";
import { usePagedList, type Load } from "../app/useApi";
import { useSubmit } from "../app/useSubmit";
import {
  Badge,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  ProblemBanner,
  SelectField,
  Sentence,
  slot,
  TextField,
} from "../components/ui";
import { LeavingHoldersNote } from "../components/leaving";
import { currentLanguage, t } from "../i18n";

export function DeparturesPage({ path }: PageProps) {
  const id = subPath(path, "/departures");
  return id ? <PlanPage key={id} planId={id} /> : <PlanList />;
}

/** Opening and applying plans is HR's (and admins'); sales leads pick successors. */
function ownsPlans(user: SessionUser): boolean {
  return permissionsOf(user).may_plan_departures;
}

function PlanList() {
  const { user } = useApp();
  const directory = useDirectory();
  const list = usePagedList<DeparturePlan>("/departures");
  // `?new_for=<user id>` (from a person's page) opens the form for them.
  const [newFor] = useState(() => new URLSearchParams(window.location.search).get("new_for"));
  const [creating, setCreating] = useState(newFor !== null && ownsPlans(user));
  return (
    <>
      <PageHeader
        title={t("departures.departures")}
        description={t("departures.departurePlansTheAccountsEach")}
        actions={
          !creating &&
          ownsPlans(user) && (
            <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
              {t("departures.newDeparturePlan")}
            </button>
          )
        }
      />
      {creating && <NewPlan userId={newFor ?? ""} onCancel={() => setCreating(false)} />}
      <LoadView state={list.state} what={t("departures.departurePlans")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title={t("departures.noDeparturePlans")} icon="⇢">
              <p>{t("departures.startAPlanWhenSomeone")}</p>
            </EmptyState>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="plans-table">
                  <caption class="sr-only">{t("departures.departurePlans2")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("departures.employee")}</th>
                      <th scope="col">{t("common.leaveDate")}</th>
                      <th scope="col">{t("common.status")}</th>
                      <th scope="col" class="num">
                        {t("departures.handovers")}
                      </th>
                      <th scope="col" class="num">
                        {t("departures.stillOpen")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.id}>
                        <th scope="row" class="strong cell-title">
                          <a href={`/departures/${encodeURIComponent(p.id)}`}>
                            {p.display_name ?? directory.userName(p.user_id)}
                          </a>
                        </th>
                        <td data-label={t("common.leaveDate")}>{formatDate(p.leave_date)}</td>
                        <td data-label={t("common.status")}>
                          <Badge tone={planTone(p)}>{codeLabel("planStatus", p.status)}</Badge>
                        </td>
                        <td data-label={t("departures.handovers")} class="num">
                          {p.handovers?.length ?? "—"}
                        </td>
                        <td data-label={t("departures.stillOpen")} class="num">
                          {p.handovers ? unresolvedHandovers(p).length : "—"}
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

function NewPlan(props: { userId: string; onCancel: () => void }) {
  const { client } = useApp();
  const directory = useDirectory();
  const [userId, setUserId] = useState(props.userId);
  const [leaveDate, setLeaveDate] = useState("");
  const submit = useSubmit(["user_id", "leave_date"]);
  const people = directory.users.filter((u) => (u.status ?? "active") !== "departed");

  async function create(event: Event) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!userId) errors.user_id = t("departures.chooseWhoIsLeaving");
    if (!leaveDate) errors.leave_date = t("departures.enterTheLastWorkingDay");
    if (Object.keys(errors).length) {
      submit.setFieldErrors(errors);
      return;
    }
    let plan: DeparturePlan | null = null;
    const ok = await submit.run(async () => {
      plan = await client.post<DeparturePlan>("/departures", {
        user_id: userId,
        leave_date: leaveDate,
      });
    });
    if (ok && plan) navigate(`/departures/${encodeURIComponent((plan as DeparturePlan).id)}`);
  }

  return (
    <section class="panel" aria-labelledby="new-plan-title">
      <h2 id="new-plan-title">{t("departures.newDeparturePlan")}</h2>
      <form class="form form-grid" onSubmit={create} noValidate>
        <ProblemBanner problem={submit.banner} />
        <SelectField
          label={t("departures.employee")}
          name="user_id"
          value={userId}
          placeholder={t("common.choosePerson")}
          options={people.map((u) => ({ value: u.id, label: u.display_name }))}
          error={submit.fieldErrors.user_id}
          onChange={setUserId}
        />
        <TextField
          label={t("common.leaveDate")}
          name="leave_date"
          type="date"
          min={today()}
          value={leaveDate}
          error={submit.fieldErrors.leave_date}
          onInput={(e) => setLeaveDate((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="form-actions span-all">
          <button type="submit" class="button button-primary" disabled={submit.busy}>
            {submit.busy ? t("departures.creating") : t("departures.createPlan")}
          </button>
          <button type="button" class="button" onClick={props.onCancel}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Reads one plan; servers without `GET /departures/{id}` are served from the list. */
function usePlan(planId: string) {
  const { client } = useApp();
  const [state, setState] = useState<Load<DeparturePlan>>({ status: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => (s.status === "ok" ? s : { status: "loading" }));
    (async () => {
      try {
        const { data, etag } = await client.request<DeparturePlan>(
          "GET",
          `/departures/${encodeURIComponent(planId)}`,
        );
        const version = data.version ?? (etag ? Number(etag.replace(/\D/g, "")) : undefined);
        return { ...data, version };
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405))
          throw error;
        const page = await client.get<Page<DeparturePlan>>("/departures", {
          query: { limit: 200 },
        });
        const found = page.items.find((p) => p.id === planId);
        if (!found) throw error;
        return found;
      }
    })().then(
      (plan) => live && setState({ status: "ok", data: plan }),
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: "unavailable" });
        else if (error instanceof ApiError) setState({ status: "error", error });
        else throw error;
      },
    );
    return () => {
      live = false;
    };
  }, [planId, tick]);
  return { state, reload: () => setTick((t) => t + 1) };
}

function PlanPage(props: { planId: string }) {
  const { client, user } = useApp();
  const directory = useDirectory();
  const plan = usePlan(props.planId);
  const data = plan.state.status === "ok" ? plan.state.data : null;
  // Plans name their accounts; older answers without names are looked up.
  const names = useAccountNames(
    (data?.handovers ?? []).filter((h) => !h.account_name).map((h) => h.account_id),
  );
  const leaverName = data ? (data.display_name ?? directory.userName(data.user_id)) : "Plan";
  const apply = useSubmit([]);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  if (plan.state.status === "unavailable") {
    return (
      <>
        <PageHeader title={t("departures.departurePlan")} />
        <EmptyState title={t("departures.noSuchPlan")} icon="?">
          <p>
            <a href="/departures">{t("departures.allDeparturePlans")}</a>
          </p>
        </EmptyState>
      </>
    );
  }

  const runApply = async () => {
    if (!data) return;
    const ok = await apply.run(() =>
      client.post(`/departures/${encodeURIComponent(data.id)}/apply`, undefined, {
        ifMatch: ifMatch(data),
      }),
    );
    setConfirming(false);
    if (ok) {
      refreshDirectory(client, user);
      plan.reload();
    }
  };

  return (
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumb")}>
        <a href="/departures">{t("departures.departures")}</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{leaverName}</span>
      </nav>
      <LoadView state={plan.state} what={t("departures.theDeparturePlan")} onRetry={plan.reload}>
        {(p) => {
          const groups = groupHandovers(p.handovers ?? []);
          const open = unresolvedHandovers(p);
          const closed = isClosed(p);
          return (
            <>
              <PageHeader
                title={t("departures.leavernameLeavesDate", {
                  leaverName,
                  date: formatDate(p.leave_date),
                })}
                description={t("departures.planSummary", {
                  count: p.handovers?.length ?? 0,
                  status: codeLabel("planStatus", p.status).toLocaleLowerCase(currentLanguage()),
                })}
                actions={
                  !closed &&
                  ownsPlans(user) &&
                  !cancelling &&
                  (confirming ? (
                    <>
                      <button
                        type="button"
                        class="button button-primary"
                        disabled={apply.busy}
                        onClick={runApply}
                      >
                        {t("departures.confirmMoveTheAssignments")}
                      </button>
                      <button type="button" class="button" onClick={() => setConfirming(false)}>
                        {t("departures.notYet")}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="button button-primary"
                        disabled={open.length > 0}
                        aria-describedby={open.length > 0 ? "apply-hint" : undefined}
                        onClick={() => setConfirming(true)}
                      >
                        {t("departures.applyPlan")}
                      </button>
                      <button type="button" class="button" onClick={() => setCancelling(true)}>
                        {t("hr.departures.cancelPlan")}
                      </button>
                    </>
                  ))
                }
              />
              {isCancelled(p) && (
                <div class="banner banner-info" role="status" data-testid="plan-cancelled">
                  <div>
                    <strong>
                      {p.cancelled_at
                        ? t("hr.departures.cancelledOn", { date: formatDate(p.cancelled_at) })
                        : t("hr.departures.cancelled")}
                    </strong>{" "}
                    {p.cancel_reason &&
                      t("hr.departures.cancelledBecause", { reason: p.cancel_reason })}{" "}
                    {t("hr.departures.statusUnchanged")}
                  </div>
                </div>
              )}
              {cancelling && !closed && (
                <CancelPlan
                  plan={p}
                  onClose={() => setCancelling(false)}
                  onCancelled={() => {
                    setCancelling(false);
                    plan.reload();
                  }}
                />
              )}
              {!closed && open.length > 0 && (
                <p class="muted" id="apply-hint">
                  {t("departures.openBeforeApply", { count: open.length })}
                </p>
              )}
              <ProblemBanner problem={apply.banner} />
              {(p.handovers ?? []).length === 0 ? (
                <EmptyState title={t("departures.nothingToHandOver")} icon="✓">
                  <p>{t("departures.theyHoldNoAccount")}</p>
                </EmptyState>
              ) : (
                <div class="board" data-testid="handover-board">
                  {BOARD_COLUMNS.map((col) => (
                    <section
                      class={`board-column${groups[col].length === 0 ? " board-column-empty" : ""}`}
                      key={col}
                      aria-labelledby={`col-${col}`}
                    >
                      <h2 id={`col-${col}`}>
                        {codeLabel("boardColumn", col)}{" "}
                        <span class="count">{groups[col].length}</span>
                      </h2>
                      <p class="muted small">{codeLabel("boardColumnHint", col)}</p>
                      <ul>
                        {groups[col].map((h) => (
                          <HandoverCard
                            key={h.account_id}
                            plan={p}
                            handover={h}
                            accountName={
                              h.account_name ?? names[h.account_id] ?? t("common.account")
                            }
                            readOnly={closed}
                            onChanged={plan.reload}
                          />
                        ))}
                      </ul>
                    </section>
                  ))}
                </div>
              )}
            </>
          );
        }}
      </LoadView>
    </>
  );
}

/** Asks why the plan is cancelled, then cancels it (`POST /departures/{id}/cancel`). */
function CancelPlan(props: { plan: DeparturePlan; onClose: () => void; onCancelled: () => void }) {
  const { client } = useApp();
  const [reason, setReason] = useState("");
  const submit = useSubmit(["reason"]);

  async function cancel(event: Event) {
    event.preventDefault();
    const ok = await submit.run(() =>
      client.post(
        `/departures/${encodeURIComponent(props.plan.id)}/cancel`,
        { reason },
        { ifMatch: ifMatch(props.plan) },
      ),
    );
    if (ok) props.onCancelled();
  }

  return (
    <section class="panel" aria-labelledby="cancel-plan-title">
      <h2 id="cancel-plan-title">{t("hr.departures.cancelThisPlan")}</h2>
      <p class="muted">{t("hr.departures.cancelExplained")}</p>
      <form
        class="form"
        onSubmit={cancel}
        noValidate
        aria-label={t("hr.departures.cancelThisPlan")}
      >
        <ProblemBanner problem={submit.banner} />
        <TextField
          label={t("hr.departures.reason")}
          name="reason"
          value={reason}
          error={submit.fieldErrors.reason}
          onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="form-actions">
          <button type="submit" class="button button-danger" disabled={submit.busy}>
            {t("hr.departures.confirmCancel")}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t("hr.departures.keepPlan")}
          </button>
        </div>
      </form>
    </section>
  );
}

function HandoverCard(props: {
  plan: DeparturePlan;
  handover: Handover;
  accountName: string;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { client } = useApp();
  const directory = useDirectory();
  const h = props.handover;
  const [mode, setMode] = useState<"view" | "assign" | "waive">("view");
  const [successor, setSuccessor] = useState(h.successor_id ?? h.suggestions?.[0]?.user_id ?? "");
  const [due, setDue] = useState(h.due_date ?? "");
  const [reason, setReason] = useState(h.waiver_reason ?? "");
  const submit = useSubmit(["successor_id", "due_date", "waiver_reason"]);
  const path = `/departures/${encodeURIComponent(props.plan.id)}/handovers/${encodeURIComponent(h.account_id)}`;
  const version = ifMatch(h) ?? ifMatch(props.plan);

  const suggested = (h.suggestions ?? []).map((s) => s.user_id);
  const others = directory.users
    .filter(
      (u) =>
        (u.status ?? "active") === "active" &&
        u.id !== props.plan.user_id &&
        !suggested.includes(u.id),
    )
    .map((u) => ({ value: u.id, label: u.display_name }));
  const options = [
    ...(h.suggestions ?? []).map((s, i) => ({
      value: s.user_id,
      label:
        i === 0
          ? t("departures.suggestedOption", {
              name: s.display_name ?? directory.userName(s.user_id),
            })
          : (s.display_name ?? directory.userName(s.user_id)),
    })),
    ...others,
  ];

  async function save(event: Event) {
    event.preventDefault();
    if (mode === "assign") {
      const errors: Record<string, string> = {};
      if (!successor) errors.successor_id = t("departures.chooseASuccessor");
      if (!due) errors.due_date = t("departures.setADueDate");
      if (Object.keys(errors).length) return submit.setFieldErrors(errors);
      const ok = await submit.run(() =>
        client.patch(path, { successor_id: successor, due_date: due }, { ifMatch: version }),
      );
      if (ok) {
        setMode("view");
        props.onChanged();
      }
    } else {
      if (!reason.trim())
        return submit.setFieldErrors({ waiver_reason: t("departures.sayWhyNoHandover") });
      const ok = await submit.run(() =>
        client.patch(path, { waiver_reason: reason.trim() }, { ifMatch: version }),
      );
      if (ok) {
        setMode("view");
        props.onChanged();
      }
    }
  }

  return (
    <li class="board-card">
      <a class="strong" href={`/accounts/${encodeURIComponent(h.account_id)}`}>
        {props.accountName}
      </a>
      {h.annual_value_minor != null && (
        <p class="small muted">
          {formatMoney(h.annual_value_minor, h.currency ?? "EUR")}
          {h.share != null && (
            <> · {t("departures.theirShare", { percent: formatPercent(h.share) })}</>
          )}
          {h.sole_holder && <> · {t("departures.soleHolder")}</>}
        </p>
      )}
      <LeavingHoldersNote holders={h.other_holders_leaving ?? []} />
      {h.waiver_reason ? (
        <p class="small">{t("departures.waivedBecause", { reason: h.waiver_reason })}</p>
      ) : h.successor_id ? (
        <p class="small">
          <Sentence
            text={t("departures.handedTo", { who: slot("who"), date: formatDate(h.due_date) })}
            parts={{ who: <strong>{directory.userName(h.successor_id)}</strong> }}
          />
        </p>
      ) : (
        <p class="small muted">
          {h.suggestions?.length
            ? t("departures.suggestedJoin", {
                join: h.suggestions
                  .slice(0, 3)
                  .map((s) => s.display_name ?? directory.userName(s.user_id))
                  .join(", "),
              })
            : t("departures.noSuggestionAvailable")}
        </p>
      )}
      {!props.readOnly && mode === "view" && (
        <div class="card-actions">
          <button
            type="button"
            class="button button-small"
            aria-label={t("departures.chooseASuccessorForAccountname", {
              accountName: props.accountName,
            })}
            onClick={() => setMode("assign")}
          >
            {h.successor_id ? t("departures.change") : t("departures.assign")}
          </button>
          {!h.waiver_reason && (
            <button
              type="button"
              class="button button-ghost button-small"
              aria-label={t("departures.waiveTheHandoverOfAccountname", {
                accountName: props.accountName,
              })}
              onClick={() => setMode("waive")}
            >
              {t("departures.waive")}
            </button>
          )}
        </div>
      )}
      {mode !== "view" && (
        <form class="form card-form" onSubmit={save} noValidate>
          <ProblemBanner problem={submit.banner} />
          {mode === "assign" ? (
            <>
              <SelectField
                label={t("departures.successor")}
                name="successor_id"
                value={successor}
                placeholder={t("common.choosePerson")}
                options={options}
                error={submit.fieldErrors.successor_id}
                onChange={setSuccessor}
              />
              <TextField
                label={t("departures.dueDate")}
                name="due_date"
                type="date"
                value={due}
                error={submit.fieldErrors.due_date}
                onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)}
              />
            </>
          ) : (
            <TextField
              label={t("departures.reasonForTheWaiver")}
              name="waiver_reason"
              value={reason}
              error={submit.fieldErrors.waiver_reason}
              onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
            />
          )}
          <div class="form-actions">
            <button type="submit" class="button button-primary button-small" disabled={submit.busy}>
              {t("common.save")}
            </button>
            <button type="button" class="button button-small" onClick={() => setMode("view")}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
