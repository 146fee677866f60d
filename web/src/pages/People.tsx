import { useState } from "preact/hooks";
import { ApiError } from "../api/problem";
import type { PersonRank, User, UserExposure, UserStatus } from "../api/types";
import { USER_STATUSES } from "../api/types";
import { ifMatch } from "../api/versions";
import { useApp } from "../app/context";
import { refreshDirectory, useAccountNames, useDirectory } from "../app/directory";
import {
  formatDate,
  formatList,
  formatMoney,
  formatMoneyCompact,
  formatNumber,
} from "../app/format";
import { codeLabel } from "../app/labels";
import { subPath, type PageProps } from "../app/nav";
import { useApi, useDebounced, usePagedList } from "../app/useApi";
import { useSubmit } from "../app/useSubmit";
import {
  Badge,
  EmptyState,
  LoadMore,
  LoadView,
  PageHeader,
  ProblemBanner,
  SelectField,
  ShareBar,
  TextField,
  Tile,
} from "../components/ui";
import { LeavingHoldersNote } from "../components/leaving";
import { t } from "../i18n";

const STATUS_TONE = { active: "good", leaving: "warn", departed: "neutral" } as const;

export function PeoplePage({ path }: PageProps) {
  const id = subPath(path, "/people");
  return id ? <PersonPage key={id} userId={id} /> : <PeopleList />;
}

/** The columns HR's ranking sorts by (the server's `sort` fields), in table order. */
const RANK_SORTS = [
  "display_name",
  "orphaned_value_minor",
  "share_weighted_exposure_minor",
  "accounts_held",
  "sole_held_accounts",
  "leave_date",
  "non_solicitation_until",
  "non_compete_until",
] as const;
type RankSort = (typeof RANK_SORTS)[number];

/** The figures start largest first; names and dates earliest first. */
const DESCENDING_FIRST: ReadonlySet<RankSort> = new Set([
  "orphaned_value_minor",
  "share_weighted_exposure_minor",
  "accounts_held",
  "sole_held_accounts",
]);

/** The name column comes first, then the status, then the figures and dates. */
const NAME_SORT: RankSort = "display_name";
const FIGURE_SORTS = RANK_SORTS.filter((field) => field !== NAME_SORT);

/** The ranking's default order: largest value held alone first. */
const DEFAULT_RANK_SORT = "-orphaned_value_minor";

/** Each sort column's heading, read when drawn so that it follows the language. */
function rankColumnLabel(field: RankSort): string {
  switch (field) {
    case "display_name":
      return t("common.name");
    case "orphaned_value_minor":
      return t("hr.people.valueHeldAlone");
    case "share_weighted_exposure_minor":
      return t("people.shareWeightedExposure");
    case "accounts_held":
      return t("hr.people.accountsHeld");
    case "sole_held_accounts":
      return t("hr.people.soleHeldAccounts");
    case "leave_date":
      return t("common.leaveDate");
    case "non_solicitation_until":
      return t("people.nonSolicitation");
    case "non_compete_until":
      return t("people.nonCompete");
  }
}

/** What a click on a column heading sorts by: the other direction of the same column, or the
 * column in its natural first direction. */
export function nextRankSort(current: string, field: RankSort): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  return DESCENDING_FIRST.has(field) ? `-${field}` : field;
}

/** The options of the sort menu (the phone layout has no column headings to click). */
function rankSortOptions(): { value: string; label: string }[] {
  return RANK_SORTS.flatMap((field) => {
    const label = rankColumnLabel(field);
    const first = DESCENDING_FIRST.has(field) ? `-${field}` : field;
    const second = first.startsWith("-") ? field : `-${field}`;
    const word = (s: string) =>
      s.startsWith("-") ? t("hr.people.sortDescending") : t("hr.people.sortAscending");
    return [first, second].map((value) => ({
      value,
      label: t("hr.people.sortOption", { column: label, direction: word(value) }),
    }));
  });
}

