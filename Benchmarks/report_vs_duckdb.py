"""Runs `claims report --format json` and an equivalent DuckDB query in turns; prints medians."""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

import duckdb

# The fold in SQL: each claim's latest resolve or reopen decides its outcome; scored claims are
# resolved, not void, and past their deadline on --today, as in the scorecard.
QUERY = """
WITH e AS (
  SELECT * FROM read_json(?, format = 'newline_delimited', columns = {
    entry: 'VARCHAR', id: 'VARCHAR', "at": 'VARCHAR', source: 'VARCHAR',
    confidence: 'DOUBLE', deadline: 'VARCHAR', outcome: 'VARCHAR'})
),
c AS (SELECT id, source, confidence, deadline FROM e WHERE entry = 'claim'),
r AS (SELECT id, arg_max(outcome, "at") AS outcome FROM e
      WHERE entry IN ('resolve', 'reopen') GROUP BY id),
j AS (SELECT c.source, c.confidence AS p, r.outcome, c.deadline FROM c LEFT JOIN r USING (id)),
s AS (SELECT source, p, CASE outcome WHEN 'true' THEN 1.0 WHEN 'partial' THEN 0.5
        WHEN 'false' THEN 0.0 END AS o, outcome, deadline FROM j)
SELECT source, count(*) AS claims,
  count(*) FILTER (WHERE outcome IS NOT NULL) AS resolved,
  avg(o) FILTER (WHERE o IS NOT NULL AND deadline < ?) AS accuracy,
  avg((p - o) * (p - o)) FILTER (WHERE o IS NOT NULL AND deadline < ?) AS brier
FROM s GROUP BY source ORDER BY claims DESC
"""


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", required=True)
    parser.add_argument("--ledger", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--baseline", help="another claims binary (an earlier build), run in turns")
    args = parser.parse_args()
    builds = [("claims", args.claims)] + ([("baseline", args.baseline)] if args.baseline else [])

    def runner(binary):
        out = tempfile.mkdtemp()
        command = [binary, "report", "--format", "json", "--ledger", args.ledger,
                   "--today", args.today, "--out", out]
        # A cache folder of the build's own: emptied before each cold run, so that run hashes
        # the whole ledger and reads every claim's words; kept for the warm runs, which find
        # the remembered digest, text facts and scoring snapshot.
        cache = tempfile.mkdtemp()
        environment = dict(os.environ, XDG_CACHE_HOME=cache)

        def warm():
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)

        def cold():
            shutil.rmtree(cache, ignore_errors=True)
            os.makedirs(cache)
            warm()

        return cold, warm

    def run_duckdb():
        connection = duckdb.connect()
        connection.execute("SET threads TO 2")
        connection.execute("SET enable_progress_bar = false")
        connection.execute(QUERY, [args.ledger, args.today, args.today]).fetchall()
        connection.close()

    runners = [(name, runner(binary)) for name, binary in builds]
    times = {name: ([], []) for name, _ in builds}
    duckdb_times = []
    for _ in range(args.runs):
        for name, (cold, warm) in runners:
            times[name][0].append(timed(cold))
            times[name][1].append(timed(warm))
        duckdb_times.append(timed(run_duckdb))
    size = os.path.getsize(args.ledger) / 1e6
    theirs = statistics.median(duckdb_times)
    print(f"ledger {args.ledger} ({size:.0f} MB), median of {args.runs} runs each, in turns")
    for name, binary in builds:
        cold = statistics.median(times[name][0])
        warm = statistics.median(times[name][1])
        label = "claims report --format json" if name == "claims" else f"baseline {binary}"
        print(f"{label}, ledger hashed, words read (cold): {cold:.3f} s")
        print(f"{label}, digest, text facts and snapshot remembered (warm): {warm:.3f} s")
        print(f"ratio {name}/DuckDB: cold {cold / theirs:.2f}, warm {warm / theirs:.2f}")
    print(f"DuckDB per-source counts, accuracy, Brier (2 threads): {theirs:.3f} s")


if __name__ == "__main__":
    main()
