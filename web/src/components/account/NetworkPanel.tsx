import { useEffect, useState } from "preact/hooks";
import type { AccountNetwork, LinkKind } from "../../api/types";
import { LINK_KINDS } from "../../api/types";
import { useApp } from "../../app/context";
import { formatDate, formatNumber } from "../../app/format";
import {
  labelPlacement,
  layoutGraph,
  networkGraph,
  shortLabel,
  sparkline,
  type EdgeKind,
  type NetworkGraph,
  type PlacedNode,
} from "../../app/network";
import { navigate } from "../../app/router";
import { useApi } from "../../app/useApi";
import { useSubmit } from "../../app/useSubmit";
import { AccountSearch } from "../AccountSearch";
import { Badge, LoadView, ProblemBanner, SelectField } from "../ui";
import { t } from "../../i18n";
import { codeLabel } from "../../app/labels";

/** The drawing's box: phones get a narrower one, so labels keep their size. */
const WIDE = { width: 560, height: 300, margin: { x: 142, y: 40 }, label: 16 };
const NARROW = { width: 340, height: 300, margin: { x: 92, y: 40 }, label: 10 };
const NARROW_QUERY = "(max-width: 600px)";

function useBox() {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const update = () => setNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow ? NARROW : WIDE;
}

function accountPath(id: string): string {
  return `/accounts/${encodeURIComponent(id)}`;
}

/**
 * The client network: linked accounts and accounts met at the same events around
 * this one, the events it attended, and its institutional score with the trend.
 */
export function NetworkPanel(props: {
  accountId: string;
  accountName: string;
  canEdit: boolean;
  /** Links and events change the institutional figures. */
  onChanged: () => void;
}) {
  const base = accountPath(props.accountId);
  const { state, reload } = useApi<AccountNetwork>(`${base}/network`);
  const [linking, setLinking] = useState(false);
  const changed = () => {
    reload();
    props.onChanged();
  };
  return (
    <section class="panel" aria-labelledby="network-title">
      <div class="panel-head">
        <h2 id="network-title">{t("network.clientNetwork")}</h2>
        {props.canEdit && !linking && state.status === "ok" && (
          <button type="button" class="button button-small" onClick={() => setLinking(true)}>
            {t("network.linkAnAccount")}
          </button>
        )}
      </div>
      {linking && (
        <LinkForm
          accountId={props.accountId}
          onDone={(saved) => {
            setLinking(false);
            if (saved) changed();
          }}
        />
      )}
      <LoadView state={state} what={t("network.theClientNetwork")} onRetry={reload}>
        {(network) => (
          <NetworkView
            network={network}
            accountName={props.accountName}
            canEdit={props.canEdit}
            onChanged={changed}
          />
        )}
      </LoadView>
    </section>
  );
}