function SortHeader(props: {
  field: RankSort;
  sort: string;
  onSort: (sort: string) => void;
  num?: boolean;
}) {
  const { field, sort } = props;
  const direction = sort === field ? "ascending" : sort === `-${field}` ? "descending" : undefined;
  return (
    <th scope="col" class={props.num ? "num" : undefined} aria-sort={direction ?? "none"}>
      <button
        type="button"
        class="sort-button"
        data-sort={field}
        onClick={() => props.onSort(nextRankSort(sort, field))}
      >
        {rankColumnLabel(field)}
        <span class="sort-mark" aria-hidden="true">
          {direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

function PeopleList() {
  const directory = useDirectory();
  const [search, setSearch] = useState("");
  const [teamId, setTeamId] = useState("");
  const [status, setStatus] = useState("");
  const [unprotectedOnly, setUnprotectedOnly] = useState(false);
  const [sort, setSort] = useState(DEFAULT_RANK_SORT);
  const q = useDebounced(search.trim(), 250);
  const query: Record<string, string> = { sort };
  if (q) query.q = q;
  if (teamId) query.team_id = teamId;
  if (status) query.status = status;
  if (unprotectedOnly) query.unprotected = "true";
  const list = usePagedList<PersonRank>("/exposure/people", query, 50);
  const filtered = Boolean(q || teamId || status || unprotectedOnly);
  return (
    <>
      <PageHeader title={t("people.peopleExposure")} description={t("hr.people.description")} />
      <form class="toolbar filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t("people.searchPeople")}
          name="q"
          type="search"
          placeholder={t("common.name")}
          value={search}
          class="filter-search"
          onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
        />
        <SelectField
          label={t("common.team")}
          name="team_id"
          value={teamId}
          placeholder={t("common.allTeams")}
          options={directory.teams.map((team) => ({ value: team.id, label: team.name }))}
          onChange={setTeamId}
        />
        <SelectField
          label={t("common.status")}
          name="status"
          value={status}
          placeholder={t("people.everyone")}
          options={USER_STATUSES.map((s) => ({ value: s, label: codeLabel("userStatus", s) }))}
          onChange={setStatus}
        />
        <SelectField
          label={t("accounts.sortBy")}
          name="sort"
          class="filter-sort"
          value={sort}
          options={rankSortOptions()}
          onChange={setSort}
        />
        <label class="check filter-check">
          <input
            type="checkbox"
            name="unprotected"
            checked={unprotectedOnly}
            onChange={(e) => setUnprotectedOnly((e.currentTarget as HTMLInputElement).checked)}
          />
          {t("hr.people.unprotectedOnly")}
        </label>
      </form>
      <LoadView state={list.state} what={t("people.people")} onRetry={list.reload}>
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            filtered ? (
              <EmptyState title={t("people.nobodyMatchesTheseFilters")} />
            ) : (
              <EmptyState title={t("people.noPeopleYet")} icon="◍">
                <p>{t("people.employeesAppearHereOnceAn")}</p>
              </EmptyState>
            )
          ) : (
            <>
              <p class="muted small">{t("hr.people.unprotectedExplained")}</p>
              <div class="table-wrap">
                <table class="table table-cards table-ranking" data-testid="people-table">
                  <caption class="sr-only">{t("people.people2")}</caption>
                  <thead>
                    <tr>
                      <SortHeader field={NAME_SORT} sort={sort} onSort={setSort} />
                      {FIGURE_SORTS.map((field) => (
                        <SortHeader
                          key={field}
                          field={field}
                          sort={sort}
                          onSort={setSort}
                          num={DESCENDING_FIRST.has(field)}
                        />
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.user_id} data-user-id={p.user_id}>
                        <th scope="row" class="strong cell-title">
                          <a href={`/people/${encodeURIComponent(p.user_id)}`}>{p.display_name}</a>
                          {p.unprotected && (
                            <>
                              {" "}
                              <Badge tone="bad">{t("hr.people.unprotected")}</Badge>
                            </>
                          )}
                          <div class="muted small">
                            {p.team_id ? directory.teamName(p.team_id) : t("hr.people.noTeam")}
                            {p.status !== "active" && (
                              <>
                                {" "}
                                <Badge tone={STATUS_TONE[p.status] ?? "neutral"}>
                                  {codeLabel("userStatus", p.status)}
                                </Badge>
                              </>
                            )}
                          </div>
                        </th>
                        <td
                          data-label={t("hr.people.valueHeldAlone")}
                          class="num"
                          data-testid="rank-orphaned"
                        >
                          {formatMoneyCompact(p.orphaned_value_minor, "EUR")}
                        </td>
                        <td data-label={t("people.shareWeightedExposure")} class="num">
                          {formatMoneyCompact(p.share_weighted_exposure_minor, "EUR")}
                        </td>
                        <td data-label={t("hr.people.accountsHeld")} class="num">
                          {formatNumber(p.accounts_held)}
                        </td>
                        <td data-label={t("hr.people.soleHeldAccounts")} class="num">
                          {formatNumber(p.sole_held_accounts)}
                        </td>
                        <td data-label={t("common.leaveDate")}>{formatDate(p.leave_date)}</td>
                        <td data-label={t("people.nonSolicitation")}>
                          {formatDate(p.non_solicitation_until)}
                        </td>
                        <td data-label={t("people.nonCompete")}>
                          {formatDate(p.non_compete_until)}
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

function PersonPage(props: { userId: string }) {
  const base = `/users/${encodeURIComponent(props.userId)}`;
  const person = useApi<User>(base);
  const exposure = useApi<UserExposure>(`${base}/exposure`);
  return (
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumb")}>
        <a href="/people">{t("people.peopleExposure")}</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">
          {person.state.status === "ok" ? person.state.data.display_name : t("common.person")}
        </span>
      </nav>
      <LoadView state={person.state} what={t("people.thisPerson")} onRetry={person.reload}>
        {(u) => (
          <>
            <PageHeader
              title={u.display_name}
              description={`${u.email} · ${codeLabel("role", u.role)}`}
              actions={
                <>
                  <Badge tone={STATUS_TONE[u.status ?? "active"] ?? "neutral"}>
                    {codeLabel("userStatus", u.status ?? "active")}
                  </Badge>
                  {(u.status ?? "active") !== "departed" && (
                    <a class="button" href={`/departures?new_for=${encodeURIComponent(u.id)}`}>
                      {t("people.planTheirDeparture")}
                    </a>
                  )}
                </>
              }
            />
            <section class="panel" aria-labelledby="exposure-title">
              <h2 id="exposure-title">{t("people.whatRestsOn", { name: u.display_name })}</h2>
              <LoadView
                state={exposure.state}
                what={t("people.exposureFigures")}
                onRetry={exposure.reload}
              >
                {(x) => <ExposureView exposure={x} />}
              </LoadView>
            </section>
            <section class="panel" aria-labelledby="status-title">
              <h2 id="status-title">{t("people.employmentStatusAndAgreements")}</h2>
              <PersonForm
                user={u}
                onSaved={() => {
                  person.reload();
                  exposure.reload();
                }}
              />
            </section>
          </>
        )}
      </LoadView>
    </>
  );
}

function ExposureView({ exposure }: { exposure: UserExposure }) {
  const currency = exposure.currency ?? "EUR";
  const accounts = [...(exposure.accounts ?? [])].sort((a, b) => b.share - a.share);
  const names = useAccountNames([
    ...accounts.map((a) => a.account_id),
    ...exposure.contacts_only_they_know.map((c) => c.account_id),
  ]);
  const soleCount = accounts.filter((a) => a.sole_holder).length;
  return (
    <>
      <div class="tiles">
        <Tile
          label={t("people.valueHeldAlone")}
          value={
            <span data-testid="orphaned-value">
              {formatMoney(exposure.orphaned_value_minor, currency)}
            </span>
          }
          tone={exposure.orphaned_value_minor > 0 ? "bad" : undefined}
          note={t("people.soleHeldNote", { count: soleCount })}
        />
        <Tile
          label={t("people.shareWeightedExposure")}
          value={formatMoney(exposure.share_weighted_exposure_minor, currency)}
          note={t("people.annualValueTheirShare")}
        />
        <Tile
          label={t("people.contactsOnlyTheyKnow")}
          value={exposure.contacts_only_they_know.length}
        />
        <Tile
          label={t("people.agreements")}
          value={
            <span class="tile-dates">
              {t("people.nonSolicitationOn", {
                date: formatDate(exposure.non_solicitation_until),
              })}
              <br />
              {t("people.nonCompeteOn", { date: formatDate(exposure.non_compete_until) })}
            </span>
          }
        />
      </div>
      {accounts.length === 0 ? (
        <p class="muted">{t("people.theyHoldNoAccountRelationship")}</p>
      ) : (
        <div class="table-wrap">
          <table class="table table-cards" data-testid="exposure-accounts">
            <caption class="sr-only">{t("people.accountsAndTheirShare")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("common.account")}</th>
                <th scope="col">{t("people.theirShare")}</th>
                <th scope="col" class="num">
                  {t("common.annualValue")}
                </th>
                <th scope="col" class="num">
                  {t("people.weightedByShare")}
                </th>
                <th scope="col">{t("people.soleHolder")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.account_id}>
                  <th scope="row" class="cell-title">
                    <a href={`/accounts/${encodeURIComponent(a.account_id)}`}>
                      {names[a.account_id] ?? t("common.account")}
                    </a>
                    <LeavingHoldersNote holders={a.other_holders_leaving ?? []} />
                  </th>
                  <td data-label={t("people.share")}>
                    <ShareBar share={a.share} />
                  </td>
                  <td data-label={t("common.annualValue")} class="num">
                    {formatMoney(a.annual_value_minor, currency)}
                  </td>
                  <td data-label={t("people.weightedByShare")} class="num">
                    {formatMoney(a.share_weighted_value_minor, currency)}
                  </td>
                  <td data-label={t("people.soleHolder")}>
                    {a.sole_holder ? (
                      <Badge tone="bad">{t("people.soleHolder")}</Badge>
                    ) : (
                      t("people.no")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exposure.contacts_only_they_know.length > 0 && (
        <p class="muted small">
          {t("people.contactsOnlyTheyKnowAt", {
            accounts: formatList([
              ...new Set(
                exposure.contacts_only_they_know.map(
                  (c) => names[c.account_id] ?? t("people.anAccount"),
                ),
              ),
            ]),
          })}
        </p>
      )}
    </>
  );
}

const PERSON_FIELDS = [
  "status",
  "leave_date",
  "non_solicitation_until",
  "non_compete_until",
] as const;

function PersonForm(props: { user: User; onSaved: () => void }) {
  const { client, user: me } = useApp();
  const u = props.user;
  const [values, setValues] = useState({
    status: u.status ?? "active",
    leave_date: u.leave_date ?? "",
    non_solicitation_until: u.non_solicitation_until ?? "",
    non_compete_until: u.non_compete_until ?? "",
  });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(PERSON_FIELDS);
  const blocking =
    submit.lastError instanceof ApiError && submit.lastError.status === 409
      ? ((submit.lastError.problem.account_ids as string[] | undefined) ?? [])
      : [];
  const blockingNames = useAccountNames(blocking);
  const set = (key: keyof typeof values) => (e: Event) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: (e.currentTarget as HTMLInputElement).value }));
  };

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const ok = await submit.run(() =>
      client.patch(
        `/users/${encodeURIComponent(u.id)}`,
        {
          status: values.status,
          leave_date: values.leave_date || null,
          non_solicitation_until: values.non_solicitation_until || null,
          non_compete_until: values.non_compete_until || null,
        },
        { ifMatch: ifMatch(u) },
      ),
    );
    if (ok) {
      setSaved(true);
      refreshDirectory(client, me);
      props.onSaved();
    }
  }

  return (
    <form
      class="form form-grid"
      onSubmit={save}
      noValidate
      aria-label={t("people.statusAndAgreements")}
    >
      <ProblemBanner problem={submit.banner} />
      {blocking.length > 0 && (
        <div class="banner banner-warning span-all" role="alert">
          <div>
            <strong>{t("people.theyStillHoldTheseAccounts")}</strong>{" "}
            {t("people.planSuccessorFirst")}{" "}
            {blocking.map((id, i) => (
              <span key={id}>
                {i > 0 && ", "}
                <a href={`/accounts/${encodeURIComponent(id)}`}>{blockingNames[id] ?? id}</a>
              </span>
            ))}
          </div>
        </div>
      )}
      <SelectField
        label={t("common.status")}
        name="status"
        value={values.status}
        options={USER_STATUSES.map((s) => ({ value: s, label: codeLabel("userStatus", s) }))}
        error={submit.fieldErrors.status}
        onChange={(status) => {
          setSaved(false);
          setValues((v) => ({ ...v, status: status as UserStatus }));
        }}
      />
      <TextField
        label={t("common.leaveDate")}
        name="leave_date"
        type="date"
        value={values.leave_date}
        error={submit.fieldErrors.leave_date}
        onInput={set("leave_date")}
      />
      <TextField
        label={t("people.nonSolicitationUntil")}
        name="non_solicitation_until"
        type="date"
        value={values.non_solicitation_until}
        error={submit.fieldErrors.non_solicitation_until}
        onInput={set("non_solicitation_until")}
      />
      <TextField
        label={t("people.nonCompeteUntil")}
        name="non_compete_until"
        type="date"
        value={values.non_compete_until}
        error={submit.fieldErrors.non_compete_until}
        onInput={set("non_compete_until")}
      />
      <div class="form-actions span-all">
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? t("common.saving") : t("common.save")}
        </button>
        {saved && (
          <span class="saved-note" role="status">
            {t("people.saved")}
          </span>
        )}
      </div>
    </form>
  );
}
