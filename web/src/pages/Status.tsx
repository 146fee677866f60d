import { EmptyState, PageHeader } from "../components/ui";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no page at this address" icon="?">
        <p>
          <a href="/accounts">Go to Accounts</a>
        </p>
      </EmptyState>
    </>
  );
}

export function ForbiddenPage(props: { label: string }) {
  return (
    <>
      <PageHeader title={props.label} />
      <EmptyState title="Your role does not include this page" icon="⊘">
        <p>
          Ask an administrator if you need access. <a href="/accounts">Go to Accounts</a>
        </p>
      </EmptyState>
    </>
  );
}
