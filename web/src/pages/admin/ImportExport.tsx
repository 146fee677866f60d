/**
 * CSV import and export (`POST /import/{kind}`, `GET /export/{kind}`). A file is always
 * checked first with `?dry_run=true`: the preview counts what would be created, updated and
 * left unchanged, or lists every bad line (line, column, reason) from the report a 422
 * carries. Only a clean preview offers the real import, which is all or nothing on the
 * server too.
 */
import { useState } from "preact/hooks";
import type { components } from "../../api/schema";
import { ApiError } from "../../api/problem";
import { useApp } from "../../app/context";
import { useSubmit } from "../../app/useSubmit";
import { Notice, ProblemBanner, SelectField } from "../../components/ui";
import { messageFor, t } from "../../i18n";
import { download } from "./download";

type ImportReport = components["schemas"]["ImportReportView"];

export const IMPORT_KINDS = ["accounts", "contacts", "assignments", "interactions"] as const;
type Kind = (typeof IMPORT_KINDS)[number];

const kindLabel = (kind: string) => messageFor(`adminImport.kind.${kind}`) ?? kind;

/** The report a refused import carries in its problem document, if it carries one. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const errors = error.problem.errors;
  if (!Array.isArray(errors)) return null;
  const count = (key: string) => {
    const n = error.problem[key];
    return typeof n === "number" ? n : 0;
  };
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    errors: errors as ImportReport["errors"],
  };
}

export function ImportExportSection() {
  const { client } = useApp();
  const [kind, setKind] = useState<Kind>("accounts");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const submit = useSubmit([]);
  const exporting = useSubmit([]);

  function reset() {
    setPreview(null);
    setImported(null);
    submit.reset();
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    let report: ImportReport | null = null;
    await submit.run(async () => {
      try {
        report = await client.post<ImportReport>(`/import/${kind}`, file.text, {
          query: { dry_run: dryRun },
          headers: { "Content-Type": "text/csv" },
        });
      } catch (error) {
        report = reportOf(error);
        if (!report) throw error;
      }
    });
    if (!report) return;
    if (dryRun) {
      setPreview(report);
      setImported(null);
    } else if ((report as ImportReport).errors.length) {
      setPreview(report);
    } else {
      setImported(report);
      setPreview(null);
      setFile(null);
    }
  }

  async function exportKind(which: Kind) {
    await exporting.run(async () => {
      const csv = await client.get<string>(`/export/${which}`, {
        headers: { Accept: "text/csv, application/problem+json" },
      });
      download(`${which}.csv`, csv ?? "", "text/csv;charset=utf-8");
    });
  }

  const clean = preview !== null && preview.errors.length === 0;
  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t("adminImport.title")}</h2>
      <p class="muted small">{t("adminImport.intro")}</p>
      <form
        class="form inline-form"
        aria-label={t("adminImport.importForm")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(true);
        }}
      >
        <div class="form-grid">
          <SelectField
            label={t("adminImport.what")}
            name="kind"
            value={kind}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(k) => {
              setKind(k as Kind);
              reset();
            }}
          />
          <div class="field">
            <label for="import-file">{t("adminImport.file")}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const picked = (e.currentTarget as HTMLInputElement).files?.[0];
                reset();
                setFile(picked ? { name: picked.name, text: await picked.text() } : null);
              }}
            />
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="button" disabled={!file || submit.busy}>
            {t("adminImport.check")}
          </button>
          {clean && (
            <button
              type="button"
              class="button button-primary"
              disabled={submit.busy}
              onClick={() => void send(false)}
            >
              {t("adminImport.importNow")}
            </button>
          )}
        </div>
        <ProblemBanner problem={submit.banner} />
      </form>
      {preview && <Preview report={preview} />}
      {imported && (
        <div data-testid="import-done">
          <Notice>
            {t("adminImport.done", {
              created: imported.created,
              updated: imported.updated,
              unchanged: imported.unchanged,
            })}
          </Notice>
        </div>
      )}
      <h3 class="subhead">{t("adminImport.exportTitle")}</h3>
      <div class="button-row">
        {IMPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            class="button button-small"
            disabled={exporting.busy}
            onClick={() => void exportKind(k)}
          >
            {t("adminImport.export", { what: kindLabel(k) })}
          </button>
        ))}
      </div>
      <ProblemBanner problem={exporting.banner} />
    </section>
  );
}

function Preview(props: { report: ImportReport }) {
  const r = props.report;
  if (r.errors.length === 0) {
    return (
      <div data-testid="import-preview">
        <Notice>
          {t("adminImport.previewClean", {
            created: r.created,
            updated: r.updated,
            unchanged: r.unchanged,
          })}
        </Notice>
      </div>
    );
  }
  return (
    <div data-testid="import-preview">
      <p class="error-text" role="alert">
        {t("adminImport.problems", { count: r.errors.length })}
      </p>
      <div class="table-wrap">
        <table class="table table-cards" data-testid="import-errors">
          <caption class="sr-only">{t("adminImport.errorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adminImport.line")}</th>
              <th scope="col">{t("adminImport.column")}</th>
              <th scope="col">{t("adminImport.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {r.errors.map((e, i) => (
              <tr key={i}>
                <td data-label={t("adminImport.line")}>{e.line}</td>
                <td data-label={t("adminImport.column")}>
                  {e.column ?? t("adminImport.wholeLine")}
                </td>
                <td data-label={t("adminImport.reason")}>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
