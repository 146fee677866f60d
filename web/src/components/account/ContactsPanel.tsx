import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Account, Contact, Influence, Page } from "../../api/types";
import { INFLUENCES } from "../../api/types";
import { ifMatch } from "../../api/versions";
import { useApp } from "../../app/context";
import { formatDate } from "../../app/format";
import { orNull, today } from "../../app/forms";
import type { Load } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import { Badge, LoadView, ProblemBanner, SelectField, TextField } from "../ui";
import { t } from "../../i18n";
import { codeLabel } from "../../app/labels";
import { ContactPrivacy } from "./ContactPrivacy";

const FIELDS = [
  "name",
  "job_title",
  "email",
  "phone",
  "influence",
  "left_at",
  "account_id",
] as const;
const influenceOptions = () =>
  INFLUENCES.map((i) => ({ value: i, label: codeLabel("influence", i) }));

/** Checks a contact form; answers the body for POST/PATCH or errors per field. */
export function checkContactForm(values: {
  name: string;
  job_title: string;
  email: string;
  phone: string;
  influence: string;
  left_at: string;
}): { errors: Record<string, string>; body: Record<string, unknown> | null } {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = t("contacts.enterTheContactSName");
  const email = values.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
    errors.email = t("contacts.enterAnEmailAddressLike");
  if (!INFLUENCES.includes(values.influence as Influence))
    errors.influence = t("contacts.chooseOne");
  if (values.left_at && !/^\d{4}-\d{2}-\d{2}$/.test(values.left_at))
    errors.left_at = t("common.enterDate");
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      name: values.name.trim(),
      // The API keeps job titles as text: "" when unknown.
      job_title: values.job_title.trim(),
      email: orNull(values.email),
      phone: orNull(values.phone),
      influence: values.influence,
      left_at: values.left_at || null,
    },
  };
}

export function ContactsPanel(props: {
  accountId: string;
  state: Load<{ items: Contact[] }>;
  onRetry: () => void;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="panel" aria-labelledby="contacts-title">
      <div class="panel-head">
        <h2 id="contacts-title">{t("contacts.clientContacts")}</h2>
        {props.canEdit && !adding && (
          <button type="button" class="button button-small" onClick={() => setAdding(true)}>
            {t("contacts.addContact")}
          </button>
        )}
      </div>
      {adding && (
        <ContactForm
          accountId={props.accountId}
          onDone={(changed) => {
            setAdding(false);
            if (changed) props.onChanged();
          }}
        />
      )}
      <LoadView state={props.state} what={t("contacts.contacts")} onRetry={props.onRetry}>
        {(data) => {
          const items = [...(data?.items ?? [])].sort(
            (a, b) => Number(!!a.left_at) - Number(!!b.left_at) || a.name.localeCompare(b.name),
          );
          if (items.length === 0) {
            return (
              <p class="muted" role="status">
                {t("contacts.noContactsOnFileAn")}
              </p>
            );
          }
          return (
            <ul class="contact-list" data-testid="contacts">
              {items.map((c) => (
                <ContactItem
                  key={c.id}
                  contact={c}
                  canEdit={props.canEdit}
                  accountId={props.accountId}
                  onChanged={props.onChanged}
                />
              ))}
            </ul>
          );
        }}
      </LoadView>
    </section>
  );
}

