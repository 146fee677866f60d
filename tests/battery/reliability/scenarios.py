"""The battery's scenarios. Each makes its own store and servers, checks what it promises and
answers its figures; a broken promise raises `Violation`."""

import os
import random
import subprocess
import threading
import time

from harness import (
    Client,
    NoAnswer,
    PostgresDatabase,
    PrivatePostgres,
    Refused,
    Server,
    SqliteStore,
    Tally,
    Violation,
    request,
    status_of,
)
from journal import Firm, Journal, create_account, interaction_body, run_load, verify


class Context:
    """What every scenario shares: the binary, the run's folder, the PostgreSQL server, the tier."""

    def __init__(self, binary, folder, postgres_url, full):
        self.binary = binary
        self.folder = folder
        self.postgres_url = postgres_url
        self.full = full
        self.jwt_secret = os.urandom(36).hex()
        self.servers = []
        self.cleanups = []
        self.counter = 0

    def name(self, label):
        self.counter += 1
        return f"battery_{os.getpid()}_{self.counter}_{label}".replace("-", "_")

    def store(self, kind, label):
        name = self.name(label)
        store = SqliteStore(self.folder, name) if kind == "sqlite" else PostgresDatabase(self.postgres_url, name)
        self.cleanups.append(store.drop)
        return store

    def server(self, store_url, label):
        server = Server(self.binary, store_url, self.folder, self.name(label), self.jwt_secret)
        self.servers.append(server)
        return server

    def setup(self, kind, label, owned_accounts):
        """A fresh store with one server on it, the admin signed in and the battery's firm."""
        store = self.store(kind, label)
        server = self.server(store.url, f"{label}-{kind}")
        client = Client(server.base)
        firm = Firm(client, f"{label}-{kind}", owned_accounts=owned_accounts)
        return store, server, client, firm

    def close(self):
        for server in self.servers:
            server.stop()
        self.servers = []
        for cleanup in reversed(self.cleanups):
            cleanup()
        self.cleanups = []


def require_no_server_errors(tally, allowed=()):
    errors = {k: v for k, v in tally.errors().items() if k not in allowed and k != 412}
    if errors:
        raise Violation(f"error answers: {errors} (all: {tally.describe()})")


def integrity(store, servers):
    for server in servers:
        server.stop()
    problems = store.integrity_problems()
    if problems:
        raise Violation("integrity check failed: " + "; ".join(problems))
    return "integrity_check + foreign_key_check ok" if store.kind == "sqlite" else "pg_amcheck ok"


# --- nothing lost under load ---------------------------------------------------------------------


def under_load(context, kind):
    seconds = 60 if context.full else 20
    store, server, client, firm = context.setup(kind, "load", owned_accounts=8)
    journal, tally = Journal(f"load-{kind}"), Tally()
    # 80 % reads, 20 % writes at a fixed rate.
    writers = run_load([client], firm, journal, seconds, writes_per_second=8, reads_per_second=32, tally=tally)
    require_no_server_errors(tally)
    if tally.slowest > 3:
        raise Violation(f"a request took {tally.slowest:.1f} s under load")
    figures = verify(client, firm, journal, writers)
    figures["integrity"] = integrity(store, [server])
    figures.update(requests=tally.total(), outcomes=tally.describe(), seconds=seconds, slowest_s=round(tally.slowest, 2))
    return figures


# --- kill -9 in the middle of writes -------------------------------------------------------------


def killed_mid_write(context, kind):
    kills = 3 if context.full else 1
    store, server, client, firm = context.setup(kind, "kill", owned_accounts=8)
    journal, tally = Journal(f"kill-{kind}"), Tally()
    load = threading.Thread(
        target=run_load,
        args=([client], firm, journal, 4 + kills * 6, 24, 16, tally),
        kwargs={"writers_count": 6},
        daemon=True,
    )
    load.start()
    survived = 0
    for _ in range(kills):
        time.sleep(3 + random.random())
        server.kill_hard()
        time.sleep(1)
        server.start()
        survived += 1
    load.join(timeout=120)
    # Answers during the restarts are refused connections or unanswered requests, never errors.
    require_no_server_errors(tally, allowed=("refused", "no answer"))
    figures = verify(client, firm, journal)
    figures["integrity"] = integrity(store, [server])
    figures.update(kills=kills, restarts_survived=survived, requests=tally.total(), outcomes=tally.describe())
    return figures


