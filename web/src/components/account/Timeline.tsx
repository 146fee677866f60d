import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Assignment, Contact, Interaction, InteractionKind } from "../../api/types";
import { INTERACTION_KINDS } from "../../api/types";
import { ifMatch } from "../../api/versions";
import { useApp } from "../../app/context";
import { formatDate } from "../../app/format";
import { toDateTimeLocal } from "../../app/forms";
import {
  checkInteraction,
  isOpenComplaint,
  SUMMARY_MAX,
  toggleId,
  type InteractionDraft,
} from "../../app/interactions";
import { KIND_LABELS } from "../../app/labels";
import { useApi, usePagedList } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import {
  Badge,
  Check,
  ChoiceGroup,
  EmptyState,
  LoadMore,
  LoadView,
  ProblemBanner,
  SelectField,
  TextAreaField,
  TextField,
} from "../ui";
import type { Names } from "./names";

// In the order the form shows them, so the first error found is the first one seen.
const FIELDS = [
  "kind",
  "occurred_at",
  "on_behalf_of",
  "employee_ids",
  "contact_ids",
  "complaint_status",
  "follow_up_owner_id",
  "follow_up_due",
  "resolution",
  "summary",
] as const;

function formatWhen(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** The shared timeline: everything that happened with the client, newest first. */
export function Timeline(props: {
  accountId: string;
  canEdit: boolean;
  canReadNotes: boolean;
  team: Assignment[];
  contacts: Contact[];
  names: Names;
  onChanged: () => void;
}) {
  const list = usePagedList<Interaction>(
    `/accounts/${encodeURIComponent(props.accountId)}/interactions`,
    {},
    25,
  );
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const changed = () => {
    list.reload();
    props.onChanged();
  };

  return (
    <section class="panel" aria-labelledby="timeline-title">
      <div class="panel-head">
        <h2 id="timeline-title">Timeline</h2>
        {props.canEdit && !adding && (
          <button
            type="button"
            class="button button-small button-primary"
            ref={addButton}
            onClick={() => setAdding(true)}
          >
            Add interaction
          </button>
        )}
      </div>
      {adding && (
        <InteractionForm
          accountId={props.accountId}
          team={props.team}
          contacts={props.contacts}
          onDone={(saved) => {
            setAdding(false);
            window.setTimeout(() => addButton.current?.focus());
            if (saved) changed();
          }}
        />
      )}
      <LoadView state={list.state} what="the timeline" onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title="Nothing recorded yet" icon="◷">
              <p>
                Log meetings, calls and gifts here, so whoever picks the account up knows the whole
                story.
              </p>
            </EmptyState>
          ) : (
            <>
              <ol class="timeline" data-testid="timeline">
                {items.map((i) => (
                  <TimelineItem
                    key={i.id}
                    interaction={i}
                    names={props.names}
                    canEdit={props.canEdit}
                    canReadNotes={props.canReadNotes}
                    onChanged={changed}
                  />
                ))}
              </ol>
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
    </section>
  );
}

function TimelineItem(props: {
  interaction: Interaction;
  names: Names;
  canEdit: boolean;
  canReadNotes: boolean;
  onChanged: () => void;
}) {
  const i = props.interaction;
  const people = i.employee_ids.map(props.names.user);
  const contacts = i.contact_ids.map(props.names.contact);

  return (
    <li class={`timeline-item kind-${i.kind}`}>
      <div class="timeline-meta">
        <Badge tone={i.kind === "complaint" ? "bad" : "neutral"}>
          {KIND_LABELS[i.kind] ?? i.kind}
        </Badge>
        <time dateTime={i.occurred_at}>{formatWhen(i.occurred_at)}</time>
        {i.on_behalf_of === "organisation" && <Badge tone="info">In the firm's name</Badge>}
        {i.kind === "complaint" &&
          (isOpenComplaint(i) ? (
            <Badge tone="warn">Open</Badge>
          ) : (
            <Badge tone="good">Resolved {formatDate(i.resolved_at)}</Badge>
          ))}
      </div>
      {i.summary != null ? (
        <p class="timeline-summary">{i.summary}</p>
      ) : (
        <p class="timeline-summary muted">
          {props.canReadNotes ? "No summary." : "Note text is not shown to HR."}
        </p>
      )}
      <p class="muted small">
        {people.length > 0 ? `Us: ${people.join(", ")}` : "Us: the firm"}
        {" · "}
        {contacts.length > 0 ? `Them: ${contacts.join(", ")}` : "Them: nobody named"}
      </p>
      {isOpenComplaint(i) && (i.follow_up_owner_id || i.follow_up_due) && (
        <p class="small follow-up">
          Follow-up:{" "}
          {i.follow_up_owner_id ? props.names.user(i.follow_up_owner_id) : "the account team"}
          {i.follow_up_due ? ` by ${formatDate(i.follow_up_due)}` : ""}
        </p>
      )}
      {i.kind === "complaint" && (
        <ComplaintDialogue
          interaction={i}
          names={props.names}
          canEdit={props.canEdit}
          onChanged={props.onChanged}
        />
      )}
    </li>
  );
}

/**
 * A complaint is a dialogue: its follow-up trail, a note to add to it, and resolving,
 * which asks for what was done.
 */
function ComplaintDialogue(props: {
  interaction: Interaction;
  names: Names;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { client } = useApp();
  const listed = props.interaction;
  const [mode, setMode] = useState<"view" | "follow-up" | "resolve">("view");
  const [text, setText] = useState("");
  const submit = useSubmit(["note", "resolution", "complaint_status"]);
  const path = `/interactions/${encodeURIComponent(listed.id)}`;
  // The trail comes with the view of one interaction, not with the timeline's list.
  const detail = useApi<Interaction>(path);
  const read = detail.state.status === "ok" ? detail.state.data : null;
  const i = read && read.version >= listed.version ? read : listed;
  const trail = read?.follow_ups ?? listed.follow_ups ?? [];
  const field = mode === "resolve" ? "resolution" : "note";

  async function save(event: Event) {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      submit.setFieldErrors({
        [field]: mode === "resolve" ? "Say what was done about it." : "Write the follow-up.",
      });
      return;
    }
    const ok = await submit.run(() =>
      mode === "resolve"
        ? client.patch(
            path,
            { complaint_status: "resolved", resolution: value },
            { ifMatch: ifMatch(i) },
          )
        : client.post(`${path}/follow-ups`, { note: value }),
    );
    if (ok) {
      setMode("view");
      setText("");
      detail.reload();
      props.onChanged();
    }
  }

  return (
    <div class="complaint-dialogue">
      {trail.length > 0 && (
        <ol class="follow-up-trail" aria-label="Follow-ups">
          {trail.map((f) => (
            <li key={f.id}>
              <span class="muted small">
                {formatWhen(f.created_at)} ·{" "}
                {f.author_name ?? (f.author_id ? props.names.user(f.author_id) : "—")}
              </span>
              <p>{f.note ?? <span class="muted">Note text is not shown to HR.</span>}</p>
            </li>
          ))}
        </ol>
      )}
      {i.resolution && (
        <p class="small resolution">
          <span class="strong">What was done:</span> {i.resolution}
        </p>
      )}
      {props.canEdit && isOpenComplaint(i) && mode === "view" && (
        <div class="card-actions">
          <button type="button" class="button button-small" onClick={() => setMode("follow-up")}>
            Add follow-up
          </button>
          <button type="button" class="button button-small" onClick={() => setMode("resolve")}>
            Resolve complaint
          </button>
        </div>
      )}
      {mode !== "view" && (
        <form
          class="form card-form"
          onSubmit={save}
          noValidate
          aria-label={mode === "resolve" ? "Resolve complaint" : "Add follow-up"}
        >
          <ProblemBanner problem={submit.banner} />
          <TextAreaField
            label={mode === "resolve" ? "What was done?" : "Follow-up"}
            name={field}
            value={text}
            rows={2}
            maxLength={SUMMARY_MAX}
            error={submit.fieldErrors[field] ?? submit.fieldErrors.complaint_status}
            onInput={setText}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary button-small" disabled={submit.busy}>
              {mode === "resolve" ? "Mark resolved" : "Add to the trail"}
            </button>
            <button
              type="button"
              class="button button-small"
              onClick={() => {
                setMode("view");
                submit.reset();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === "view" && <ProblemBanner problem={submit.banner} />}
    </div>
  );
}

function InteractionForm(props: {
  accountId: string;
  team: Assignment[];
  contacts: Contact[];
  onDone: (saved: boolean) => void;
}) {
  const { client, user } = useApp();
  const onTeam = props.team.some((a) => a.user_id === user.id);
  const [draft, setDraft] = useState<InteractionDraft>({
    kind: "meeting",
    occurredAt: toDateTimeLocal(new Date()),
    summary: "",
    employeeIds: onTeam ? [user.id] : [],
    contactIds: [],
    onBehalfOf: "person",
    complaintStatus: "open",
  });
  const submit = useSubmit(FIELDS);
  const set = (patch: Partial<InteractionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const formRef = useRef<HTMLFormElement>(null);
  // Focus before the form can be typed into, so no keystroke lands elsewhere.
  useLayoutEffect(() => formRef.current?.querySelector<HTMLElement>("select")?.focus(), []);

  async function save(event: Event) {
    event.preventDefault();
    const { errors, body } = checkInteraction(draft);
    if (!body) {
      submit.setFieldErrors(errors);
      submit.setBanner(null);
      const first = FIELDS.find((f) => errors[f]);
      const el = (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>(
        `[name="${first}"]`,
      );
      el?.focus();
      return;
    }
    const ok = await submit.run(() =>
      client.post(`/accounts/${encodeURIComponent(props.accountId)}/interactions`, body),
    );
    if (ok) props.onDone(true);
  }

  return (
    <form
      class="form form-grid inline-form"
      ref={formRef}
      onSubmit={save}
      noValidate
      aria-label="New interaction"
    >
      <ProblemBanner problem={submit.banner} />
      <SelectField
        label="Kind"
        name="kind"
        value={draft.kind}
        options={INTERACTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        error={submit.fieldErrors.kind}
        onChange={(kind) => set({ kind: kind as InteractionKind })}
      />
      <TextField
        label="When"
        name="occurred_at"
        type="datetime-local"
        value={draft.occurredAt}
        error={submit.fieldErrors.occurred_at}
        onInput={(e) => set({ occurredAt: (e.currentTarget as HTMLInputElement).value })}
      />
      <ChoiceGroup legend="On behalf of" error={submit.fieldErrors.on_behalf_of} class="span-all">
        <label class="check">
          <input
            type="radio"
            name="on_behalf_of"
            value="person"
            checked={draft.onBehalfOf === "person"}
            onChange={() => set({ onBehalfOf: "person" })}
          />
          <span>A person (a personal tie)</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="on_behalf_of"
            value="organisation"
            checked={draft.onBehalfOf === "organisation"}
            onChange={() => set({ onBehalfOf: "organisation" })}
          />
          <span>The firm (an institutional tie)</span>
        </label>
      </ChoiceGroup>
      <ChoiceGroup legend="Our people" error={submit.fieldErrors.employee_ids}>
        {props.team.length === 0 && <span class="muted">Nobody is on the team.</span>}
        {props.team.map((a) => (
          <Check
            key={a.user_id}
            name="employee_ids"
            value={a.user_id}
            checked={draft.employeeIds.includes(a.user_id)}
            onChange={() => set({ employeeIds: toggleId(draft.employeeIds, a.user_id) })}
          >
            {a.display_name}
          </Check>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend="Their contacts" error={submit.fieldErrors.contact_ids}>
        {props.contacts.length === 0 && <span class="muted">No current contacts.</span>}
        {props.contacts.map((c) => (
          <Check
            key={c.id}
            name="contact_ids"
            value={c.id}
            checked={draft.contactIds.includes(c.id)}
            onChange={() => set({ contactIds: toggleId(draft.contactIds, c.id) })}
          >
            {c.name}
          </Check>
        ))}
      </ChoiceGroup>
      {draft.kind === "complaint" && (
        <SelectField
          label="Complaint status"
          name="complaint_status"
          value={draft.complaintStatus}
          options={[
            { value: "open", label: "Open" },
            { value: "resolved", label: "Resolved" },
          ]}
          error={submit.fieldErrors.complaint_status}
          onChange={(v) => set({ complaintStatus: v as "open" })}
        />
      )}
      {draft.kind === "complaint" && draft.complaintStatus === "open" && (
        <>
          <SelectField
            label="Who follows up"
            name="follow_up_owner_id"
            value={draft.followUpOwnerId ?? ""}
            placeholder="Nobody yet"
            options={props.team.map((a) => ({ value: a.user_id, label: a.display_name }))}
            error={submit.fieldErrors.follow_up_owner_id}
            onChange={(v) => set({ followUpOwnerId: v })}
          />
          <TextField
            label="Follow up by"
            name="follow_up_due"
            type="date"
            value={draft.followUpDue ?? ""}
            error={submit.fieldErrors.follow_up_due}
            onInput={(e) => set({ followUpDue: (e.currentTarget as HTMLInputElement).value })}
          />
        </>
      )}
      {draft.kind === "complaint" && draft.complaintStatus === "resolved" && (
        <div class="span-all">
          <TextAreaField
            label="What was done?"
            name="resolution"
            value={draft.resolution ?? ""}
            maxLength={SUMMARY_MAX}
            rows={2}
            error={submit.fieldErrors.resolution}
            onInput={(resolution) => set({ resolution })}
          />
        </div>
      )}
      <div class="span-all">
        <TextAreaField
          label="Summary"
          name="summary"
          value={draft.summary}
          maxLength={SUMMARY_MAX}
          rows={3}
          error={submit.fieldErrors.summary}
          onInput={(summary) => set({ summary })}
        />
      </div>
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? "Saving…" : "Save interaction"}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