function ContactItem(props: {
  contact: Contact;
  accountId: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { client } = useApp();
  const c = props.contact;
  const [mode, setMode] = useState<"view" | "edit" | "move">("view");
  const submit = useSubmit(FIELDS);

  const markLeft = () =>
    submit
      .run(() =>
        client.patch(
          `/contacts/${encodeURIComponent(c.id)}`,
          { left_at: today() },
          { ifMatch: ifMatch(c) },
        ),
      )
      .then((ok) => ok && props.onChanged());

  return (
    <li class={`contact${c.left_at ? " contact-left" : ""}`}>
      <div class="contact-main">
        <div>
          <span class="strong">{c.name}</span>{" "}
          <Badge
            tone={
              c.influence === "decision_maker" || c.influence === "champion" ? "info" : "neutral"
            }
          >
            {codeLabel("influence", c.influence)}
          </Badge>{" "}
          {c.left_at && (
            <Badge tone="warn">{t("contacts.leftOn", { date: formatDate(c.left_at) })}</Badge>
          )}
        </div>
        <div class="muted small">
          {[c.job_title, c.email, c.phone].filter(Boolean).join(" · ") || t("contacts.noDetails")}
        </div>
      </div>
      {props.canEdit && mode === "view" && (
        <div class="contact-actions">
          <button
            type="button"
            class="button button-ghost button-small"
            aria-label={t("contacts.editName", { name: c.name })}
            onClick={() => setMode("edit")}
          >
            {t("common.edit")}
          </button>
          {!c.left_at && (
            <>
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={t("contacts.markNameAsLeft", { name: c.name })}
                disabled={submit.busy}
                onClick={markLeft}
              >
                {t("contacts.markLeft")}
              </button>
              <button
                type="button"
                class="button button-ghost button-small"
                aria-label={t("contacts.nameMovedToAnotherClient", { name: c.name })}
                onClick={() => setMode("move")}
              >
                {t("contacts.moved")}
              </button>
            </>
          )}
        </div>
      )}
      {mode === "view" && <ContactPrivacy contact={c} onErased={props.onChanged} />}
      {mode === "view" && <ProblemBanner problem={submit.banner} />}
      {mode === "edit" && (
        <ContactForm
          accountId={props.accountId}
          contact={c}
          onDone={(changed) => {
            setMode("view");
            if (changed) props.onChanged();
          }}
        />
      )}
      {mode === "move" && (
        <MoveContact
          contact={c}
          accountId={props.accountId}
          onDone={(changed) => {
            setMode("view");
            if (changed) props.onChanged();
          }}
        />
      )}
    </li>
  );
}

function ContactForm(props: {
  accountId: string;
  contact?: Contact;
  onDone: (changed: boolean) => void;
}) {
  const { client } = useApp();
  const c = props.contact;
  const [values, setValues] = useState({
    name: c?.name ?? "",
    job_title: c?.job_title ?? "",
    email: c?.email ?? "",
    phone: c?.phone ?? "",
    influence: c?.influence ?? "user",
    left_at: c?.left_at ? c.left_at.slice(0, 10) : "",
  });
  const submit = useSubmit(FIELDS);
  const first = useRef<HTMLInputElement>(null);
  // Focus before the form can be typed into, so no keystroke lands elsewhere.
  useLayoutEffect(() => first.current?.focus(), []);
  const set = (key: keyof typeof values) => (e: Event) =>
    setValues((v) => ({ ...v, [key]: (e.currentTarget as HTMLInputElement).value }));

  async function save(event: Event) {
    event.preventDefault();
    const { errors, body } = checkContactForm(values);
    if (!body) {
      submit.setFieldErrors(errors);
      return;
    }
    const ok = await submit.run(() =>
      c
        ? client.patch(`/contacts/${encodeURIComponent(c.id)}`, body, { ifMatch: ifMatch(c) })
        : client.post(`/accounts/${encodeURIComponent(props.accountId)}/contacts`, {
            ...body,
            left_at: body.left_at ?? undefined,
          }),
    );
    if (ok) props.onDone(true);
  }

  return (
    <form
      class="form form-grid inline-form"
      onSubmit={save}
      noValidate
      aria-label={c ? t("contacts.editName", { name: c.name }) : t("contacts.newContact")}
    >
      <ProblemBanner problem={submit.banner} />
      <TextField
        label={t("common.name")}
        name="name"
        value={values.name}
        ref={first}
        error={submit.fieldErrors.name}
        onInput={set("name")}
      />
      <TextField
        label={t("contacts.jobTitle")}
        name="job_title"
        value={values.job_title}
        error={submit.fieldErrors.job_title}
        onInput={set("job_title")}
      />
      <TextField
        label={t("common.email")}
        name="email"
        type="email"
        value={values.email}
        error={submit.fieldErrors.email}
        onInput={set("email")}
      />
      <TextField
        label={t("contacts.phone")}
        name="phone"
        type="tel"
        value={values.phone}
        error={submit.fieldErrors.phone}
        onInput={set("phone")}
      />
      <SelectField
        label={t("contacts.influence")}
        name="influence"
        value={values.influence}
        options={influenceOptions()}
        error={submit.fieldErrors.influence}
        onChange={(influence) => setValues((v) => ({ ...v, influence: influence as Influence }))}
      />
      <TextField
        label={t("contacts.leftTheClientOn")}
        name="left_at"
        type="date"
        value={values.left_at}
        hint={t("contacts.leaveEmptyWhileTheyAre")}
        error={submit.fieldErrors.left_at}
        onInput={set("left_at")}
      />
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy
            ? t("common.saving")
            : c
              ? t("contacts.saveContact")
              : t("contacts.addContact")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A contact changed jobs: pick the new client; the server keeps the history. */
function MoveContact(props: {
  contact: Contact;
  accountId: string;
  onDone: (changed: boolean) => void;
}) {
  const { client } = useApp();
  const [q, setQ] = useState("");
  const [results, setResults] = useState<Account[]>([]);
  const [target, setTarget] = useState("");
  const submit = useSubmit(FIELDS);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      client
        .get<Page<Account>>("/accounts", {
          query: { q: term, limit: 20 },
          signal: controller.signal,
        })
        .then((page) => setResults((page?.items ?? []).filter((a) => a.id !== props.accountId)))
        .catch(() => setResults([]));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  async function move(event: Event) {
    event.preventDefault();
    if (!target) {
      submit.setFieldErrors({ account_id: t("contacts.chooseNewClient") });
      return;
    }
    const ok = await submit.run(() =>
      client.post(
        `/contacts/${encodeURIComponent(props.contact.id)}/move`,
        { account_id: target },
        { ifMatch: ifMatch(props.contact) },
      ),
    );
    if (ok) props.onDone(true);
  }

  return (
    <form
      class="form inline-form"
      onSubmit={move}
      noValidate
      aria-label={t("contacts.moveName", { name: props.contact.name })}
    >
      <p class="muted small">{t("contacts.moveExplained", { name: props.contact.name })}</p>
      <ProblemBanner problem={submit.banner} />
      <TextField
        label={t("contacts.searchClients")}
        name="account_search"
        type="search"
        value={q}
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
      />
      <SelectField
        label={t("contacts.clientTheyJoined")}
        name="account_id"
        value={target}
        placeholder={
          results.length ? t("contacts.chooseAnAccount") : t("contacts.typeAtLeastTwoLetters")
        }
        options={results.map((a) => ({ value: a.id, label: a.name }))}
        error={submit.fieldErrors.account_id}
        onChange={setTarget}
      />
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {t("contacts.moveContact")}
        </button>
        <button type="button" class="button" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
