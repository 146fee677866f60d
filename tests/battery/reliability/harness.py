"""Stores, server processes and an HTTP client for the reliability battery.

Every store is created for one scenario and removed after it: a SQLite file in the run's
folder, a database of its own on the machine's PostgreSQL, or a private PostgreSQL instance
(the scenario that stops the database must not stop the shared one). Servers listen on
loopback ports picked at random; their logs stay in the run's folder.
"""

import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.parse

ANSI = re.compile(r"\x1b\[[0-9;]*m")

ADMIN_EMAIL = "battery-admin@continuity.example"
ADMIN_PASSWORD = "battery-admin-password-1"


class Violation(Exception):
    """A property the battery checks did not hold."""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_tool(name):
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def run_quietly(command, **options):
    completed = subprocess.run(command, capture_output=True, text=True, **options)
    if completed.returncode != 0:
        raise Violation(f"{' '.join(command)} failed: {completed.stderr.strip()[-2000:]}")
    return completed.stdout


# --- stores ------------------------------------------------------------------------------------


class SqliteStore:
    kind = "sqlite"

    def __init__(self, folder, name):
        self.path = os.path.join(folder, f"{name}.sqlite")
        self.url = self.path

    def integrity_problems(self):
        """`PRAGMA integrity_check` and `foreign_key_check` (with no server on the file)."""
        with sqlite3.connect(self.path) as db:
            integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
            foreign = db.execute("PRAGMA foreign_key_check").fetchall()
        problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:5]}"]
        if foreign:
            problems.append(f"foreign_key_check: {len(foreign)} rows, e.g. {foreign[:3]}")
        return problems

    def drop(self):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)


