"""Runs the reliability battery's scenarios (see tests/battery/run) and prints their figures."""

import argparse
import json
import os
import sys
import tempfile
import time
import traceback

from harness import Violation
from scenarios import (
    Context,
    backup_restore,
    database_down,
    if_match_race,
    killed_mid_write,
    sigterm,
    two_servers,
    under_load,
)

SCENARIOS = [
    ("load", under_load, ("sqlite", "postgres")),
    ("kill-9", killed_mid_write, ("sqlite", "postgres")),
    ("postgres-down", database_down, ("postgres",)),
    ("sigterm", sigterm, ("sqlite", "postgres")),
    ("if-match-race", if_match_race, ("sqlite", "postgres")),
    ("two-servers", two_servers, ("postgres",)),
    ("backup-restore", backup_restore, ("sqlite", "postgres")),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--postgres-url", required=True, help="a database on the server the battery may create databases on")
    parser.add_argument("--full", action="store_true", help="longer loads and races, several kills")
    parser.add_argument("--only", action="append", default=[], help="run only these scenarios (name or name:store)")
    parser.add_argument("--folder", help="where stores and server logs go (default: a temporary folder)")
    parser.add_argument("--figures", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="continuity-battery-")
    os.makedirs(folder, exist_ok=True)
    tier = "full" if args.full else "quick"
    print(f"reliability battery, {tier} tier; stores and server logs in {folder}", flush=True)
    results, failed = [], []
    started = time.monotonic()
    for name, scenario, stores in SCENARIOS:
        for store in stores:
            label = f"{name}:{store}"
            if args.only and name not in args.only and label not in args.only:
                continue
            context = Context(args.binary, folder, args.postgres_url, args.full)
            began = time.monotonic()
            print(f"--> {label}", flush=True)
            try:
                figures = scenario(context, store)
                seconds = round(time.monotonic() - began, 1)
                results.append({"scenario": label, "passed": True, "seconds": seconds, **figures})
                print(f"    passed in {seconds} s: {json.dumps(figures)}", flush=True)
            except Exception as error:  # a scenario's failure must not stop the others
                seconds = round(time.monotonic() - began, 1)
                failed.append(label)
                results.append({"scenario": label, "passed": False, "seconds": seconds, "error": str(error)})
                print(f"    FAILED in {seconds} s: {error}", flush=True)
                if not isinstance(error, Violation):
                    traceback.print_exc()
                for server in context.servers:
                    print(f"    --- last lines of {server.log_path}:\n{server.log_tail()}", flush=True)
            finally:
                context.close()
    print_summary(results, time.monotonic() - started)
    if args.figures:
        with open(args.figures, "w") as out:
            json.dump(results, out, indent=2)
    passed = len(results) - len(failed)
    print(f"battery: {passed} passed, {len(failed)} failed")
    return 1 if failed or not results else 0


def print_summary(results, seconds):
    acked = sum(r.get("acked", 0) for r in results)
    found = sum(r.get("found", 0) for r in results)
    unanswered = sum(r.get("unanswered", 0) for r in results)
    kills = sum(r.get("kills", 0) for r in results)
    survived = sum(r.get("restarts_survived", 0) for r in results)
    outages = sum(1 for r in results if "down_seconds" in r)
    print(f"\nfigures ({seconds:.0f} s):")
    print(f"  writes acknowledged {acked}, found {found}, missing {acked - found}; unanswered writes {unanswered}, none duplicated")
    print(f"  faults injected: {kills} kill -9 (survived {survived}), {outages} database outage(s) of 10 s, SIGTERM per store")
    for result in results:
        if "outcomes" in result:
            print(f"  {result['scenario']}: {result.get('requests', 0)} requests ({result['outcomes']})")


if __name__ == "__main__":
    sys.exit(main())