function NetworkView(props: {
  network: AccountNetwork;
  accountName: string;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { client } = useApp();
  const n = props.network;
  const graph = networkGraph(n, props.accountName);
  const remove = useSubmit([]);
  const trend = n.institutional_trend ?? [];
  const unlink = (linkId: string) =>
    remove
      .run(() => client.delete(`${accountPath(n.account_id)}/links/${encodeURIComponent(linkId)}`))
      .then((ok) => ok && props.onChanged());

  return (
    <>
      <div class="network-head">
        <div>
          <div class="muted small">{t("network.institutionalScore")}</div>
          <div class="network-score" data-testid="institutional-score">
            {formatNumber(n.institutional_score, 1)}
          </div>
        </div>
        {trend.length > 1 && (
          <svg
            class="sparkline"
            viewBox="-2 -2 124 34"
            width="124"
            height="34"
            role="img"
            aria-label={t("network.institutionalScoreOverTimeJoin", {
              join: trend
                .map((p) => `${formatDate(p.as_of)} ${formatNumber(p.score, 1)}`)
                .join(", "),
            })}
          >
            <polyline points={sparkline(trend, 120, 30)} />
          </svg>
        )}
        {n.institutional_tie ? (
          <Badge tone="good">{t("network.tiedToTheFirm")}</Badge>
        ) : (
          <Badge tone="warn">{t("network.noInstitutionalTieIn12")}</Badge>
        )}
      </div>
      {graph.edges.length === 0 ? (
        <p class="muted">{t("network.noLinkedAccountAndNo")}</p>
      ) : (
        <NetworkGraphView graph={graph} />
      )}
      <ProblemBanner problem={remove.banner} />
      <div class="network-lists">
        {n.links.length > 0 && (
          <div>
            <h3 class="subhead">{t("network.linkedAccounts")}</h3>
            <ul class="plain-list" data-testid="network-links">
              {n.links.map((l) => (
                <li key={l.id}>
                  <span class={`edge-key edge-key-${l.kind}`} aria-hidden="true" />
                  {l.other_account_name ? (
                    <a href={accountPath(l.other_account_id)}>{l.other_account_name}</a>
                  ) : (
                    <span class="muted">{t("network.anAccountNotVisibleTo")}</span>
                  )}{" "}
                  <span class="muted small">
                    {l.kind === "referred_by"
                      ? l.direction === "outgoing"
                        ? t("network.referredThisClient")
                        : t("network.wasReferredByThisClient")
                      : codeLabel("edgeKind", l.kind).toLowerCase()}
                  </span>
                  {props.canEdit && (
                    <button
                      type="button"
                      class="button button-ghost button-small"
                      disabled={remove.busy}
                      aria-label={t("network.removeTheLinkToValue", {
                        value: l.other_account_name ?? "this account",
                      })}
                      onClick={() => void unlink(l.id)}
                    >
                      {t("common.remove")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {n.met_at_events.length > 0 && (
          <div>
            <h3 class="subhead">{t("network.metAtEvents")}</h3>
            <ul class="plain-list" data-testid="network-met">
              {n.met_at_events.map((m) => (
                <li key={m.account_id}>
                  {m.account_name ? (
                    <a href={accountPath(m.account_id)}>{m.account_name}</a>
                  ) : (
                    <span class="muted">{t("network.anAccountNotVisibleTo")}</span>
                  )}{" "}
                  <span class="muted small">
                    {t("network.eventsLastMet", {
                      count: m.event_ids.length,
                      date: formatDate(m.last_met_at),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <h3 class="subhead">{t("network.eventsAttended")}</h3>
          {n.events.length === 0 ? (
            <p class="muted small">{t("network.noneRecorded")}</p>
          ) : (
            <ul class="plain-list" data-testid="network-events">
              {n.events.map((e) => (
                <li key={e.id}>
                  <a href={`/events/${encodeURIComponent(e.id)}`}>{e.name}</a>{" "}
                  <span class="muted small">
                    {codeLabel("eventKind", e.kind)}, {formatDate(e.occurred_at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  );
}

const EDGE_KINDS: readonly EdgeKind[] = ["referred_by", "same_group", "partner", "met_at_event"];

function NetworkGraphView(props: { graph: NetworkGraph }) {
  const { width, height, margin, label: labelChars } = useBox();
  const nodes = layoutGraph(props.graph, width, height, margin);
  const byId = new Map(nodes.map((p) => [p.id, p]));
  const centre = nodes.find((p) => p.centre) as PlacedNode;
  // Several kinds between the same two accounts bend apart instead of overlapping.
  const seen = new Map<string, number>();
  const open = (event: MouseEvent, id: string) => {
    event.preventDefault();
    navigate(accountPath(id));
  };
  return (
    <figure class="network-graph" data-testid="network-graph">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={t("network.graphOfTheAccountsTied")}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="22"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" class="arrow-head" />
          </marker>
        </defs>
        {props.graph.edges.map((e) => {
          const other = byId.get(e.other);
          if (!other) return null;
          const nth = seen.get(e.other) ?? 0;
          seen.set(e.other, nth + 1);
          const bend = nth === 0 ? 0 : (nth % 2 ? 1 : -1) * 18 * Math.ceil(nth / 2);
          const mx = (centre.x + other.x) / 2;
          const my = (centre.y + other.y) / 2;
          const len = Math.hypot(other.x - centre.x, other.y - centre.y) || 1;
          const qx = mx - ((other.y - centre.y) / len) * bend;
          const qy = my + ((other.x - centre.x) / len) * bend;
          // A referral points from the referrer to the referred account.
          const [from, to] = e.direction === "outgoing" ? [other, centre] : [centre, other];
          return (
            <path
              key={e.id}
              class={`edge edge-${e.kind}`}
              d={`M${from.x},${from.y} Q${qx},${qy} ${to.x},${to.y}`}
              marker-end={e.kind === "referred_by" ? "url(#arrow)" : undefined}
            >
              <title>
                {codeLabel("edgeKind", e.kind)}
                {e.kind === "met_at_event" ? ` (${e.events})` : ""}
              </title>
            </path>
          );
        })}
        {nodes.map((p) => {
          const r = p.centre ? 18 : 11;
          const at = labelPlacement(p, centre, r);
          const label = (
            <>
              <circle cx={p.x} cy={p.y} r={r} />
              <text x={at.x} y={at.y} text-anchor={at.anchor}>
                {p.name
                  ? shortLabel(p.name, p.centre ? labelChars + 6 : labelChars)
                  : t("network.notVisible")}
              </text>
            </>
          );
          if (p.centre) {
            return (
              <g key={p.id} class="node node-centre">
                {label}
              </g>
            );
          }
          if (!p.name) {
            return (
              <g key={p.id} class="node node-hidden">
                {label}
              </g>
            );
          }
          return (
            <a
              key={p.id}
              class="node"
              href={accountPath(p.id)}
              aria-label={t("network.openName", { name: p.name })}
              onClick={(event) => open(event, p.id)}
            >
              <title>{p.name}</title>
              {label}
            </a>
          );
        })}
      </svg>
      <figcaption class="network-legend">
        {EDGE_KINDS.filter((k) => props.graph.edges.some((e) => e.kind === k)).map((k) => (
          <span key={k}>
            <span class={`edge-key edge-key-${k}`} aria-hidden="true" />
            {codeLabel("edgeKind", k)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function LinkForm(props: { accountId: string; onDone: (saved: boolean) => void }) {
  const { client } = useApp();
  const [kind, setKind] = useState<LinkKind>("same_group");
  const submit = useSubmit(["other_account_id", "kind"]);
  const link = (otherId: string) =>
    submit
      .run(() =>
        client.post(`${accountPath(props.accountId)}/links`, { other_account_id: otherId, kind }),
      )
      .then((ok) => ok && props.onDone(true));
  return (
    <div class="inline-form link-form" role="group" aria-label={t("network.linkAnAccount")}>
      <ProblemBanner problem={submit.banner} />
      <SelectField
        label={t("network.tie")}
        name="kind"
        value={kind}
        options={LINK_KINDS.map((k) => ({
          value: k,
          label:
            k === "referred_by" ? t("network.referredThisClientToUs") : codeLabel("edgeKind", k),
        }))}
        error={submit.fieldErrors.kind}
        onChange={(k) => setKind(k as LinkKind)}
      />
      <AccountSearch
        label={t("network.accountToLink")}
        action={() => "Link"}
        exclude={[props.accountId]}
        error={submit.fieldErrors.other_account_id}
        onPick={(a) => void link(a.id)}
      />
      <div class="form-actions">
        <button type="button" class="button button-small" onClick={() => props.onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </div>
  );
}
