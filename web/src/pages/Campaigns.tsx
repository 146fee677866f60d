import { useEffect, useState } from "preact/hooks";
import type {
  Campaign,
  CampaignKind,
  CampaignReport,
  Tier,
  TreatmentRow,
  SessionUser,
} from "../api/types";
import { CAMPAIGN_KINDS, TIERS } from "../api/types";
import { ApiError } from "../api/problem";
import { ifMatch } from "../api/versions";
import {
  checkCampaign,
  describeTarget,
  draftFromCampaign,
  emptyCampaignDraft,
  needsAcknowledgement,
  previewBody,
  warningLabel,
  type CampaignDraft,
} from "../app/campaigns";
import { useApp } from "../app/context";
import { permissionsOf, withinTeams } from "../app/permissions";
import { useAccountNames, useDirectory } from "../app/directory";
import {
  formatDate,
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
} from "../app/format";
import { toggleId } from "../app/interactions";
import { subPath, type PageProps } from "../app/nav";
import { navigate } from "../app/router";
import { useApi, useDebounced, usePagedList, type Load } from "../app/useApi";
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
  Tile,
} from "../components/ui";
import { t } from "../i18n";
import { codeLabel, tierLabel } from "../app/labels";

const FIELDS = [
  "name",
  "kind",
  "team_id",
  "target",
  "target.account_ids",
  "target.filter.tiers",
  "target.filter.regions",
  "target.filter.team_ids",
  "target.filter.min_value_minor",
  "target.filter.max_value_minor",
] as const;

/** Admins and sales leads run campaigns; HR reads them and their reports. */
function canRun(user: SessionUser): boolean {
  return permissionsOf(user).may_run_campaigns;
}

export function CampaignsPage({ path }: PageProps) {
  const id = subPath(path, "/campaigns");
  if (id === "new") return <NewCampaign />;
  return id ? <CampaignPage key={id} campaignId={id} /> : <CampaignList />;
}

/** The teams a campaign may be scoped to: a sales lead's own, or all. */
function useScopeTeams() {
  const { user } = useApp();
  const directory = useDirectory();
  return withinTeams(directory.teams, permissionsOf(user).campaign_team_ids);
}

const parent = () => ({ href: "/campaigns", label: t("nav.campaigns") });

function StatusBadge(props: { campaign: Campaign }) {
  const c = props.campaign;
  return c.status === "sent" ? (
    <Badge tone="good">{t("campaigns.sentOn", { date: formatDate(c.sent_at) })}</Badge>
  ) : (
    <Badge tone="info">{t("campaigns.draft")}</Badge>
  );
}

