"""Writers that keep a journal of every write and what answered it, readers, and the check that
nothing acknowledged was lost.

A writer creates accounts (named by a unique marker), logs interactions (summaries carry a
marker) on accounts of its own and edits those accounts with `If-Match` (each edit sets a unique
`annual_value_minor`). Only the writer that owns an account edits it, so the versions it is
answered with must go up. The check then reads everything back through the API: every write
that got a 2xx is there with its content, a write without an answer (or with an error) exists
at most once, the audit trail has exactly one entry per write that took effect, and no account's
version went down.
"""

import datetime
import random
import threading
import time

from harness import Client, NoAnswer, Refused, Tally, Violation

WRITE_KINDS = ("create_account", "interaction", "edit")


class Journal:
    def __init__(self, marker_prefix):
        self.prefix = marker_prefix
        self.lock = threading.Lock()
        self.entries = []
        self.sequence = 0

    def next_marker(self):
        with self.lock:
            self.sequence += 1
            return self.sequence, f"{self.prefix}-{self.sequence:06d}"

    def record(self, entry):
        with self.lock:
            entry["at"] = time.monotonic()
            self.entries.append(entry)

    def acked(self, before=None):
        return [e for e in self.entries if e["outcome"] == "acked" and (before is None or e["at"] <= before)]

    def counts(self):
        counts = {}
        for entry in self.entries:
            counts[entry["outcome"]] = counts.get(entry["outcome"], 0) + 1
        return counts


class Firm:
    """The team and accounts the battery writes on, created through the API."""

    def __init__(self, client, name, owned_accounts):
        self.team_id = client.expect("POST", "/api/v1/teams", {"name": f"{name} team"}).json()["id"]
        self.admin_id = client.user_id
        self.accounts = [create_account(client, self.team_id, f"{name}-owned-{n}") for n in range(owned_accounts)]


def create_account(client, team_id, name, value=100_000):
    body = {
        "name": name,
        "tier": "B",
        "region": "EMEA",
        "team_id": team_id,
        "annual_value_minor": value,
        "currency": "EUR",
    }
    return client.expect("POST", "/api/v1/accounts", body).json()["id"]


def interaction_body(admin_id, summary, seconds_ago):
    occurred = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=seconds_ago)
    return {
        "kind": "call",
        "occurred_at": occurred.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "summary": summary,
        "employee_ids": [admin_id],
        "contact_ids": [],
        "on_behalf_of": "person",
    }


def classify(call, journal, entry, tally):
    """Runs one write and journals its outcome."""
    try:
        answer = call()
    except Refused:
        tally.add("refused")
        return None  # never reached a server: not a write
    except NoAnswer:
        tally.add("no answer")
        entry["outcome"] = "unanswered"
        journal.record(entry)
        return None
    tally.add(answer.status, answer.seconds)
    if 200 <= answer.status < 300:
        entry["outcome"] = "acked"
        entry["answer"] = answer.json()
    else:
        entry["outcome"] = "rejected"
        entry["status"] = answer.status
        if answer.status >= 500:
            entry["detail"] = answer.body[:200]
    journal.record(entry)
    return answer


def paced(stop, rate, limit, action):
    """Calls `action` `rate` times a second (never faster, without catching up in bursts) until
    `stop` is set or it ran `limit` times."""
    next_at = time.monotonic()
    for _ in range(limit):
        if stop.is_set():
            return
        next_at += 1.0 / rate
        action()
        delay = next_at - time.monotonic()
        if delay > 0:
            stop.wait(delay)
        else:
            next_at = time.monotonic()


