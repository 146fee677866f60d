import { useState } from "preact/hooks";
import type { Account } from "../api/types";
import { useDebounced, usePagedList } from "../app/useApi";
import { LoadView, TextField } from "./ui";

/**
 * Finds accounts by name (`GET /accounts?q=`) and hands the chosen one back:
 * the event attendee picker and a campaign's hand-picked target use it.
 */
export function AccountSearch(props: {
  label: string;
  /** The button text of a result, e.g. "Show contacts". */
  action: (account: Account) => string;
  onPick: (account: Account) => void;
  /** The account whose result is marked as chosen. */
  activeId?: string | null;
  /** Accounts to leave out of the results (e.g. the one whose page this is). */
  exclude?: readonly string[];
  error?: string | null;
  name?: string;
}) {
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 250);
  const list = usePagedList<Account>("/accounts", q ? { q, sort: "name" } : { sort: "name" }, 8);
  return (
    <div class="account-search">
      <TextField
        label={props.label}
        name={props.name ?? "account_q"}
        type="search"
        placeholder="Account name"
        value={text}
        error={props.error}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      <LoadView state={list.state} what="accounts" onRetry={list.reload}>
        {({ items }) => {
          const shown = items.filter((a) => !props.exclude?.includes(a.id));
          return shown.length === 0 ? (
            <p class="muted small">No account matches “{q}”.</p>
          ) : (
            <ul class="pick-list" aria-label={`${props.label}: results`}>
              {shown.map((a) => (
                <li key={a.id} class={a.id === props.activeId ? "active" : undefined}>
                  <span>
                    <span class="strong">{a.name}</span>{" "}
                    <span class="muted small">
                      Tier {a.tier} · {a.region || "no region"}
                    </span>
                  </span>
                  <button
                    type="button"
                    class="button button-small"
                    aria-pressed={a.id === props.activeId ? true : undefined}
                    aria-label={`${props.action(a)}: ${a.name}`}
                    onClick={() => props.onPick(a)}
                  >
                    {props.action(a)}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </LoadView>
    </div>
  );
}
