import { useEffect, useState } from "preact/hooks";
import type { Account, AccountRisk, Assignment, Contact } from "../api/types";
import { useApp } from "../app/context";
import { mayEditAccount, permissionsOf } from "../app/permissions";
import { useDirectory } from "../app/directory";
import { formatMoney } from "../app/format";
import { codeLabel, tierLabel } from "../app/labels";
import { useApi } from "../app/useApi";
import { AccountForm } from "../components/AccountForm";
import { ContactsPanel } from "../components/account/ContactsPanel";
import { HistoryPanel } from "../components/account/HistoryPanel";
import { NetworkPanel } from "../components/account/NetworkPanel";
import { RelationshipMatrix } from "../components/account/RelationshipMatrix";
import { RiskPanel } from "../components/account/RiskPanel";
import { TeamPanel } from "../components/account/TeamPanel";
import { Timeline } from "../components/account/Timeline";
import type { Names } from "../components/account/names";
import { Badge, EmptyState, LoadView, PageHeader } from "../components/ui";
import { t } from "../i18n";

export function AccountPage(props: { accountId: string }) {
  const { user } = useApp();
  const directory = useDirectory();
  const base = `/accounts/${encodeURIComponent(props.accountId)}`;
  const account = useApi<Account>(base);
  const team = useApi<{ items: Assignment[] }>(`${base}/team`, { include_closed: true });
  const contacts = useApi<{ items: Contact[] }>(`${base}/contacts`);
  const risk = useApi<AccountRisk>(`${base}/risk`);
  const [editing, setEditing] = useState(false);

  const accountData = account.state.status === "ok" ? account.state.data : null;
  useEffect(() => {
    if (accountData) document.title = t("app.documentTitle", { title: accountData.name });
  }, [accountData?.name]);

  if (account.state.status === "unavailable") {
    return (
      <>
        <PageHeader title={t("common.account")} />
        <EmptyState title={t("account.noSuchAccount")} icon="?">
          <p>
            {t("account.itDoesNotExistOr")} <a href="/accounts">{t("account.allAccounts")}</a>
          </p>
        </EmptyState>
      </>
    );
  }

  const assignments = team.state.status === "ok" ? (team.state.data?.items ?? []) : [];
  const contactList = contacts.state.status === "ok" ? (contacts.state.data?.items ?? []) : [];
  const openAssignments = assignments.filter((a) => !a.until);
  const mine = openAssignments.find((a) => a.user_id === user.id);
  const permissions = permissionsOf(user);
  // Those who may change every account they see staff its team; members edit on their access.
  const canManageTeam = permissions.may_edit_accounts && !permissions.edits_only_with_edit_access;
  const canEdit = mayEditAccount(permissions, mine?.access);
  const canReadNotes = permissions.may_see_interaction_text;

  const names: Names = {
    user: (id) => assignments.find((a) => a.user_id === id)?.display_name ?? directory.userName(id),
    contact: (id) => contactList.find((c) => c.id === id)?.name ?? t("account.formerContact"),
  };

  // Every write changes the continuity figures: read them again.
  const afterTeamChange = () => {
    team.reload();
    risk.reload();
  };
  const afterContactChange = () => {
    contacts.reload();
    risk.reload();
  };

  return (
    <>
      <nav class="breadcrumbs" aria-label={t("common.breadcrumb")}>
        <a href="/accounts">{t("common.accounts")}</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{accountData?.name ?? t("common.account")}</span>
      </nav>
      <LoadView state={account.state} what={t("account.theAccount")} onRetry={account.reload}>
        {(a) => (
          <>
            <PageHeader
              title={a.name}
              description={t("account.headline", {
                tier: tierLabel(a.tier),
                region: a.region || t("account.noRegion"),
                team: directory.teamName(a.team_id),
                value: formatMoney(a.annual_value_minor, a.currency),
              })}
              actions={
                <>
                  {a.status === "churned" && (
                    <Badge tone="bad">{codeLabel("accountStatus", a.status)}</Badge>
                  )}
                  {canEdit && !editing && (
                    <button type="button" class="button" onClick={() => setEditing(true)}>
                      {t("account.editAccount")}
                    </button>
                  )}
                </>
              }
            />
            {editing && (
              <section class="panel" aria-labelledby="edit-account-title">
                <h2 id="edit-account-title">{t("account.editAccount")}</h2>
                <AccountForm
                  teams={directory.teams}
                  account={a}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    account.reload();
                    risk.reload();
                  }}
                />
              </section>
            )}
            <div class="account-layout">
              <div class="account-main">
                <TeamPanel
                  accountId={a.id}
                  state={team.state}
                  onRetry={team.reload}
                  canManage={canManageTeam}
                  onChanged={afterTeamChange}
                />
                <ContactsPanel
                  accountId={a.id}
                  state={contacts.state}
                  onRetry={contacts.reload}
                  canEdit={canEdit}
                  onChanged={afterContactChange}
                />
                <RelationshipMatrix
                  state={risk.state}
                  names={names}
                  people={openAssignments.map((x) => x.user_id)}
                  contacts={contactList.filter((c) => !c.left_at).map((c) => c.id)}
                />
                <NetworkPanel
                  accountId={a.id}
                  accountName={a.name}
                  canEdit={canEdit}
                  onChanged={risk.reload}
                />
                <Timeline
                  accountId={a.id}
                  canEdit={canEdit}
                  canReadNotes={canReadNotes}
                  team={openAssignments}
                  contacts={contactList.filter((c) => !c.left_at)}
                  names={names}
                  onChanged={risk.reload}
                />
                {permissions.may_see_audit && <HistoryPanel accountId={a.id} names={names} />}
              </div>
              <aside class="account-side" aria-label={t("common.continuityRisk")}>
                <RiskPanel
                  state={risk.state}
                  onRetry={risk.reload}
                  names={names}
                  currency={a.currency}
                />
              </aside>
            </div>
          </>
        )}
      </LoadView>
    </>
  );
}
