import type { ComponentChildren, Ref } from "preact";
import { useId } from "preact/hooks";
import type { ApiError, ProblemDocument } from "../api/problem";
import { problemMessage } from "../api/problem";
import type { Load } from "../app/useApi";

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
          Try again
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
      <span>{props.label ?? "Loading…"}</span>
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
      return <Spinner label={`Loading ${props.what}…`} />;
    case "unavailable":
      return (
        <EmptyState title="Not available yet" icon="◌">
          <p>This server does not offer {props.what} yet. This page fills in once it does.</p>
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
  type?: "text" | "email" | "password" | "search" | "tel" | "url" | "date" | "number";
  error?: string | null;
  hint?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "tel" | "url" | "numeric" | "decimal" | "search";
  placeholder?: string;
  spellcheck?: boolean;
  required?: boolean;
  ref?: Ref<HTMLInputElement>;
}) {
  const { label, error, hint, ref, type = "text", ...input } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
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