class Writer(threading.Thread):
    """One writing client: `rate` writes per second at most, until `stop` is set or `limit`
    writes were attempted."""

    def __init__(self, client, firm, journal, owned, stop, rate, tally, limit=100_000):
        super().__init__(daemon=True)
        self.client, self.firm, self.journal, self.owned = client, firm, journal, owned
        self.stop, self.rate, self.tally, self.limit = stop, rate, tally, limit
        self.random = random.Random(id(self))
        self.versions = {account_id: 0 for account_id in owned}
        self.regressions = []

    def run(self):
        paced(self.stop, self.rate, self.limit, self.write_once)

    def write_once(self):
        kind = self.random.choice(WRITE_KINDS)
        sequence, marker = self.journal.next_marker()
        if kind == "create_account":
            body = {
                "name": marker,
                "tier": "C",
                "region": "APAC",
                "team_id": self.firm.team_id,
                "annual_value_minor": 1000 + sequence,
                "currency": "EUR",
            }
            entry = {"kind": kind, "marker": marker}
            classify(lambda: self.client.call("POST", "/api/v1/accounts", body), self.journal, entry, self.tally)
        elif kind == "interaction":
            account_id = self.random.choice(self.owned)
            body = interaction_body(self.firm.admin_id, marker, sequence % 3600)
            entry = {"kind": kind, "marker": marker, "account_id": account_id}
            path = f"/api/v1/accounts/{account_id}/interactions"
            classify(lambda: self.client.call("POST", path, body), self.journal, entry, self.tally)
        else:
            account_id = self.random.choice(self.owned)
            path = f"/api/v1/accounts/{account_id}"
            try:
                read = self.client.call("GET", path)
            except (Refused, NoAnswer) as error:
                self.tally.add("refused" if isinstance(error, Refused) else "no answer")
                return
            self.tally.add(read.status, read.seconds)
            if read.status != 200:
                return
            self.note_version(account_id, read.json()["version"])
            value = 1_000_000 + sequence
            entry = {"kind": kind, "marker": marker, "account_id": account_id, "value": value}
            answer = classify(
                lambda: self.client.call(
                    "PATCH", path, {"annual_value_minor": value}, headers={"If-Match": read.header("etag")}
                ),
                self.journal,
                entry,
                self.tally,
            )
            if answer is not None and answer.status == 200:
                self.note_version(account_id, answer.json()["version"], strictly=True)

    def note_version(self, account_id, version, strictly=False):
        last = self.versions[account_id]
        if version < last or (strictly and version == last):
            self.regressions.append(f"account {account_id}: version {version} after {last}")
        self.versions[account_id] = max(last, version)


READ_PATHS = (
    "/api/v1/accounts/{account}",
    "/api/v1/accounts/{account}/risk",
    "/api/v1/accounts/{account}/interactions?limit=20",
    "/api/v1/accounts?team_id={team}&limit=50",
    "/api/v1/risk/summary?team_id={team}",
)


class Reader(threading.Thread):
    def __init__(self, client, firm, stop, rate, tally, limit=1_000_000):
        super().__init__(daemon=True)
        self.client, self.firm, self.stop, self.rate, self.tally, self.limit = client, firm, stop, rate, tally, limit
        self.random = random.Random(id(self))

    def run(self):
        paced(self.stop, self.rate, self.limit, self.read_once)

    def read_once(self):
        path = self.random.choice(READ_PATHS).format(account=self.random.choice(self.firm.accounts), team=self.firm.team_id)
        try:
            answer = self.client.call("GET", path)
            self.tally.add(answer.status, answer.seconds)
        except Refused:
            self.tally.add("refused")
        except NoAnswer:
            self.tally.add("no answer")


def verify(client, firm, journal, writers=(), before=None):
    """Everything acknowledged (before `before`, a monotonic time, if given) is there; see the
    module's doc. Answers figures for the summary; raises `Violation` listing what is wrong."""
    problems = []
    accounts = client.all_items(f"/api/v1/accounts?team_id={firm.team_id}")
    by_name = {}
    for account in accounts:
        by_name.setdefault(account["name"], []).append(account)
    entries = [e for e in journal.entries if before is None or e["at"] <= before]
    acked = [e for e in entries if e["outcome"] == "acked"]
    unsure = [e for e in entries if e["outcome"] != "acked"]

    # Accounts created, and interactions on the owned accounts.
    summaries = {}
    for account_id in firm.accounts:
        for interaction in client.all_items(f"/api/v1/accounts/{account_id}/interactions"):
            summaries.setdefault(interaction["summary"], []).append(interaction)
    for kind, found_by_marker in (("create_account", by_name), ("interaction", summaries)):
        for entry in (e for e in acked if e["kind"] == kind):
            found = found_by_marker.get(entry["marker"], [])
            if len(found) != 1 or found[0]["id"] != entry["answer"]["id"]:
                problems.append(f"acknowledged {kind} {entry['marker']} found {len(found)} time(s)")
        for entry in (e for e in unsure if e["kind"] == kind):
            if len(found_by_marker.get(entry["marker"], [])) > 1:
                problems.append(f"unanswered {kind} {entry['marker']} exists more than once")

    # Edits: the stored value is the last acknowledged one, or an unanswered edit after it.
    stored = {a["id"]: a for a in accounts}
    for account_id in firm.accounts:
        edits = [e for e in journal.entries if e["kind"] == "edit" and e["account_id"] == account_id]
        last_acked = max(
            (i for i, e in enumerate(edits) if e["outcome"] == "acked" and (before is None or e["at"] <= before)),
            default=None,
        )
        if last_acked is None:
            continue
        allowed = {edits[last_acked]["value"]} | {e["value"] for e in edits[last_acked + 1 :]}
        if stored[account_id]["annual_value_minor"] not in allowed:
            problems.append(
                f"account {account_id}: value {stored[account_id]['annual_value_minor']}, "
                f"last acknowledged edit {edits[last_acked]['value']}"
            )
        if stored[account_id]["version"] < edits[last_acked]["answer"]["version"]:
            problems.append(f"account {account_id}: version went down")
    for writer in writers:
        problems.extend(writer.regressions)

    audit_problems, audit_entries = check_audit(client, firm, journal, accounts, summaries, before)
    problems.extend(audit_problems)
    if problems:
        raise Violation(f"{len(problems)} problem(s): " + "; ".join(problems[:12]))
    return {
        "acked": len(acked),
        "found": len(acked),
        "unanswered": sum(1 for e in unsure if e["outcome"] == "unanswered"),
        "rejected": sum(1 for e in unsure if e["outcome"] == "rejected"),
        "audit_entries": audit_entries,
    }


