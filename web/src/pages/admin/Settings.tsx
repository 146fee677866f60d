/**
 * The model's settings (`GET/PUT /settings`, admins): every value the server lists in
 * `fields`, grouped as the model reads them, each with a sentence on what it does, its default
 * and its range. A value that is not a number is caught here; the range is the server's rule,
 * and its 422 is shown at the field it names. After a change the server recomputes every account in the background; the page polls
 * `recompute` until it is idle again.
 */
import { useEffect, useState } from "preact/hooks";
import type { components } from "../../api/schema";
import { ifMatch } from "../../api/versions";
import { useApp } from "../../app/context";
import { useApi, withVersion } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import { LoadView, ProblemBanner, TextField } from "../../components/ui";
import { formattingLocale, messageFor, t } from "../../i18n";

type SettingsView = components["schemas"]["SettingsView"];
type SettingField = components["schemas"]["SettingFieldView"];

/** How often the recompute's progress is asked for while it runs. */
const POLL_MS = 700;

const GROUPS = [
  "weights",
  "window",
  "thresholds",
  "scoreWeights",
  "stale",
  "complaints",
  "damping",
] as const;
type Group = (typeof GROUPS)[number];

/** The group a setting is shown in, by its dotted name. */
export function settingGroup(name: string): Group {
  if (name.startsWith("kind_weights.")) return "weights";
  if (name.startsWith("score_weights.institutional_damping")) return "damping";
  if (name.startsWith("score_weights.")) return "scoreWeights";
  if (name === "half_life_days" || name === "window_days") return "window";
  if (name.startsWith("stale_")) return "stale";
  if (name.startsWith("complaint_")) return "complaints";
  return "thresholds";
}

/**
 * A setting's number as the form shows it, in the language's decimals ("0,7" in Dutch), to
 * at most four places and without grouping, so that it reads back as typed.
 */
export function formatSetting(value: number, locale: string = formattingLocale()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }).format(
    value,
  );
}

/**
 * Reads a typed value (a decimal comma reads as a point); an error message, or the number.
 * The range is only a hint beside the field: the server holds the rule, and its 422 names
 * the field, so an out-of-range value is answered there in the server's words.
 */
export function checkSetting(field: SettingField, text: string): number | string {
  // A value shown rounded (a third) and left alone keeps its exact value.
  if (text.trim() === formatSetting(field.value)) return field.value;
  const value = Number(text.trim().replace(",", "."));
  if (!text.trim() || !Number.isFinite(value)) return t("adminSettings.enterANumber");
  if (field.integer && !Number.isInteger(value)) return t("adminSettings.enterAWholeNumber");
  return value;
}

/** The settings document `PUT /settings` takes, from dotted names and their values. */
export function settingsDocument(values: Record<string, number>): Record<string, unknown> {
  const document: Record<string, Record<string, unknown> | number> = {};
  for (const [name, value] of Object.entries(values)) {
    const [head, tail] = name.split(".", 2);
    if (tail === undefined) document[head] = value;
    else document[head] = { ...(document[head] as Record<string, unknown>), [tail]: value };
  }
  return document;
}

const fieldText = (name: string, part: "label" | "help") =>
  messageFor(`adminSettings.field.${name}.${part}`) ?? (part === "label" ? name : "");

export function SettingsSection() {
  const settings = useApi<SettingsView>("/settings");
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("adminSettings.title")}</h2>
      <p class="muted small">{t("adminSettings.intro")}</p>
      <LoadView state={settings.state} what={t("adminSettings.what")} onRetry={settings.reload}>
        {(view) => <SettingsForm key={view.version} initial={view} />}
      </LoadView>
    </section>
  );
}

function SettingsForm(props: { initial: SettingsView }) {
  const { client } = useApp();
  const [view, setView] = useState(props.initial);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.initial.fields.map((f) => [f.name, formatSetting(f.value)])),
  );
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(props.initial.fields.map((f) => f.name));
  const running = view.recompute.state === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => {
      client
        .request<SettingsView>("GET", "/settings")
        .then(({ data, etag }) => setView(withVersion(data, etag)))
        .catch(() => setView((v) => ({ ...v })));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [client, view]);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    const values: Record<string, number> = {};
    for (const field of view.fields) {
      const checked = checkSetting(field, texts[field.name] ?? "");
      if (typeof checked === "string") errors[field.name] = checked;
      else values[field.name] = checked;
    }
    if (Object.keys(errors).length) return submit.setFieldErrors(errors);
    let answer: SettingsView | null = null;
    const ok = await submit.run(async () => {
      const { data, etag } = await client.request<SettingsView>("PUT", "/settings", {
        body: settingsDocument(values),
        ifMatch: ifMatch(view),
      });
      answer = withVersion(data, etag);
    });
    if (ok && answer) {
      setView(answer);
      setSaved(true);
    }
  }

  return (
    <form
      class="form settings-form"
      onSubmit={save}
      noValidate
      aria-label={t("adminSettings.title")}
    >
      <ProblemBanner problem={submit.banner} />
      {GROUPS.map((group) => {
        const fields = view.fields.filter((f) => settingGroup(f.name) === group);
        if (fields.length === 0) return null;
        return (
          <fieldset key={group} class="settings-group">
            <legend>{messageFor(`adminSettings.group.${group}`) ?? group}</legend>
            <div class="form-grid">
              {fields.map((field) => (
                <TextField
                  key={field.name}
                  label={fieldText(field.name, "label")}
                  name={field.name}
                  inputMode={field.integer ? "numeric" : "decimal"}
                  value={texts[field.name] ?? ""}
                  error={submit.fieldErrors[field.name]}
                  hint={`${fieldText(field.name, "help")} ${t("adminSettings.defaultAndRange", {
                    default: formatSetting(field.default),
                    minimum: formatSetting(field.minimum),
                    maximum: formatSetting(field.maximum),
                  })}`}
                  onInput={(e) => {
                    const value = (e.currentTarget as HTMLInputElement).value;
                    setTexts((v) => ({ ...v, [field.name]: value }));
                  }}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? t("common.saving") : t("adminSettings.save")}
        </button>
        {saved && !running && view.recompute.state === "idle" && (
          <span class="muted" role="status">
            {t("adminSettings.saved")}
          </span>
        )}
      </div>
      <Recompute recompute={view.recompute} />
    </form>
  );
}

function Recompute(props: { recompute: SettingsView["recompute"] }) {
  const { state, done, total } = props.recompute;
  return (
    <div class="recompute" role="status" aria-live="polite" data-testid="recompute">
      {state === "running" && (
        <>
          <progress value={done} max={Math.max(total, 1)} />
          <span>{t("adminSettings.recomputing", { done, total })}</span>
        </>
      )}
      {state === "idle" && total > 0 && (
        <span>{t("adminSettings.recomputed", { count: total })}</span>
      )}
      {state === "failed" && <span class="error-text">{t("adminSettings.recomputeFailed")}</span>}
    </div>
  );
}
