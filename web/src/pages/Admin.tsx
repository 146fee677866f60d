import type { Team, User } from "../api/types";
import { usePagedList } from "../app/useApi";
import { UsersTable } from "../components/UsersTable";
import { EmptyState, LoadView, PageHeader } from "../components/ui";

export function AdminPage() {
  const users = usePagedList<User>("/users", {}, 100);
  const teams = usePagedList<Team>("/teams", {}, 100);
  return (
    <>
      <PageHeader
        title="Users & teams"
        description="Who can sign in, with which role, and the teams accounts belong to."
      />
      <section class="panel" aria-labelledby="teams-title">
        <h2 id="teams-title">Teams</h2>
        <LoadView state={teams.state} what="teams" onRetry={teams.reload}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No teams yet" icon="◫">
                <p>
                  Every account belongs to a team; create the first one to start recording accounts.
                </p>
              </EmptyState>
            ) : (
              <ul class="chip-list">
                {items.map((t) => (
                  <li key={t.id} class="chip">
                    {t.name}
                  </li>
                ))}
              </ul>
            )
          }
        </LoadView>
      </section>
      <section class="panel" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        <LoadView state={users.state} what="users" onRetry={users.reload}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No users yet" icon="◍" />
            ) : (
              <UsersTable users={items} caption="Users" />
            )
          }
        </LoadView>
      </section>
    </>
  );
}
