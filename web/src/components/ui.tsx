import { Fragment, type ComponentChildren, type Ref } from "preact";
import { useId } from "preact/hooks";
import type { ApiError, ProblemDocument } from "../api/problem";
import { problemMessage } from "../api/problem";
import { formatPercent } from "../app/format";
import type { Load } from "../app/useApi";
import { t } from "../i18n";

const SLOT = "\u241f";

/** A placeholder for an element in a translated sentence: `t(key, { who: slot("who") })`. */
export function slot(name: string): string {
  return `${SLOT}${name}${SLOT}`;
}

/**
 * A translated sentence with elements inside it (a link, a bold figure), so that each language
 * places them where its word order wants: the text comes from `t(key, { name: slot("name") })`.
 */
export function Sentence(props: { text: string; parts: Record<string, ComponentChildren> }) {
  const pieces = props.text.split(SLOT);
  return (
    <>
      {pieces.map((piece, i) =>
        i % 2 === 1 ? <Fragment key={i}>{props.parts[piece]}</Fragment> : piece,
      )}
    </>
  );
}

export function PageHeader(props: {
  title: string;
  description?: string;
  actions?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.description && <p class="page-description">{props.description}</p>}
      </div>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </header>
  );
}

/** "Parent / current" above a record's page. */
export function Breadcrumbs(props: { parent: { href: string; label: string }; current: string }) {
  return (
    <nav class="breadcrumbs" aria-label={t("common.breadcrumb")}>
      <a href={props.parent.href}>{props.parent.label}</a>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{props.current}</span>
    </nav>
  );
}

/** A problem that belongs to no particular field, shown above the content. */
export function ProblemBanner(props: {
  problem: ProblemDocument | null | undefined;
  onRetry?: () => void;
}) {
  const { problem } = props;
  if (!problem) return null;
  const detail = problem.detail && problem.detail !== problem.title ? problem.detail : null;
  return (
    <div class="banner banner-error" role="alert">
      <div>
        <strong>{problem.title}</strong>
        {detail && <span class="banner-detail"> {detail}</span>}
      </div>
      {props.onRetry && (
        <button type="button" class="button button-small" onClick={props.onRetry}>
          {t("common.tryAgain")}
        </button>
      )}
    </div>
  );
}

export function Notice(props: { tone?: "info" | "warning"; children: ComponentChildren }) {
  return (
    <div class={`banner banner-${props.tone ?? "info"}`} role="status">
      {props.children}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: ComponentChildren; icon?: string }) {
  return (
    <div class="empty-state" role="status">
      <div class="empty-icon" aria-hidden="true">
        {props.icon ?? "○"}
      </div>
      <h2>{props.title}</h2>
      {props.children && <div class="empty-body">{props.children}</div>}
    </div>
  );
}

export function Spinner(props: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{props.label ?? t("common.loading")}</span>
    </div>
  );
}

