import { useEffect, useState } from "preact/hooks";
import type { Attendee, ClientEvent, Contact, EventKind, Page, SessionUser } from "../api/types";
import { EVENT_KINDS } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { permissionsOf } from "../app/permissions";
import { useDirectory } from "../app/directory";
import {
  checkEvent,
  draftFromEvent,
  emptyEventDraft,
  EVENT_NAME_MAX,
  eventPatch,
  groupAttendees,
  toggleAttendee,
  type EventDraft,
} from "../app/events";
import { formatDate, formatDateTime } from "../app/format";
import { SUMMARY_MAX } from "../app/interactions";
import { subPath, type PageProps } from "../app/nav";
import { navigate } from "../app/router";
import { useApi, useDebounced, usePagedList } from "../app/useApi";
import { useSubmit } from "../app/useSubmit";
import { AccountSearch } from "../components/AccountSearch";
import {
  Badge,
  Breadcrumbs,
  Check,
  ChoiceGroup,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  ProblemBanner,
  SelectField,
  TextAreaField,
  TextField,
} from "../components/ui";
import { t } from "../i18n";
import { codeLabel } from "../app/labels";

const FIELDS = ["name", "kind", "occurred_at", "employee_ids", "contact_ids", "summary"] as const;

/** HR reads events; everyone else may record them for accounts they can edit. */
function canRecord(user: SessionUser): boolean {
  return permissionsOf(user).may_edit_accounts;
}

export function EventsPage({ path }: PageProps) {
  const id = subPath(path, "/events");
  if (id === "new") return <NewEvent />;
  return id ? <EventPage key={id} eventId={id} /> : <EventList />;
}