class PostgresDatabase:
    """A database of its own on a PostgreSQL server (`server_url` names any database there)."""

    kind = "postgres"

    def __init__(self, server_url, name):
        self.server_url = server_url
        self.name = name
        parts = urllib.parse.urlsplit(server_url)
        self.url = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", self.server_url)
        self.psql(f"CREATE DATABASE {name}", self.server_url)

    def psql(self, sql, url=None):
        return run_quietly(["psql", url or self.url, "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql])

    def integrity_problems(self):
        """`pg_amcheck` over every table and index (heap and B-tree checks), where installed."""
        amcheck = postgres_tool("pg_amcheck")
        if not amcheck:
            return []
        completed = subprocess.run(
            [amcheck, "--install-missing", "--heapallindexed", self.url],
            capture_output=True,
            text=True,
        )
        if completed.returncode != 0:
            return [f"pg_amcheck: {(completed.stdout + completed.stderr).strip()[-1500:]}"]
        return []

    def drop(self):
        try:
            self.psql(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)", self.server_url)
        except Violation:
            pass


class PrivatePostgres:
    """A PostgreSQL instance of the battery's own (initdb in a temporary folder, a free port),
    run as the `postgres` OS user when the battery runs as root. It can be stopped and started
    without touching the machine's shared server."""

    def __init__(self):
        # The server's own tools (a wrapper on PATH may pick another cluster's version).
        installed = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        self.bin = os.path.dirname(installed[-1] if installed else postgres_tool("initdb") or "")
        if not self.bin:
            raise Violation("initdb not found (install the postgresql package)")
        # In the system's temporary folder, not the run's (which only its owner may enter):
        # the instance runs as the `postgres` user.
        self.folder = tempfile.mkdtemp(prefix="continuity-battery-pg-")
        self.data = os.path.join(self.folder, "data")
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("postgres")
            os.chmod(self.folder, 0o700)
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.log = os.path.join(self.folder, "postgres.log")
        self.pg(["initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
        self.start()
        self.server_url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def pg(self, arguments):
        return run_quietly(self.as_user + [os.path.join(self.bin, arguments[0])] + arguments[1:])

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg(["pg_ctl", "start", "-w", "-t", "30", "-D", self.data, "-l", self.log, "-o", options])

    def stop(self):
        self.pg(["pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data])

    def remove(self):
        subprocess.run(
            self.as_user + [os.path.join(self.bin, "pg_ctl"), "stop", "-m", "immediate", "-D", self.data],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


# --- servers -----------------------------------------------------------------------------------


class Server:
    """One `continuity serve` process on a loopback port."""

    def __init__(self, binary, store_url, folder, name, jwt_secret, workers=2):
        self.binary = binary
        self.store_url = store_url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(folder, f"{name}.log")
        self.env = dict(
            os.environ,
            CONTINUITY_DATABASE_URL=store_url,
            CONTINUITY_BIND=f"127.0.0.1:{self.port}",
            CONTINUITY_JWT_SECRET=jwt_secret,
            CONTINUITY_ADMIN_EMAIL=ADMIN_EMAIL,
            CONTINUITY_ADMIN_PASSWORD=ADMIN_PASSWORD,
            CONTINUITY_WEB_DIR=os.path.join(folder, "no-web-app"),
            CONTINUITY_WORKERS=str(workers),
            RUST_LOG="info,actix_server=warn",
        )
        self.process = None
        self.start()

    def start(self, ready_within=120):
        log = open(self.log_path, "a")
        log.write(f"\n--- start at {time.strftime('%H:%M:%S')} ---\n")
        log.flush()
        self.process = subprocess.Popen([self.binary, "serve"], env=self.env, stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + ready_within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Violation(f"the server stopped at start-up (exit {self.process.returncode})")
            if status_of(self.base, "/readyz", timeout=1) == 200:
                return
            time.sleep(0.05)
        raise Violation(f"the server was not ready within {ready_within} s")

    def kill_hard(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def terminate(self, within=30):
        """SIGTERM; answers the exit code (raises if the process outlives `within` seconds)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise Violation(f"the server did not exit within {within} s of SIGTERM")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines=30):
        """The log's last lines, without colours and without the 4xx answers the battery
        provokes on purpose (412s of the races)."""
        try:
            with open(self.log_path, errors="replace") as log:
                plain = [ANSI.sub("", line) for line in log.readlines()]
        except OSError:
            return ""
        kept = [line[:600] for line in plain if not re.search(r"http\.status_code=4\d\d", line)]
        return "".join(kept[-lines:])


def status_of(base, path, timeout=3):
    try:
        return request(base, "GET", path, timeout=timeout).status
    except OSError:
        return None


# --- HTTP --------------------------------------------------------------------------------------


class Answer:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds

    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name):
        return self.headers.get(name.lower())


class NoAnswer(OSError):
    """The request was sent, or may have been, but no answer came (reset, timeout, closed)."""


class Refused(OSError):
    """The connection was refused: the request never reached a server."""


def request(base, method, path, body=None, token=None, headers=None, timeout=10, content_type=None):
    """One request on a fresh connection (so that a server stopping between requests is seen as
    a refused connection, never confused with an unanswered request)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    sent_headers = {"Connection": "close"}
    if token:
        sent_headers["Authorization"] = f"Bearer {token}"
    payload = None
    if body is not None:
        if isinstance(body, (bytes, str)):
            payload = body.encode() if isinstance(body, str) else body
            sent_headers["Content-Type"] = content_type or "text/csv"
        else:
            payload = json.dumps(body).encode()
            sent_headers["Content-Type"] = "application/json"
    sent_headers.update(headers or {})
    started = time.monotonic()
    try:
        try:
            connection.connect()
        except ConnectionRefusedError as refused:
            raise Refused(str(refused)) from refused
        except OSError as error:
            raise Refused(str(error)) from error
        try:
            connection.request(method, path, body=payload, headers=sent_headers)
            response = connection.getresponse()
            answer_body = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise NoAnswer(f"{method} {path}: {error!r}") from error
        headers_by_name = {name.lower(): value for name, value in response.getheaders()}
        return Answer(response.status, headers_by_name, answer_body, time.monotonic() - started)
    finally:
        connection.close()


class Client:
    """Signed in as the battery's admin on one server."""

    def __init__(self, base, token=None):
        self.base = base
        if token:
            self.token = token
            self.user_id = self.expect("GET", "/api/v1/me").json()["id"]
        else:
            self.token = self.login()

    def login(self):
        answer = request(self.base, "POST", "/api/v1/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
        if answer.status != 200:
            raise Violation(f"the admin could not sign in: {answer.status} {answer.body[:300]!r}")
        body = answer.json()
        self.user_id = body["user"]["id"]
        return body["access_token"]

    def call(self, method, path, body=None, headers=None, timeout=10, content_type=None):
        return request(self.base, method, path, body, self.token, headers, timeout, content_type)

    def expect(self, method, path, body=None, statuses=(200, 201), headers=None):
        answer = self.call(method, path, body, headers)
        if answer.status not in statuses:
            raise Violation(f"{method} {path} answered {answer.status}: {answer.body[:300]!r}")
        return answer

    def all_items(self, path):
        """Every item of a paginated list."""
        items, cursor = [], None
        separator = "&" if "?" in path else "?"
        for _ in range(10_000):
            page_path = f"{path}{separator}limit=200" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            page = self.expect("GET", page_path).json()
            items.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return items
        raise Violation(f"{path}: more than 10 000 pages")


class Tally:
    """Requests by outcome (HTTP status, or `no answer`, `refused`), thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.slowest = 0.0

    def add(self, outcome, seconds=0.0):
        with self.lock:
            self.counts[outcome] = self.counts.get(outcome, 0) + 1
            self.slowest = max(self.slowest, seconds)

    def total(self):
        return sum(self.counts.values())

    def errors(self):
        return {k: v for k, v in self.counts.items() if not (isinstance(k, int) and 200 <= k < 300)}

    def describe(self):
        parts = [f"{k}: {v}" for k, v in sorted(self.counts.items(), key=lambda item: str(item[0]))]
        return ", ".join(parts) or "none"