def check_audit(client, firm, journal, accounts, summaries, before):
    """One audit entry per write that took effect: each account and interaction the battery
    made has one `create` entry, and each owned account one `update` entry per version step,
    every acknowledged edit's value among them exactly once."""
    problems = []
    entries = client.all_items(f"/api/v1/audit?actor_id={firm.admin_id}")
    creates, updates = {}, {}
    for entry in entries:
        key = (entry["entity"], entry["entity_id"])
        if entry["action"] == "create":
            creates[key] = creates.get(key, 0) + 1
        elif entry["action"] == "update" and entry["entity"] == "account":
            updates.setdefault(entry["entity_id"], []).append((entry.get("after") or {}).get("annual_value_minor"))
    made = {("account", a["id"]) for a in accounts} | {
        ("interaction", i["id"]) for found in summaries.values() for i in found if i["summary"].startswith(journal.prefix)
    }
    for key in made:
        if creates.get(key, 0) != 1:
            problems.append(f"{key[0]} {key[1]}: {creates.get(key, 0)} create entries in the audit trail")
    for key, count in creates.items():
        if key[0] in ("account", "interaction") and key not in made:
            problems.append(f"audit entry for a {key[0]} {key[1]} that does not exist ({count})")
    stored = {a["id"]: a for a in accounts}
    for account_id in firm.accounts:
        values = updates.get(account_id, [])
        if len(values) != stored[account_id]["version"] - 1:
            problems.append(
                f"account {account_id}: {len(values)} update entries for version {stored[account_id]['version']}"
            )
        edits = [e for e in journal.entries if e["kind"] == "edit" and e["account_id"] == account_id]
        for edit in edits:
            occurrences = values.count(edit["value"])
            settled = before is None or edit["at"] <= before
            if edit["outcome"] == "acked" and settled and occurrences != 1:
                problems.append(f"acknowledged edit {edit['marker']}: {occurrences} audit entries")
            if occurrences > 1:
                problems.append(f"unanswered edit {edit['marker']}: {occurrences} audit entries")
        known = {e["value"] for e in edits}
        strangers = [v for v in values if v not in known]
        if strangers:
            problems.append(f"account {account_id}: audit updates to values no writer sent: {strangers[:3]}")
    return problems, len(entries)


def run_load(clients, firm, journal, seconds, writes_per_second, reads_per_second, tally, writers_count=4):
    """Writers and readers at fixed rates for `seconds`; `clients` are spread over them. Answers
    the writer threads (already stopped)."""
    stop = threading.Event()
    writers = []
    owned = [firm.accounts[i::writers_count] for i in range(writers_count)]
    for i in range(writers_count):
        writers.append(
            Writer(clients[i % len(clients)], firm, journal, owned[i], stop, writes_per_second / writers_count, tally)
        )
    readers_count = max(1, writers_count)
    readers = [
        Reader(clients[i % len(clients)], firm, stop, reads_per_second / readers_count, tally)
        for i in range(readers_count)
    ]
    for thread in writers + readers:
        thread.start()
    stop.wait(seconds)
    stop.set()
    for thread in writers + readers:
        thread.join(timeout=30)
    return writers

