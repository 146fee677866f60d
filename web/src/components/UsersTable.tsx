import type { User } from "../api/types";
import { formatDate, humanise } from "../app/format";
import { ROLE_LABELS } from "../app/nav";
import { Badge } from "./ui";

const STATUS_TONE = { active: "good", leaving: "warn", departed: "neutral" } as const;

export function UsersTable(props: { users: User[]; showAgreements?: boolean; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Leave date</th>
            {props.showAgreements && <th scope="col">Non-solicitation until</th>}
            {props.showAgreements && <th scope="col">Non-compete until</th>}
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr key={u.id}>
              <td class="strong">{u.display_name}</td>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role] ?? humanise(u.role)}</td>
              <td>
                <Badge tone={STATUS_TONE[u.status ?? "active"] ?? "neutral"}>
                  {humanise(u.status ?? "active")}
                </Badge>
              </td>
              <td>{formatDate(u.leave_date)}</td>
              {props.showAgreements && <td>{formatDate(u.non_solicitation_until)}</td>}
              {props.showAgreements && <td>{formatDate(u.non_compete_until)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