# --- PostgreSQL stopped for 10 s -----------------------------------------------------------------


def database_down(context, _kind="postgres"):
    private = PrivatePostgres()
    context.cleanups.append(private.remove)
    store = PostgresDatabase(private.server_url, "battery_down")
    server = context.server(store.url, "pg-down")
    client = Client(server.base)
    firm = Firm(client, "pg-down", owned_accounts=8)
    journal, tally = Journal("pg-down"), Tally()
    down_seconds = 10
    load = threading.Thread(
        target=run_load, args=([client], firm, journal, 3 + down_seconds + 8, 6, 24, tally), daemon=True
    )
    load.start()
    time.sleep(3)
    private.stop()
    went_down = time.monotonic()
    probes, slowest, bad = 0, 0.0, []
    while time.monotonic() - went_down < down_seconds:
        probes += 1
        try:
            answer = client.call("GET", f"/api/v1/accounts/{firm.accounts[0]}", timeout=10)
        except OSError as error:
            bad.append(f"no answer while the database was down: {error}")
            continue
        slowest = max(slowest, answer.seconds)
        if answer.status != 503 or not answer.header("retry-after"):
            bad.append(f"answered {answer.status} (Retry-After {answer.header('retry-after')}) while down")
        elif not (answer.header("content-type") or "").startswith("application/problem+json"):
            bad.append(f"503 without a problem document: {answer.header('content-type')}")
        if answer.seconds > 3:
            bad.append(f"a 503 took {answer.seconds:.1f} s")
        if status_of(server.base, "/readyz") == 200:
            bad.append("/readyz answered 200 while the database was down")
        if status_of(server.base, "/healthz") != 200:
            bad.append("/healthz failed while the database was down")
        time.sleep(0.5)
    private.start()
    back = time.monotonic()
    recovered = None
    while time.monotonic() - back < 30:
        if status_of(server.base, "/readyz", timeout=2) == 200:
            try:
                create_account(client, firm.team_id, f"pg-down-after-{int(time.time())}")
                recovered = time.monotonic() - back
                break
            except (Violation, OSError):
                pass
        time.sleep(0.1)
    load.join(timeout=60)
    if bad:
        raise Violation(f"{len(bad)} bad probe(s) of {probes}: " + "; ".join(bad[:5]))
    if recovered is None or recovered > 5:
        raise Violation(f"the server did not recover within 5 s of the database's return ({recovered})")
    # While down: 503s only. A request must never hang or fail otherwise.
    require_no_server_errors(tally, allowed=(503,))
    if tally.slowest > 3:
        raise Violation(f"a request under the outage took {tally.slowest:.1f} s")
    figures = verify(client, firm, journal)
    figures["integrity"] = integrity(store, [server])
    figures.update(
        down_seconds=down_seconds,
        probes_while_down=probes,
        slowest_answer_while_down_s=round(slowest, 2),
        recovered_after_s=round(recovered, 2),
        requests=tally.total(),
        outcomes=tally.describe(),
    )
    return figures


# --- SIGTERM with requests in flight -------------------------------------------------------------


def interactions_csv(account_id, admin_email, prefix, lines):
    rows = ["external_id,account_external_id,kind,occurred_at,summary,employee_emails"]
    for n in range(lines):
        rows.append(f"{prefix}-{n},continuity:{account_id},note,2024-01-01T10:00:00Z,{prefix} line {n},{admin_email}")
    return "\n".join(rows) + "\n"


