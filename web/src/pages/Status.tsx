import { EmptyState, PageHeader } from "../components/ui";
import { t } from "../i18n";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title={t("common.pageNotFound")} />
      <EmptyState title={t("status.thereIsNoPageAt")} icon="?">
        <p>
          <a href="/accounts">{t("status.goToAccounts")}</a>
        </p>
      </EmptyState>
    </>
  );
}

export function ForbiddenPage(props: { label: string }) {
  return (
    <>
      <PageHeader title={props.label} />
      <EmptyState title={t("status.yourRoleDoesNotInclude")} icon="⊘">
        <p>
          {t("status.askAnAdministratorIfYou")} <a href="/accounts">{t("status.goToAccounts")}</a>
        </p>
      </EmptyState>
    </>
  );
}
