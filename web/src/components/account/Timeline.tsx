import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Assignment, Contact, Interaction, InteractionKind } from "../../api/types";
import { INTERACTION_KINDS } from "../../api/types";
import { ifMatch } from "../../api/versions";
import { useApp } from "../../app/context";
import { formatDate, formatDateTime } from "../../app/format";
import { toDateTimeLocal } from "../../app/forms";
import {
  checkInteraction,
  isOpenComplaint,
  SUMMARY_MAX,
  toggleId,
  type InteractionDraft,
} from "../../app/interactions";
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
import { t } from "../../i18n";
import { codeLabel } from "../../app/labels";

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
        <h2 id="timeline-title">{t("timeline.timeline")}</h2>
        {props.canEdit && !adding && (
          <button
            type="button"
            class="button button-small button-primary"
            ref={addButton}
            onClick={() => setAdding(true)}
          >
            {t("timeline.addInteraction")}
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
      <LoadView state={list.state} what={t("timeline.theTimeline")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title={t("timeline.nothingRecordedYet")} icon="◷">
              <p>{t("timeline.logMeetingsCallsAndGifts")}</p>
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
  const followUpOwner = i.follow_up_owner_id
    ? props.names.user(i.follow_up_owner_id)
    : t("timeline.theAccountTeam");
  const contacts = i.contact_ids.map(props.names.contact);

  return (
    <li class={`timeline-item kind-${i.kind}`}>
      <div class="timeline-meta">
        <Badge tone={i.kind === "complaint" ? "bad" : "neutral"}>
          {codeLabel("interactionKind", i.kind)}
        </Badge>
        <time dateTime={i.occurred_at}>{formatDateTime(i.occurred_at)}</time>
        {i.on_behalf_of === "organisation" && (
          <Badge tone="info">{t("timeline.inTheFirmSName")}</Badge>
        )}
        {i.kind === "complaint" &&
          (isOpenComplaint(i) ? (
            <Badge tone="warn">{t("timeline.open")}</Badge>
          ) : (
            <Badge tone="good">
              {t("timeline.resolvedOn", { date: formatDate(i.resolved_at) })}
            </Badge>
          ))}
      </div>
      {i.summary != null ? (
        <p class="timeline-summary">{i.summary}</p>
      ) : (
        <p class="timeline-summary muted">
          {props.canReadNotes ? t("common.noSummary") : t("timeline.noteTextIsNotShown")}
        </p>
      )}
      <p class="muted small">
        {people.length > 0
          ? t("timeline.usJoin", { join: people.join(", ") })
          : t("timeline.usTheFirm")}
        {" · "}
        {contacts.length > 0
          ? t("timeline.themJoin", { join: contacts.join(", ") })
          : t("timeline.themNobodyNamed")}
      </p>
      {isOpenComplaint(i) && (i.follow_up_owner_id || i.follow_up_due) && (
        <p class="small follow-up">
          {i.follow_up_due
            ? t("timeline.followUpNoteBy", {
                who: followUpOwner,
                date: formatDate(i.follow_up_due),
              })
            : t("timeline.followUpNote", { who: followUpOwner })}
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
        [field]: mode === "resolve" ? t("timeline.sayWhatWasDone") : t("timeline.writeFollowUp"),
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
        <ol class="follow-up-trail" aria-label={t("timeline.followUps")}>
          {trail.map((f) => (
            <li key={f.id}>
              <span class="muted small">
                {formatDateTime(f.created_at)} ·{" "}
                {f.author_name ?? (f.author_id ? props.names.user(f.author_id) : "—")}
              </span>
              <p>{f.note ?? <span class="muted">{t("timeline.noteTextIsNotShown")}</span>}</p>
            </li>
          ))}
        </ol>
      )}
      {i.resolution && (
        <p class="small resolution">
          <span class="strong">{t("timeline.whatWasDone")}</span> {i.resolution}
        </p>
      )}
      {props.canEdit && isOpenComplaint(i) && mode === "view" && (
        <div class="card-actions">
          <button type="button" class="button button-small" onClick={() => setMode("follow-up")}>
            {t("timeline.addFollowUp")}
          </button>
          <button type="button" class="button button-small" onClick={() => setMode("resolve")}>
            {t("timeline.resolveComplaint")}
          </button>
        </div>
      )}
      {mode !== "view" && (
        <form
          class="form card-form"
          onSubmit={save}
          noValidate
          aria-label={
            mode === "resolve" ? t("timeline.resolveComplaint") : t("timeline.addFollowUp")
          }
        >
          <ProblemBanner problem={submit.banner} />
          <TextAreaField
            label={mode === "resolve" ? t("timeline.whatWasDone2") : t("timeline.followUp")}
            name={field}
            value={text}
            rows={2}
            maxLength={SUMMARY_MAX}
            error={submit.fieldErrors[field] ?? submit.fieldErrors.complaint_status}
            onInput={setText}
          />
          <div class="form-actions">
            <button type="submit" class="button button-primary button-small" disabled={submit.busy}>
              {mode === "resolve" ? t("timeline.markResolved") : t("timeline.addToTheTrail")}
            </button>
            <button
              type="button"
              class="button button-small"
              onClick={() => {
                setMode("view");
                submit.reset();
              }}
            >
              {t("common.cancel")}
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
      aria-label={t("timeline.newInteraction")}
    >
      <ProblemBanner problem={submit.banner} />
      <SelectField
        label={t("common.kind")}
        name="kind"
        value={draft.kind}
        options={INTERACTION_KINDS.map((k) => ({
          value: k,
          label: codeLabel("interactionKind", k),
        }))}
        error={submit.fieldErrors.kind}
        onChange={(kind) => set({ kind: kind as InteractionKind })}
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
        legend={t("timeline.onBehalfOf")}
        error={submit.fieldErrors.on_behalf_of}
        class="span-all"
      >
        <label class="check">
          <input
            type="radio"
            name="on_behalf_of"
            value="person"
            checked={draft.onBehalfOf === "person"}
            onChange={() => set({ onBehalfOf: "person" })}
          />
          <span>{t("timeline.aPersonAPersonalTie")}</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="on_behalf_of"
            value="organisation"
            checked={draft.onBehalfOf === "organisation"}
            onChange={() => set({ onBehalfOf: "organisation" })}
          />
          <span>{t("timeline.theFirmAnInstitutionalTie")}</span>
        </label>
      </ChoiceGroup>
      <ChoiceGroup legend={t("common.ourPeople")} error={submit.fieldErrors.employee_ids}>
        {props.team.length === 0 && <span class="muted">{t("timeline.nobodyIsOnTheTeam")}</span>}
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
      <ChoiceGroup legend={t("common.theirContacts")} error={submit.fieldErrors.contact_ids}>
        {props.contacts.length === 0 && (
          <span class="muted">{t("timeline.noCurrentContacts")}</span>
        )}
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
          label={t("timeline.complaintStatus")}
          name="complaint_status"
          value={draft.complaintStatus}
          options={[
            { value: "open", label: t("timeline.open") },
            { value: "resolved", label: t("timeline.resolved") },
          ]}
          error={submit.fieldErrors.complaint_status}
          onChange={(v) => set({ complaintStatus: v as "open" })}
        />
      )}
      {draft.kind === "complaint" && draft.complaintStatus === "open" && (
        <>
          <SelectField
            label={t("timeline.whoFollowsUp")}
            name="follow_up_owner_id"
            value={draft.followUpOwnerId ?? ""}
            placeholder={t("common.nobodyYet")}
            options={props.team.map((a) => ({ value: a.user_id, label: a.display_name }))}
            error={submit.fieldErrors.follow_up_owner_id}
            onChange={(v) => set({ followUpOwnerId: v })}
          />
          <TextField
            label={t("timeline.followUpBy")}
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
            label={t("timeline.whatWasDone2")}
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
          label={t("common.summary")}
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
          {submit.busy ? t("common.saving") : t("timeline.saveInteraction")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
