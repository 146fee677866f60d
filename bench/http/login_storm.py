#!/usr/bin/env python3
"""A login storm for bench/http/run: N clients sign in back to back for a bounded time.

Each client connects from its own loopback address (127.0.1.1, 127.0.1.2, …) and signs in
as the next seeded user whose turn it is (the users are shuffled, then dealt round-robin), the
way a crowd of people signing in at nine o'clock looks to the server. The server's login
throttle keeps its defaults (5 attempts per e-mail then one per 12 s, 30 per address then one
per 2 s): the storm stays under both by keeping a slightly stricter budget of its own per
e-mail and per address, and a client waits when none is left, so every attempt should
succeed. Prints one machine-readable RESULT line.
"""

import argparse
import http.client
import json
import random
import threading
import time


def percentile(sorted_values, percent):
    if not sorted_values:
        return 0.0
    rank = max(1, -(-len(sorted_values) * percent // 100))  # nearest rank
    return sorted_values[int(rank) - 1]


class Budget:
    """A token bucket a little stricter than the server's throttle."""

    def __init__(self, burst, every_seconds):
        self.burst = burst
        self.every = every_seconds
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def wait(self, now):
        """Seconds until one attempt is allowed (0: now)."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) / self.every)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) * self.every

    def take(self):
        self.tokens -= 1


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--emails", required=True, help="file with one e-mail a line")
    parser.add_argument("--password", required=True)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--shuffle-seed", type=int, default=0)
    args = parser.parse_args()

    with open(args.emails, encoding="utf-8") as handle:
        emails = [line.strip() for line in handle if line.strip()]
    if not emails:
        raise SystemExit("no e-mails to sign in with")
    random.Random(args.shuffle_seed).shuffle(emails)

    deadline = time.monotonic() + args.seconds
    lock = threading.Lock()
    per_email = [Budget(4, 13.0) for _ in emails]
    cursor = [0]

    def next_email(address_budget):
        """The next e-mail with budget left, or the seconds to wait for one."""
        with lock:
            now = time.monotonic()
            address_wait = address_budget.wait(now)
            if address_wait > 0:
                return None, address_wait
            soonest = None
            for step in range(len(emails)):
                index = (cursor[0] + step) % len(emails)
                wait = per_email[index].wait(now)
                if wait == 0:
                    cursor[0] = index + 1
                    per_email[index].take()
                    address_budget.take()
                    return emails[index], 0.0
                soonest = wait if soonest is None else min(soonest, wait)
            return None, soonest
    latencies = []
    statuses = {}
    failures = [0]
    first_bad = [""]

    def client(index):
        source = f"127.0.{1 + index // 250}.{1 + index % 250}"
        connection = None
        address_budget = Budget(25, 2.2)
        while time.monotonic() < deadline:
            email, wait = next_email(address_budget)
            if email is None:
                time.sleep(min(wait, max(0.0, deadline - time.monotonic())) + 0.01)
                continue
            body = json.dumps({"email": email, "password": args.password})
            started = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        "127.0.0.1", args.port, timeout=60, source_address=(source, 0)
                    )
                connection.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
                answer = connection.getresponse()
                text = answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException) as error:
                if connection is not None:
                    connection.close()
                connection = None
                with lock:
                    failures[0] += 1
                    first_bad[0] = first_bad[0] or f"{type(error).__name__}: {error}"
                continue
            elapsed = time.monotonic() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
                if not 200 <= status < 300 and not first_bad[0]:
                    first_bad[0] = f"{status} {text[:160].decode('utf-8', 'replace')}"
        if connection is not None:
            connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(index,), daemon=True) for index in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.seconds + 120)
    seconds = time.monotonic() - started
    latencies.sort()
    ok = sum(count for status, count in statuses.items() if 200 <= status < 300)
    non2xx = sum(count for status, count in statuses.items() if not 200 <= status < 300)
    print(
        f"RESULT requests={len(latencies) + failures[0]} seconds={seconds:.3f} "
        f"p50_us={percentile(latencies, 50) * 1e6:.0f} p99_us={percentile(latencies, 99) * 1e6:.0f} "
        f"non2xx={non2xx} socket_errors={failures[0]} ok={ok} "
        f"statuses={','.join(f'{s}:{c}' for s, c in sorted(statuses.items()))} first_bad={first_bad[0]}"
    )


if __name__ == "__main__":
    main()