function CampaignList() {
  const { user } = useApp();
  const directory = useDirectory();
  const [status, setStatus] = useState("");
  const list = usePagedList<Campaign>("/campaigns", { status });
  return (
    <>
      <PageHeader
        title={t("campaigns.campaigns")}
        description={t("campaigns.apologiesMailingsGiftsAndInvitations")}
        actions={
          canRun(user) && (
            <a class="button button-primary" href="/campaigns/new">
              {t("campaigns.newCampaign")}
            </a>
          )
        }
      />
      <form
        class="toolbar filters"
        aria-label={t("campaigns.filterCampaigns")}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t("common.status")}
          name="status"
          value={status}
          placeholder={t("campaigns.draftsAndSent")}
          options={[
            { value: "draft", label: t("campaigns.drafts") },
            { value: "sent", label: t("campaigns.sent") },
          ]}
          onChange={setStatus}
        />
      </form>
      <LoadView state={list.state} what={t("campaigns.campaigns2")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title={t("campaigns.noCampaignsYet")} icon="✉">
              <p>{t("campaigns.draftOneToSeeBefore")}</p>
            </EmptyState>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table table-cards" data-testid="campaigns-table">
                  <caption class="sr-only">{t("campaigns.campaigns")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("campaigns.campaign")}</th>
                      <th scope="col">{t("common.kind")}</th>
                      <th scope="col">{t("campaigns.scope")}</th>
                      <th scope="col">{t("campaigns.target")}</th>
                      <th scope="col" class="num">
                        {t("common.accounts")}
                      </th>
                      <th scope="col">{t("common.status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((c) => (
                      <tr key={c.id}>
                        <th scope="row" class="strong cell-title">
                          <a href={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</a>
                        </th>
                        <td data-label={t("common.kind")}>{codeLabel("campaignKind", c.kind)}</td>
                        <td data-label={t("campaigns.scope")}>
                          {c.team_id ? directory.teamName(c.team_id) : t("campaigns.firmWide")}
                        </td>
                        <td data-label={t("campaigns.target")} class="cell-wrap">
                          {describeTarget(c.target, directory.teamName, "EUR", formatMoneyCompact)}
                        </td>
                        <td data-label={t("common.accounts")} class="num">
                          {formatNumber(c.included_accounts)}
                        </td>
                        <td data-label={t("common.status")}>
                          <StatusBadge campaign={c} />
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

function NewCampaign() {
  const { user } = useApp();
  const teams = useScopeTeams();
  if (!canRun(user)) {
    return (
      <>
        <Breadcrumbs parent={parent()} current={t("campaigns.newCampaign")} />
        <EmptyState title={t("campaigns.campaignsAreRunByAdmins")} icon="✉" />
      </>
    );
  }
  const initial = emptyCampaignDraft(
    permissionsOf(user).may_run_firm_wide_campaigns ? "" : (teams[0]?.id ?? ""),
  );
  return (
    <>
      <Breadcrumbs parent={parent()} current={t("campaigns.newCampaign")} />
      <PageHeader
        title={t("campaigns.newCampaign")}
        description={t("campaigns.chooseWhoItGoesTo")}
      />
      <CampaignEditor
        key={initial.teamId}
        initial={initial}
        onSaved={(c) => navigate(`/campaigns/${encodeURIComponent(c.id)}`)}
        onCancel={() => navigate("/campaigns")}
      />
    </>
  );
}

function CampaignPage(props: { campaignId: string }) {
  const { user } = useApp();
  const directory = useDirectory();
  const base = `/campaigns/${encodeURIComponent(props.campaignId)}`;
  const campaign = useApi<Campaign>(base);
  const report = useApi<CampaignReport>(`${base}/report`);
  const [dirty, setDirty] = useState(false);
  const c = campaign.state.status === "ok" ? campaign.state.data : null;
  const ids = c && "account_ids" in c.target ? c.target.account_ids : [];
  const names = useAccountNames(ids);

  useEffect(() => {
    if (c) document.title = t("app.documentTitle", { title: c.name });
  }, [c?.name]);

  if (campaign.state.status === "unavailable") {
    return (
      <>
        <Breadcrumbs parent={parent()} current={t("campaigns.campaign")} />
        <EmptyState title={t("campaigns.noSuchCampaign")} icon="?">
          <p>
            <a href="/campaigns">{t("campaigns.allCampaigns")}</a>
          </p>
        </EmptyState>
      </>
    );
  }

  const afterChange = () => {
    campaign.reload();
    report.reload();
  };

  return (
    <>
      <Breadcrumbs parent={parent()} current={c?.name ?? t("campaigns.campaign")} />
      <LoadView state={campaign.state} what={t("campaigns.theCampaign")} onRetry={campaign.reload}>
        {(cp) => {
          const editable = cp.status === "draft" && canRun(user);
          return (
            <>
              <PageHeader
                title={cp.name}
                description={t("campaigns.headline", {
                  kind: codeLabel("campaignKind", cp.kind),
                  scope: cp.team_id ? directory.teamName(cp.team_id) : t("campaigns.firmWide"),
                  target: describeTarget(cp.target, directory.teamName, "EUR", formatMoneyCompact),
                })}
                actions={<StatusBadge campaign={cp} />}
              />
              {editable ? (
                <>
                  <CampaignEditor
                    key={cp.version ?? cp.updated_at}
                    campaign={cp}
                    initial={draftFromCampaign(
                      cp,
                      (id) => names[id] ?? t("directory.account", { id }),
                    )}
                    onSaved={() => {
                      setDirty(false);
                      afterChange();
                    }}
                    onDirty={setDirty}
                  />
                  <SendPanel
                    campaign={cp}
                    report={report.state}
                    unsaved={dirty}
                    onSent={afterChange}
                  />
                </>
              ) : (
                <>
                  {cp.status === "sent" && (
                    <section class="panel" aria-labelledby="sent-title">
                      <h2 id="sent-title">{t("campaigns.sent")}</h2>
                      <p>
                        {t("campaigns.sentSummary", {
                          date: formatDate(cp.sent_at),
                          count: cp.included_accounts,
                        })}
                      </p>
                      {cp.acknowledged_reason && (
                        <p data-testid="acknowledged-reason">
                          <span class="strong">{t("campaigns.sentDespiteTheWarningsBecause")}</span>{" "}
                          {cp.acknowledged_reason}
                        </p>
                      )}
                    </section>
                  )}
                  <section class="panel" aria-labelledby="report-title">
                    <h2 id="report-title">{t("campaigns.equalTreatmentReport")}</h2>
                    <LoadView
                      state={report.state}
                      what={t("campaigns.theReport")}
                      onRetry={report.reload}
                    >
                      {(r) => <ReportView report={r} />}
                    </LoadView>
                  </section>
                </>
              )}
            </>
          );
        }}
      </LoadView>
    </>
  );
}

/** The draft form with the live equal-treatment report of what it describes. */
function CampaignEditor(props: {
  campaign?: Campaign;
  initial: CampaignDraft;
  onSaved: (campaign: Campaign) => void;
  onCancel?: () => void;
  onDirty?: (dirty: boolean) => void;
}) {
  const { client, user } = useApp();
  const directory = useDirectory();
  const teams = useScopeTeams();
  const [draft, setDraft] = useState<CampaignDraft>(props.initial);
  const submit = useSubmit(FIELDS);
  const names = useAccountNames(draft.accounts.map((a) => a.id));
  const set = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    props.onDirty?.(true);
  };
  const preview = usePreview(draft);

  async function save(event: Event) {
    event.preventDefault();
    const { errors, body } = checkCampaign(draft);
    if (!body) {
      submit.setFieldErrors(errors);
      submit.setBanner(null);
      return;
    }
    let saved: Campaign | null = null;
    const ok = await submit.run(async () => {
      saved = props.campaign
        ? await client.patch<Campaign>(
            `/campaigns/${encodeURIComponent(props.campaign.id)}`,
            body,
            {
              ifMatch: ifMatch(props.campaign),
            },
          )
        : await client.post<Campaign>("/campaigns", body);
    });
    if (ok && saved) props.onSaved(saved);
  }

  const targetError =
    submit.fieldErrors.target ??
    submit.fieldErrors["target.account_ids"] ??
    submit.fieldErrors["target.filter.tiers"] ??
    submit.fieldErrors["target.filter.regions"] ??
    submit.fieldErrors["target.filter.team_ids"];

  return (
    <div class="campaign-layout">
      <form
        class="panel form form-grid"
        onSubmit={save}
        noValidate
        aria-label={t("campaigns.campaign")}
      >
        <ProblemBanner problem={submit.banner} />
        <TextField
          label={t("common.name")}
          name="name"
          value={draft.name}
          maxLength={200}
          error={submit.fieldErrors.name}
          onInput={(e) => set({ name: (e.currentTarget as HTMLInputElement).value })}
        />
        <SelectField
          label={t("common.kind")}
          name="kind"
          value={draft.kind}
          options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: codeLabel("campaignKind", k) }))}
          error={submit.fieldErrors.kind}
          onChange={(kind) => set({ kind: kind as CampaignKind })}
        />
        <SelectField
          label={t("campaigns.scope")}
          name="team_id"
          value={draft.teamId}
          placeholder={
            permissionsOf(user).may_run_firm_wide_campaigns ? t("campaigns.firmWide") : undefined
          }
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          error={submit.fieldErrors.team_id}
          hint={t("campaigns.theActiveAccountsOfThe")}
          onChange={(teamId) => set({ teamId })}
        />
        <ChoiceGroup legend={t("campaigns.target")} class="span-all" error={targetError}>
          <label class="check">
            <input
              type="radio"
              name="mode"
              value="filter"
              checked={draft.mode === "filter"}
              onChange={() => set({ mode: "filter" })}
            />
            <span>{t("campaigns.byFilter")}</span>
          </label>
          <label class="check">
            <input
              type="radio"
              name="mode"
              value="accounts"
              checked={draft.mode === "accounts"}
              onChange={() => set({ mode: "accounts" })}
            />
            <span>{t("campaigns.chosenAccounts")}</span>
          </label>
        </ChoiceGroup>
        {draft.mode === "filter" ? (
          <>
            <ChoiceGroup legend={t("campaigns.tiers")} hint={t("campaigns.noneTickedEveryTier")}>
              {TIERS.map((tier) => (
                <Check
                  key={tier}
                  name="tiers"
                  value={tier}
                  checked={draft.tiers.includes(tier)}
                  onChange={() => set({ tiers: toggleId(draft.tiers, tier) as Tier[] })}
                >
                  {tierLabel(tier)}
                </Check>
              ))}
            </ChoiceGroup>
            {teams.length > 1 && (
              <ChoiceGroup legend={t("common.teams")} hint={t("campaigns.noneTickedEveryTeamOf")}>
                {teams.map((t) => (
                  <Check
                    key={t.id}
                    name="team_ids"
                    value={t.id}
                    checked={draft.teamIds.includes(t.id)}
                    onChange={() => set({ teamIds: toggleId(draft.teamIds, t.id) })}
                  >
                    {t.name}
                  </Check>
                ))}
              </ChoiceGroup>
            )}
            <TextField
              label={t("campaigns.regions")}
              name="regions"
              value={draft.regions}
              placeholder={t("campaigns.eGNorthSouth")}
              hint={t("campaigns.separateWithCommasEmptyEvery")}
              onInput={(e) => set({ regions: (e.currentTarget as HTMLInputElement).value })}
            />
            <TextField
              label={t("campaigns.minimumAnnualValue")}
              name="min_value"
              inputMode="decimal"
              value={draft.minValue}
              error={submit.fieldErrors["target.filter.min_value_minor"]}
              onInput={(e) => set({ minValue: (e.currentTarget as HTMLInputElement).value })}
            />
            <TextField
              label={t("campaigns.maximumAnnualValue")}
              name="max_value"
              inputMode="decimal"
              value={draft.maxValue}
              error={submit.fieldErrors["target.filter.max_value_minor"]}
              onInput={(e) => set({ maxValue: (e.currentTarget as HTMLInputElement).value })}
            />
          </>
        ) : (
          <div class="span-all picker-columns">
            <AccountSearch
              label={t("common.findAccount")}
              action={(a) => (draft.accounts.some((x) => x.id === a.id) ? "Remove" : "Add")}
              onPick={(a) =>
                set({
                  accounts: draft.accounts.some((x) => x.id === a.id)
                    ? draft.accounts.filter((x) => x.id !== a.id)
                    : [...draft.accounts, { id: a.id, name: a.name }],
                })
              }
            />
            <div>
              <h3 class="subhead">
                {t("campaigns.accountsChosen", { count: draft.accounts.length })}
              </h3>
              <ul class="chip-list">
                {draft.accounts.map((a) => (
                  <li class="chip chip-removable" key={a.id}>
                    {names[a.id] ?? a.name}
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label={t("campaigns.removeValue", { value: names[a.id] ?? a.name })}
                      onClick={() => set({ accounts: draft.accounts.filter((x) => x.id !== a.id) })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <div class="form-actions span-all">
          <button type="submit" class="button button-primary" disabled={submit.busy}>
            {submit.busy
              ? t("common.saving")
              : props.campaign
                ? t("campaigns.saveDraft")
                : t("campaigns.createDraft")}
          </button>
          {props.onCancel && (
            <button type="button" class="button" onClick={props.onCancel}>
              {t("common.cancel")}
            </button>
          )}
        </div>
      </form>
      <section class="panel" aria-labelledby="preview-title" aria-live="polite">
        <h2 id="preview-title">{t("campaigns.equalTreatmentReport")}</h2>
        <p class="muted small">
          {t("campaigns.previewExplained", {
            scope: draft.teamId ? directory.teamName(draft.teamId) : t("campaigns.theFirm"),
          })}
        </p>
        <LoadView state={preview} what={t("campaigns.theEqualTreatmentReport")}>
          {(r) => <ReportView report={r} />}
        </LoadView>
      </section>
    </div>
  );
}

/** `POST /campaigns/preview` of the draft, a moment after it stops changing. */
function usePreview(draft: CampaignDraft): Load<CampaignReport> {
  const { client } = useApp();
  const body = useDebounced(JSON.stringify(previewBody(draft)), 300);
  const [state, setState] = useState<Load<CampaignReport>>({ status: "loading" });
  useEffect(() => {
    const parsed = JSON.parse(body) as ReturnType<typeof previewBody>;
    if (!parsed) return;
    const controller = new AbortController();
    client
      .request<CampaignReport>("POST", "/campaigns/preview", {
        body: parsed,
        signal: controller.signal,
      })
      .then(({ data }) => setState({ status: "ok", data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: "unavailable" });
        else if (error instanceof ApiError) setState({ status: "error", error });
      });
    return () => controller.abort();
  }, [client, body]);
  return state;
}

function ReportView(props: { report: CampaignReport }) {
  const r = props.report;
  const currency = r.currency ?? "EUR";
  return (
    <div class="report" data-testid="campaign-report">
      {r.warnings.length > 0 ? (
        <div
          class="banner banner-warning report-warnings"
          role="alert"
          data-testid="campaign-warnings"
        >
          <div>
            <strong>{t("campaigns.warningsHeading", { count: r.warnings.length })}</strong>
            <ul>
              {r.warnings.map((w) => (
                <li key={w.code} data-code={w.code}>
                  <span class="strong">{warningLabel(w.code)}.</span> {w.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p class="banner banner-info" data-testid="campaign-fair">
          {t("campaigns.noEqualTreatmentWarningFor")}
        </p>
      )}
      <section class="tiles" aria-label={t("campaigns.reach")}>
        <Tile
          label={t("campaigns.included")}
          value={`${formatNumber(r.included.accounts)} / ${formatNumber(r.universe.accounts)}`}
          note={t("campaigns.activeAccounts")}
        />
        <Tile
          label={t("campaigns.accountsLeftOut")}
          value={formatPercent(r.excluded_share)}
          tone={r.excluded_share > 0.5 ? "warn" : undefined}
        />
        <Tile
          label={t("campaigns.valueLeftOut")}
          value={formatPercent(r.excluded_value_share)}
          note={t("campaigns.ofMoneycompact", {
            moneyCompact: formatMoneyCompact(r.universe.value_minor, currency),
          })}
        />
      </section>
      <TreatmentTable
        caption={t("campaigns.perTier")}
        head={t("common.tier")}
        rows={r.by_tier.map((row) => ({
          ...row,
          key: row.tier,
          label: tierLabel(row.tier),
        }))}
        currency={currency}
        testId="report-by-tier"
      />
      <TreatmentTable
        caption={t("campaigns.perRegion")}
        head={t("common.region")}
        rows={r.by_region.map((row) => ({
          ...row,
          key: row.region,
          label: row.region || t("campaigns.noRegion"),
        }))}
        currency={currency}
        testId="report-by-region"
      />
    </div>
  );
}

function TreatmentTable(props: {
  caption: string;
  head: string;
  rows: (TreatmentRow & { key: string; label: string })[];
  currency: string;
  testId: string;
}) {
  if (props.rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table class="table table-compact table-cards" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            <th scope="col" class="num">
              {t("campaigns.active")}
            </th>
            <th scope="col" class="num">
              {t("campaigns.included")}
            </th>
            <th scope="col" class="num" title={t("campaigns.shareOfTheActiveAccounts")}>
              {t("campaigns.out")}
            </th>
            <th scope="col" class="num">
              {t("common.value")}
            </th>
            <th scope="col" class="num" title={t("campaigns.shareOfTheValueLeft")}>
              {t("campaigns.valueOut")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} class={row.excluded_share > 0.5 ? "row-warn" : undefined}>
              <th scope="row" class="cell-title">
                {row.label}
              </th>
              <td data-label={t("campaigns.active")} class="num">
                {formatNumber(row.active_accounts)}
              </td>
              <td data-label={t("campaigns.included")} class="num">
                {formatNumber(row.included_accounts)}
              </td>
              <td data-label={t("campaigns.leftOut")} class="num">
                {formatPercent(row.excluded_share)}
              </td>
              <td
                data-label={t("common.value")}
                class="num"
                title={formatMoney(row.value_minor, props.currency)}
              >
                {formatMoneyCompact(row.value_minor, props.currency)}
              </td>
              <td data-label={t("campaigns.valueLeftOut")} class="num">
                {formatPercent(row.excluded_value_share)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SendPanel(props: {
  campaign: Campaign;
  report: Load<CampaignReport>;
  unsaved: boolean;
  onSent: () => void;
}) {
  const { client } = useApp();
  const [reason, setReason] = useState("");
  const submit = useSubmit(["acknowledge_reason"]);
  const report = props.report.status === "ok" ? props.report.data : null;
  const warned = needsAcknowledgement(report);

  async function send(event: Event) {
    event.preventDefault();
    const ok = await submit.run(() =>
      client.post(
        `/campaigns/${encodeURIComponent(props.campaign.id)}/send`,
        reason.trim() ? { acknowledge_reason: reason.trim() } : {},
        { ifMatch: ifMatch(props.campaign) },
      ),
    );
    if (ok) props.onSent();
  }

  return (
    <section class="panel" aria-labelledby="send-title">
      <h2 id="send-title">{t("campaigns.send")}</h2>
      <p class="muted">
        {t("campaigns.sendExplained", { count: props.campaign.included_accounts })}
      </p>
      <form class="form" onSubmit={send} noValidate aria-label={t("campaigns.sendCampaign")}>
        <ProblemBanner problem={submit.banner} />
        {warned && (
          <TextAreaField
            label={t("campaigns.whySendItDespiteThe")}
            name="acknowledge_reason"
            value={reason}
            rows={2}
            maxLength={2000}
            hint={t("campaigns.requiredWhileTheReportWarns")}
            error={submit.fieldErrors.acknowledge_reason}
            onInput={setReason}
          />
        )}
        {props.unsaved && <p class="muted small">{t("campaigns.saveTheDraftFirstThis")}</p>}
        <div class="form-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={submit.busy || props.unsaved}
          >
            {submit.busy
              ? t("campaigns.sending")
              : warned
                ? t("campaigns.acknowledgeAndMarkSent")
                : t("campaigns.markSent")}
          </button>
        </div>
      </form>
    </section>
  );
}
