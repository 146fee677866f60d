import { useState } from "preact/hooks";
import type { Account } from "../api/types";
import { useDebounced, usePagedList } from "../app/useApi";
import { LoadView, TextField } from "./ui";
import { tierLabel } from "../app/labels";
import { t } from "../i18n";

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
        placeholder={t("common.accountName")}
        value={text}
        error={props.error}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      <LoadView state={list.state} what={t("accountSearch.accounts")} onRetry={list.reload}>
        {({ items }) => {
          const shown = items.filter((a) => !props.exclude?.includes(a.id));
          return shown.length === 0 ? (
            <p class="muted small">{t("accountSearch.noMatch", { q })}</p>
          ) : (
            <ul
              class="pick-list"
              aria-label={t("accountSearch.labelResults", { label: props.label })}
            >
              {shown.map((a) => (
                <li key={a.id} class={a.id === props.activeId ? "active" : undefined}>
                  <span>
                    <span class="strong">{a.name}</span>{" "}
                    <span class="muted small">
                      {tierLabel(a.tier)} · {a.region || t("accountSearch.noRegion")}
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