function EventList() {
  const { user } = useApp();
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const q = useDebounced(text.trim(), 250);
  const list = usePagedList<ClientEvent>("/events", { q, status });
  return (
    <>
      <PageHeader
        title={t("events.clientEvents")}
        description={t("events.clientDaysSeminarsAndDinners")}
        actions={
          canRecord(user) && (
            <a class="button button-primary" href="/events/new">
              {t("events.newEvent")}
            </a>
          )
        }
      />
      <form
        class="toolbar filters"
        role="search"
        aria-label={t("events.filterEvents")}
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label={t("common.search")}
          name="q"
          type="search"
          placeholder={t("events.eventName")}
          value={text}
          class="filter-search"
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <SelectField
          label={t("common.status")}
          name="status"
          value={status}
          placeholder={t("events.openAndClosed")}
          options={[
            { value: "open", label: t("events.open") },
            { value: "closed", label: t("events.closed") },
          ]}
          onChange={setStatus}
        />
      </form>
      <LoadView state={list.state} what={t("events.clientEvents2")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState
              title={q || status ? t("events.noEventMatches") : t("events.noClientEventsYet")}
              icon="✦"
            >
              <p>{t("events.recordAClientDayOr")}</p>
            </EmptyState>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="events-table">
                  <caption class="sr-only">{t("events.clientEvents")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("events.event")}</th>
                      <th scope="col">{t("common.kind")}</th>
                      <th scope="col">{t("common.when")}</th>
                      <th scope="col" class="num">
                        {t("common.accounts")}
                      </th>
                      <th scope="col" class="num">
                        {t("events.attendees")}
                      </th>
                      <th scope="col">{t("common.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((e) => (
                      <tr key={e.id}>
                        <th scope="row" class="strong cell-title">
                          <a href={`/events/${encodeURIComponent(e.id)}`}>{e.name}</a>
                        </th>
                        <td data-label={t("common.kind")}>{codeLabel("eventKind", e.kind)}</td>
                        <td data-label={t("common.when")}>{formatDate(e.occurred_at)}</td>
                        <td data-label={t("common.accounts")} class="num">
                          {e.account_ids.length}
                        </td>
                        <td data-label={t("events.attendees")} class="num">
                          {e.attendees.length + (e.hidden_attendees ?? 0)}
                        </td>
                        <td data-label={t("common.status")}>
                          <StatusBadge status={e.status} />
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

function StatusBadge(props: { status: string }) {
  return props.status === "closed" ? (
    <Badge>{t("events.closed")}</Badge>
  ) : (
    <Badge tone="info">{t("events.openForChanges")}</Badge>
  );
}

const parent = () => ({ href: "/events", label: t("nav.events") });

function NewEvent() {
  const { user } = useApp();
  if (!canRecord(user)) {
    return (
      <>
        <Breadcrumbs parent={parent()} current={t("events.newEvent")} />
        <EmptyState title={t("events.hrReadsEvents")} icon="✦">
          <p>{t("events.eventsAreRecordedByThe")}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs parent={parent()} current={t("events.newEvent")} />
      <PageHeader
        title={t("events.newClientEvent")}
        description={t("events.pickTheContactsWhoCame")}
      />
      <EventForm
        initial={{ ...emptyEventDraft(), employeeIds: [user.id] }}
        onCancel={() => navigate("/events")}
        onSaved={(e) => navigate(`/events/${encodeURIComponent(e.id)}`)}
      />
    </>
  );
}

function EventPage(props: { eventId: string }) {
  const { client, user } = useApp();
  const directory = useDirectory();
  const { state, reload } = useApi<ClientEvent>(`/events/${encodeURIComponent(props.eventId)}`);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"close" | "delete" | null>(null);
  const action = useSubmit([]);
  const event = state.status === "ok" ? state.data : null;

  useEffect(() => {
    if (event) document.title = t("app.documentTitle", { title: event.name });
  }, [event?.name]);

  if (state.status === "unavailable") {
    return (
      <>
        <Breadcrumbs parent={parent()} current={t("events.event")} />
        <EmptyState title={t("events.noSuchEvent")} icon="?">
          <p>
            {t("events.itDoesNotExistOr")} <a href="/events">{t("events.allClientEvents")}</a>
          </p>
        </EmptyState>
      </>
    );
  }

  const run = async (what: "close" | "delete") => {
    if (!event) return;
    const path = `/events/${encodeURIComponent(event.id)}`;
    const ok = await action.run(() =>
      what === "close"
        ? client.post(`${path}/close`, undefined, { ifMatch: ifMatch(event) })
        : client.delete(path, { ifMatch: ifMatch(event) }),
    );
    setConfirm(null);
    if (ok && what === "delete") navigate("/events");
    else if (ok) reload();
  };

  const open = event?.status === "open";
  const mayChange = open && canRecord(user) && !editing;

  return (
    <>
      <Breadcrumbs parent={parent()} current={event?.name ?? t("events.event")} />
      <LoadView state={state} what={t("events.theEvent")} onRetry={reload}>
        {(e) => (
          <>
            <PageHeader
              title={e.name}
              description={t("events.headline", {
                kind: codeLabel("eventKind", e.kind),
                when: formatDateTime(e.occurred_at),
                count: e.account_ids.length,
              })}
              actions={
                <>
                  <StatusBadge status={e.status} />
                  {mayChange && confirm === null && (
                    <>
                      <button type="button" class="button" onClick={() => setEditing(true)}>
                        {t("events.editAttendance")}
                      </button>
                      <button type="button" class="button" onClick={() => setConfirm("close")}>
                        {t("events.closeEvent")}
                      </button>
                      <button
                        type="button"
                        class="button button-ghost"
                        onClick={() => setConfirm("delete")}
                      >
                        {t("common.delete")}
                      </button>
                    </>
                  )}
                  {confirm && (
                    <>
                      <button
                        type="button"
                        class={`button ${confirm === "delete" ? "button-danger" : "button-primary"}`}
                        disabled={action.busy}
                        onClick={() => void run(confirm)}
                      >
                        {confirm === "close"
                          ? t("events.confirmCloseAttendanceIsFinal")
                          : t("events.confirmDeleteWithItsTouchpoints")}
                      </button>
                      <button type="button" class="button" onClick={() => setConfirm(null)}>
                        {t("common.cancel")}
                      </button>
                    </>
                  )}
                </>
              }
            />
            <ProblemBanner problem={action.banner} />
            {editing ? (
              <EventForm
                event={e}
                initial={draftFromEvent(e)}
                onCancel={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  reload();
                }}
              />
            ) : (
              <div class="event-layout">
                <section class="panel" aria-labelledby="attendees-title">
                  <h2 id="attendees-title">{t("events.whoCame")}</h2>
                  {e.attendees.length === 0 ? (
                    <p class="muted">{t("events.noAttendeeOnAnAccount")}</p>
                  ) : (
                    <ul class="attending" data-testid="event-attendees">
                      {groupAttendees(e.attendees).map((g) => (
                        <li key={g.account_id}>
                          <a class="strong" href={`/accounts/${encodeURIComponent(g.account_id)}`}>
                            {g.account_name}
                          </a>
                          <span class="muted">
                            {" "}
                            — {g.contacts.map((c) => c.contact_name).join(", ")}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {(e.hidden_attendees ?? 0) > 0 && (
                    <p class="muted small">
                      {t("events.hiddenAttendees", { count: e.hidden_attendees ?? 0 })}
                    </p>
                  )}
                </section>
                <section class="panel" aria-labelledby="hosts-title">
                  <h2 id="hosts-title">{t("common.ourPeople")}</h2>
                  {e.employee_ids.length === 0 ? (
                    <p class="muted">{t("events.nobodyNamedHeldByThe")}</p>
                  ) : (
                    <ul class="chip-list">
                      {e.employee_ids.map((id) => (
                        <li class="chip" key={id}>
                          {id === user.id ? user.display_name : directory.userName(id)}
                        </li>
                      ))}
                    </ul>
                  )}
                  <h3 class="subhead">{t("common.summary")}</h3>
                  <p>{e.summary || <span class="muted">{t("common.noSummary")}</span>}</p>
                  <p class="muted small">{t("events.countsTowardEachAttendingAccount")}</p>
                </section>
              </div>
            )}
          </>
        )}
      </LoadView>
    </>
  );
}

function EventForm(props: {
  event?: ClientEvent;
  initial: EventDraft;
  onCancel: () => void;
  onSaved: (event: ClientEvent) => void;
}) {
  const { client, user } = useApp();
  const directory = useDirectory();
  const [draft, setDraft] = useState<EventDraft>(props.initial);
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<EventDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // An error about the attendees goes once someone is picked.
    if (patch.attendees?.length && submit.fieldErrors.contact_ids) {
      submit.setFieldErrors(
        Object.fromEntries(
          Object.entries(submit.fieldErrors).filter(([field]) => field !== "contact_ids"),
        ),
      );
    }
  };

  // Without the user list (members) the form offers the people already named.
  const people = directory.users.length
    ? directory.users.filter((u) => (u.status ?? "active") !== "departed")
    : [user];
  const addable = people.filter((u) => !draft.employeeIds.includes(u.id));
  const personName = (id: string) => (id === user.id ? user.display_name : directory.userName(id));

  async function save(event: Event) {
    event.preventDefault();
    const { errors, body } = checkEvent(draft);
    if (!body) {
      submit.setFieldErrors(errors);
      submit.setBanner(null);
      return;
    }
    let saved: ClientEvent | null = null;
    const ok = await submit.run(async () => {
      saved = props.event
        ? await client.patch<ClientEvent>(
            `/events/${encodeURIComponent(props.event.id)}`,
            eventPatch(body),
            { ifMatch: ifMatch(props.event) },
          )
        : await client.post<ClientEvent>("/events", body);
    });
    if (ok && saved) props.onSaved(saved);
  }

  return (
    <form class="panel form form-grid" onSubmit={save} noValidate aria-label={t("events.event")}>
      <ProblemBanner problem={submit.banner} />
      <TextField
        label={t("common.name")}
        name="name"
        value={draft.name}
        maxLength={EVENT_NAME_MAX}
        error={submit.fieldErrors.name}
        onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
      />
      <SelectField
        label={t("common.kind")}
        name="kind"
        value={draft.kind}
        options={EVENT_KINDS.map((k) => ({ value: k, label: codeLabel("eventKind", k) }))}
        error={submit.fieldErrors.kind}
        disabled={props.event !== undefined}
        hint={props.event ? t("events.fixedOnceRecorded") : undefined}
        onChange={(kind) => set({ kind: kind as EventKind })}
      />
      <TextField
        label={t("common.when")}
        name="occurred_at"
        type="datetime-local"
        value={draft.occurredAt}
        error={submit.fieldErrors.occurred_at}
        onInput={(e) => set({ occurredAt: (e.currentTarget as HTMLInputElement).value })}
      />
      <ChoiceGroup
        legend={t("common.ourPeople")}
        class="span-all hosts"
        error={submit.fieldErrors.employee_ids}
        hint={t("events.theColleaguesWhoHostedThe")}
      >
        <ul class="chip-list">
          {draft.employeeIds.map((id) => (
            <li class="chip chip-removable" key={id}>
              {personName(id)}
              <button
                type="button"
                class="chip-remove"
                aria-label={t("events.removePersonname", { personName: personName(id) })}
                onClick={() => set({ employeeIds: draft.employeeIds.filter((x) => x !== id) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        {addable.length > 0 && (
          <SelectField
            label={t("events.addAColleague")}
            name="add_employee"
            value=""
            placeholder={t("common.choosePerson")}
            options={addable.map((u) => ({ value: u.id, label: u.display_name }))}
            onChange={(id) => id && set({ employeeIds: [...draft.employeeIds, id] })}
          />
        )}
      </ChoiceGroup>
      <div class="span-all">
        <AttendeePicker
          attendees={draft.attendees}
          error={submit.fieldErrors.contact_ids}
          onChange={(attendees) => set({ attendees })}
        />
      </div>
      <div class="span-all">
        <TextAreaField
          label={t("events.summaryOptional")}
          name="summary"
          value={draft.summary}
          maxLength={SUMMARY_MAX}
          error={submit.fieldErrors.summary}
          onInput={(summary) => set({ summary })}
        />
      </div>
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy
            ? t("common.saving")
            : props.event
              ? t("events.saveAttendance")
              : t("events.recordEvent")}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Contacts picked across accounts: find an account, tick the contacts who came. */
function AttendeePicker(props: {
  attendees: Attendee[];
  error?: string | null;
  onChange: (attendees: Attendee[]) => void;
}) {
  const [account, setAccount] = useState<{ id: string; name: string } | null>(null);
  const groups = groupAttendees(props.attendees);
  return (
    <fieldset class={`choice-group attendee-picker${props.error ? " field-invalid" : ""}`}>
      <legend>{t("events.clientAttendees")}</legend>
      <div class="picker-columns">
        <div>
          <AccountSearch
            label={t("common.findAccount")}
            action={(a) => (a.id === account?.id ? t("events.showing") : t("events.showContacts"))}
            activeId={account?.id}
            onPick={(a) => setAccount({ id: a.id, name: a.name })}
          />
          {account && (
            <AccountContacts
              key={account.id}
              account={account}
              attendees={props.attendees}
              onToggle={(a) => props.onChange(toggleAttendee(props.attendees, a))}
            />
          )}
        </div>
        <div class="picked" data-testid="picked-attendees">
          <h3 class="subhead">
            {t("events.picked", {
              contacts: t("events.contactCount", { count: props.attendees.length }),
              accounts: t("events.accountCount", { count: groups.length }),
            })}
          </h3>
          {groups.length === 0 ? (
            <p class="muted small">{t("events.nobodyYet")}</p>
          ) : (
            <ul class="attending">
              {groups.map((g) => (
                <li key={g.account_id}>
                  <span class="strong">{g.account_name}</span>
                  <ul class="chip-list">
                    {g.contacts.map((c) => (
                      <li class="chip chip-removable" key={c.contact_id}>
                        {c.contact_name}
                        <button
                          type="button"
                          class="chip-remove"
                          aria-label={t("events.removeContactName", {
                            contact_name: c.contact_name,
                          })}
                          onClick={() => props.onChange(toggleAttendee(props.attendees, c))}
                        >
                          ×
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  );
}

function AccountContacts(props: {
  account: { id: string; name: string };
  attendees: Attendee[];
  onToggle: (attendee: Attendee) => void;
}) {
  const { state, reload } = useApi<Page<Contact>>(
    `/accounts/${encodeURIComponent(props.account.id)}/contacts`,
  );
  return (
    <div
      class="account-contacts"
      aria-label={t("events.contactsOfName", { name: props.account.name })}
      role="group"
    >
      <h3 class="subhead">{t("events.contactsOfName", { name: props.account.name })}</h3>
      <LoadView state={state} what={t("events.contacts")} onRetry={reload}>
        {(page) => {
          const current = (page.items ?? []).filter((c) => !c.left_at);
          return current.length === 0 ? (
            <p class="muted small">{t("events.noCurrentContactsOnFile")}</p>
          ) : (
            <div class="choice-options">
              {current.map((c) => (
                <Check
                  key={c.id}
                  name="contact_ids"
                  value={c.id}
                  checked={props.attendees.some((a) => a.contact_id === c.id)}
                  onChange={() =>
                    props.onToggle({
                      contact_id: c.id,
                      contact_name: c.name,
                      account_id: props.account.id,
                      account_name: props.account.name,
                    })
                  }
                >
                  {c.name}
                  {c.job_title && <span class="muted small"> · {c.job_title}</span>}
                </Check>
              ))}
            </div>
          );
        }}
      </LoadView>
    </div>
  );
}