/** Renders loading, "not available yet" and error states; `children` gets the data. */
export function LoadView<T>(props: {
  state: Load<T>;
  what: string;
  onRetry?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const { state } = props;
  switch (state.status) {
    case "loading":
      return <Spinner label={t("ui.loadingWhat", { what: props.what })} />;
    case "unavailable":
      return (
        <EmptyState title={t("ui.notAvailableYet")} icon="◌">
          <p>{t("ui.notOfferedYet", { what: props.what })}</p>
        </EmptyState>
      );
    case "error":
      return <ProblemBanner problem={state.error.problem} onRetry={props.onRetry} />;
    case "ok":
      return <>{props.children(state.data)}</>;
  }
}

/** A labelled input with its own error line (`aria-describedby`, `aria-invalid`). */
export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onInput: (event: Event) => void;
  type?:
    "text" | "email" | "password" | "search" | "tel" | "url" | "date" | "number" | "datetime-local";
  error?: string | null;
  hint?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "tel" | "url" | "numeric" | "decimal" | "search";
  placeholder?: string;
  spellcheck?: boolean;
  required?: boolean;
  disabled?: boolean;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  ref?: Ref<HTMLInputElement>;
  class?: string;
}) {
  const { label, error, hint, ref, type = "text", class: extraClass, ...input } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " field-invalid" : ""}${extraClass ? ` ${extraClass}` : ""}`}>
      <label for={id}>{label}</label>
      <input
        {...input}
        // Preact types `type` as a discriminated union; any of ours is valid here.
        type={type as "text"}
        ref={ref}
        id={id}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      />
      {hint && !error && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Splits an API error into a field error (when it names a known field) or a banner. */
export function placeProblem(
  error: ApiError,
  fields: readonly string[],
): { fieldErrors: Record<string, string>; banner: ProblemDocument | null } {
  const field = error.field;
  if (field && fields.includes(field)) {
    return { fieldErrors: { [field]: problemMessage(error.problem) }, banner: null };
  }
  return { fieldErrors: {}, banner: error.problem };
}

export function Badge(props: {
  tone?: "neutral" | "good" | "warn" | "bad" | "info";
  children: ComponentChildren;
}) {
  return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}

function describedBy(id: string, error?: string | null, hint?: string | null) {
  return (
    [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

function FieldMessages(props: { id: string; error?: string | null; hint?: string | null }) {
  return (
    <>
      {props.hint && !props.error && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled `<select>` with its own error line. */
export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  error?: string | null;
  hint?: string;
  disabled?: boolean;
  /** Adds a first option with this label and the value "". */
  placeholder?: string;
  class?: string;
}) {
  const id = useId();
  return (
    <div
      class={`field${props.error ? " field-invalid" : ""}${props.class ? ` ${props.class}` : ""}`}
    >
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

/** A labelled `<textarea>` with its own error line. */
export function TextAreaField(props: {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div class={`field${props.error ? " field-invalid" : ""}`}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, props.error, props.hint)}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <FieldMessages id={id} error={props.error} hint={props.hint} />
    </div>
  );
}

/** A group of checkboxes or radios with a legend and one error line. */
export function ChoiceGroup(props: {
  legend: string;
  error?: string | null;
  hint?: string;
  children: ComponentChildren;
  class?: string;
}) {
  const id = useId();
  return (
    <fieldset
      class={`choice-group${props.error ? " field-invalid" : ""}${props.class ? ` ${props.class}` : ""}`}
      aria-describedby={describedBy(id, props.error, props.hint)}
    >
      <legend>{props.legend}</legend>
      <div class="choice-options">{props.children}</div>
      <FieldMessages id={id} error={props.error} hint={props.hint} />
    </fieldset>
  );
}

/** One checkbox and its label, as an option of a `ChoiceGroup`. */
export function Check(props: {
  name?: string;
  value?: string;
  checked: boolean;
  onChange: () => void;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <label class="check">
      <input
        type="checkbox"
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        checked={props.checked}
        onChange={props.onChange}
      />
      <span>{props.children}</span>
    </label>
  );
}

/** "Load more" under a cursor-paginated list, with its own error. */
export function LoadMore(props: {
  nextCursor: string | null;
  loading: boolean;
  error: ApiError | null;
  onLoadMore: () => void;
}) {
  return (
    <>
      <ProblemBanner problem={props.error?.problem} />
      {props.nextCursor && (
        <div class="list-footer">
          <button type="button" class="button" onClick={props.onLoadMore} disabled={props.loading}>
            {props.loading ? t("common.loading") : t("ui.loadMore")}
          </button>
        </div>
      )}
    </>
  );
}

export function Tile(props: {
  label: string;
  value: ComponentChildren;
  note?: ComponentChildren;
  tone?: "warn" | "bad";
}) {
  return (
    <div class={`tile${props.tone ? ` tile-${props.tone}` : ""}`}>
      <div class="tile-label">{props.label}</div>
      <div class="tile-value">{props.value}</div>
      {props.note && <div class="tile-note">{props.note}</div>}
    </div>
  );
}

/** A share 0–1 as a bar with its percentage as text. */
export function ShareBar(props: { share: number; label?: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(props.share * 100)));
  return (
    <span class="share-bar" title={props.label}>
      <span class="share-track" aria-hidden="true">
        <span class="share-fill" style={{ width: `${pct}%` }} />
      </span>
      <span class="share-text">{formatPercent(pct / 100)}</span>
    </span>
  );
}