def sigterm(context, kind):
    from harness import ADMIN_EMAIL

    store, server, client, firm = context.setup(kind, "term", owned_accounts=4)
    # Size the imports so that each takes about a second: they are in flight when SIGTERM comes.
    started = time.monotonic()
    client.expect("POST", "/api/v1/import/interactions", interactions_csv(firm.accounts[0], ADMIN_EMAIL, "calibrate", 200))
    per_line = (time.monotonic() - started) / 200
    lines = max(200, min(4000, int(1.0 / max(per_line, 1e-5))))
    answers, errors = [], []

    def importer(index):
        body = interactions_csv(firm.accounts[index], ADMIN_EMAIL, f"term-{index}", lines)
        try:
            answer = client.call("POST", "/api/v1/import/interactions", body, timeout=60)
            answers.append((index, answer.status, answer.json(), time.monotonic()))
        except OSError as error:
            errors.append(f"import {index}: {error!r}")

    threads = [threading.Thread(target=importer, args=(i,), daemon=True) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    signalled = time.monotonic()
    exit_code = server.terminate(within=30)
    exited = time.monotonic()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise Violation("in-flight requests were cut off: " + "; ".join(errors))
    if exit_code != 0:
        raise Violation(f"the server exited with {exit_code} after SIGTERM")
    in_flight = sum(1 for answer in answers if answer[3] > signalled)
    failed = [a for a in answers if a[1] != 200 or a[2].get("created") != lines]
    if failed:
        raise Violation(f"imports in flight at SIGTERM did not complete: {[(a[0], a[1]) for a in failed]}")
    try:
        request(server.base, "GET", "/healthz", timeout=2)
        raise Violation("the server still answered after it exited")
    except Refused:
        pass
    # After a restart every imported line is there.
    server.start()
    for index in range(4):
        found = [
            i
            for i in client.all_items(f"/api/v1/accounts/{firm.accounts[index]}/interactions")
            if i["summary"].startswith(f"term-{index} line ")
        ]
        if len(found) != lines:
            raise Violation(f"import {index}: {len(found)} of {lines} interactions after the restart")
    integrity(store, [server])
    return {
        "requests_in_flight_at_sigterm": in_flight,
        "lines_per_import": lines,
        "completed": len(answers),
        "exit_code": exit_code,
        "exit_after_s": round(exited - signalled, 2),
    }


# --- 16 clients racing on one account with If-Match ----------------------------------------------


def race(clients, account_id, seconds, team_id, employees, interaction_share=0.25):
    """16 clients, spread over `clients`, edit one account with If-Match (and some log
    interactions on it) for `seconds`. Answers the tally and the winners' (version, value)."""
    tally, winners, lock, oddities = Tally(), [], threading.Lock(), []
    counter = iter(range(10**9))

    def racer(index):
        client = clients[index % len(clients)]
        rng = random.Random(index)
        deadline = time.monotonic() + seconds
        for _ in range(100_000):
            if time.monotonic() > deadline:
                return
            try:
                if rng.random() < interaction_share:
                    body = interaction_body(rng.choice(employees), f"race-{next(counter)}", rng.randint(0, 86_000))
                    answer = client.call("POST", f"/api/v1/accounts/{account_id}/interactions", body)
                    tally.add(answer.status, answer.seconds)
                    continue
                read = client.call("GET", f"/api/v1/accounts/{account_id}")
                tally.add(read.status, read.seconds)
                value = 5_000_000 + next(counter)
                answer = client.call(
                    "PATCH",
                    f"/api/v1/accounts/{account_id}",
                    {"annual_value_minor": value},
                    headers={"If-Match": read.header("etag")},
                )
                tally.add(answer.status, answer.seconds)
                if answer.status == 200:
                    with lock:
                        winners.append((answer.json()["version"], value))
                elif answer.status != 412:
                    oddities.append(f"{answer.status}: {answer.body[:200]!r}")
            except OSError as error:
                tally.add("no answer")
                oddities.append(repr(error))

    threads = [threading.Thread(target=racer, args=(i,), daemon=True) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    if oddities:
        raise Violation(f"{len(oddities)} answers other than 200/412 in the race: {oddities[:3]}")
    return tally, winners


def check_race(client, account_id, tally, winners):
    """No lost update: each winner got its own version, the versions are 2..final without a gap,
    the stored value is the last winner's, and the audit trail has one update per winner."""
    require_no_server_errors(tally)
    account = client.expect("GET", f"/api/v1/accounts/{account_id}").json()
    versions = sorted(version for version, _ in winners)
    if versions != list(range(2, account["version"] + 1)):
        raise Violation(f"lost update: {len(winners)} winners, versions {versions[:5]}…, final {account['version']}")
    last_value = max(winners)[1]
    if account["annual_value_minor"] != last_value:
        raise Violation(f"stored value {account['annual_value_minor']}, the last winner wrote {last_value}")
    audit = client.all_items(f"/api/v1/audit?entity=account&entity_id={account_id}")
    updates = sorted((e.get("after") or {}).get("annual_value_minor") for e in audit if e["action"] == "update")
    if updates != sorted(value for _, value in winners):
        raise Violation(f"{len(updates)} audit updates for {len(winners)} winning edits")
    return {
        "winners_200": len(winners),
        "losers_412": tally.counts.get(412, 0),
        "final_version": account["version"],
        "requests": tally.total(),
        "outcomes": tally.describe(),
    }


def race_employees(client, team_id, label):
    employees = [client.user_id]
    for n in range(4):
        body = {
            "email": f"{label}-{n}@battery.continuity.example",
            "display_name": f"Racer {n}",
            "role": "member",
            "team_id": team_id,
            "password": "battery-member-password",
        }
        employees.append(client.expect("POST", "/api/v1/users", body).json()["id"])
    return employees


def if_match_race(context, kind):
    seconds = 30 if context.full else 10
    store, server, client, firm = context.setup(kind, "race", owned_accounts=1)
    employees = race_employees(client, firm.team_id, f"race-{kind}")
    tally, winners = race([client], firm.accounts[0], seconds, firm.team_id, employees)
    figures = check_race(client, firm.accounts[0], tally, winners)
    figures.update(check_figures(context, client, store, firm))
    figures["integrity"] = integrity(store, [server])
    figures["seconds"] = seconds
    return figures


# --- the stored figures after concurrent writers -------------------------------------------------

COMPARED = ("score", "exposure_minor", "bus_factor", "last_interaction_at")


def risk_view(client, account_id):
    risk = client.expect("GET", f"/api/v1/accounts/{account_id}/risk").json()
    view = {field: risk.get(field) for field in COMPARED}
    view["flags"] = sorted(flag["code"] for flag in risk.get("flags", []))
    view["holders"] = sorted((h["user_id"], round(h["share"], 2)) for h in risk.get("holders", []))
    view["n_eff"] = round(risk.get("n_eff") or 0, 2)
    return view


def team_sums(client, team_id):
    summary = client.expect("GET", f"/api/v1/risk/summary?team_id={team_id}").json()
    figures = summary.get("figures", summary)
    accounts = client.all_items(f"/api/v1/accounts?team_id={team_id}")
    flags = {}
    for account in accounts:
        for code in account["flags"]:
            flags[code] = flags.get(code, 0) + 1
    counted = {
        "accounts": len(accounts),
        "value_minor": sum(a["annual_value_minor"] for a in accounts),
        "exposure_minor": sum(a["exposure_minor"] for a in accounts),
        "flag_counts": flags,
    }
    stored = {key: figures.get(key) for key in ("accounts", "value_minor", "exposure_minor")}
    stored["flag_counts"] = {code: n for code, n in (figures.get("flag_counts") or {}).items() if n}
    return stored, counted


def check_figures(context, client, store, firm):
    """The stored figures equal a fresh full recompute, and the team totals a recount."""
    stored, counted = team_sums(client, firm.team_id)
    if stored != counted:
        raise Violation(f"team totals {stored} differ from a recount {counted}")
    before = {account_id: risk_view(client, account_id) for account_id in firm.accounts}
    completed = subprocess.run(
        [context.binary, "recompute"],
        env=dict(os.environ, CONTINUITY_DATABASE_URL=store.url, RUST_LOG="warn"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if completed.returncode != 0:
        raise Violation(f"continuity recompute failed: {completed.stderr[-500:]}")
    after = {account_id: risk_view(client, account_id) for account_id in firm.accounts}
    for account_id in firm.accounts:
        if before[account_id] != after[account_id]:
            raise Violation(f"account {account_id}: stored {before[account_id]}, recomputed {after[account_id]}")
    return {"figures_equal_recompute": True, "totals_equal_recount": True}


# --- two servers, one PostgreSQL -----------------------------------------------------------------


def two_servers(context, _kind="postgres"):
    seconds = 30 if context.full else 10
    store = context.store("postgres", "two")
    first = context.server(store.url, "two-a")
    second = context.server(store.url, "two-b")
    a = Client(first.base)
    # A token from one server works on the other (the servers share nothing but the database
    # and the signing secret).
    b = Client(second.base, token=a.token)
    firm = Firm(a, "two", owned_accounts=2)
    # A write through one is read through the other at once.
    for n in range(20):
        writer, reader = (a, b) if n % 2 == 0 else (b, a)
        account_id = create_account(writer, firm.team_id, f"two-crossed-{n}", value=10_000 + n)
        seen = reader.expect("GET", f"/api/v1/accounts/{account_id}").json()
        if seen["name"] != f"two-crossed-{n}":
            raise Violation(f"account {account_id} read through the other server: {seen['name']}")
        etag = reader.expect("GET", f"/api/v1/accounts/{account_id}").header("etag")
        reader.expect("PATCH", f"/api/v1/accounts/{account_id}", {"annual_value_minor": 20_000 + n}, headers={"If-Match": etag})
        if writer.expect("GET", f"/api/v1/accounts/{account_id}").json()["annual_value_minor"] != 20_000 + n:
            raise Violation(f"account {account_id}: an edit through one server not read through the other")
    employees = race_employees(a, firm.team_id, "two")
    tally, winners = race([a, b], firm.accounts[0], seconds, firm.team_id, employees, interaction_share=0.4)
    figures = check_race(a, firm.accounts[0], tally, winners)
    firm.accounts = [firm.accounts[0]]
    figures.update(check_figures(context, b, store, firm))
    figures["integrity"] = integrity(store, [first, second])
    figures.update(servers=2, crossed_reads=20, seconds=seconds)
    return figures


# --- backup and restore --------------------------------------------------------------------------


def backup_restore(context, kind):
    store, server, client, firm = context.setup(kind, "backup", owned_accounts=6)
    journal, tally = Journal(f"backup-{kind}"), Tally()
    run_load([client], firm, journal, 4, 20, 0.5, tally)
    cutoff = time.monotonic()
    # Writers go on while the backup is taken: it is an online one.
    load = threading.Thread(target=run_load, args=([client], firm, journal, 3, 20, 0.5, tally), daemon=True)
    load.start()
    time.sleep(0.5)
    suffix = "sqlite" if kind == "sqlite" else "dump"
    backup_file = os.path.join(context.folder, f"{context.name('backup')}.{suffix}")
    completed = subprocess.run(
        [context.binary, "backup", backup_file],
        env=dict(os.environ, CONTINUITY_DATABASE_URL=store.url, RUST_LOG="warn"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    load.join(timeout=60)
    if completed.returncode != 0:
        raise Violation(f"continuity backup failed: {completed.stderr[-800:]}")
    require_no_server_errors(tally)
    server.stop()
    # Restore into a scratch store, serve it and look for every record acknowledged before.
    if kind == "sqlite":
        scratch = context.store("sqlite", "restored")
        import shutil

        shutil.copyfile(backup_file, scratch.path)
    else:
        scratch = context.store("postgres", "restored")
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", scratch.url, backup_file],
            check=True,
            capture_output=True,
        )
    restored = context.server(scratch.url, f"restored-{kind}")
    restored_client = Client(restored.base)
    figures = verify(restored_client, firm, journal, before=cutoff)
    figures["integrity"] = integrity(scratch, [restored])
    figures["backup_bytes"] = os.path.getsize(backup_file)
    return figures


__all__ = [
    "Context",
    "under_load",
    "killed_mid_write",
    "database_down",
    "sigterm",
    "if_match_race",
    "two_servers",
    "backup_restore",
    "NoAnswer",
]
