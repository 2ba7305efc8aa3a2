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
    args = parser.parse_args()
    out = tempfile.mkdtemp()
    command = [args.claims, "report", "--format", "json", "--ledger", args.ledger,
               "--today", args.today, "--out", out]
    # A cache folder of the benchmark's own: emptied before each cold run, so that run hashes
    # the whole ledger and reads every claim's words; kept for the warm runs, which find the
    # remembered digest and text facts.
    cache = tempfile.mkdtemp()
    environment = dict(os.environ, XDG_CACHE_HOME=cache)

    def run_claims():
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=environment)

    def run_claims_cold():
        shutil.rmtree(cache, ignore_errors=True)
        os.makedirs(cache)
        run_claims()

    def run_duckdb():
        connection = duckdb.connect()
        connection.execute("SET threads TO 2")
        connection.execute(QUERY, [args.ledger, args.today, args.today]).fetchall()
        connection.close()

    cold_times, warm_times, duckdb_times = [], [], []
    for _ in range(args.runs):
        cold_times.append(timed(run_claims_cold))
        warm_times.append(timed(run_claims))
        duckdb_times.append(timed(run_duckdb))
    size = os.path.getsize(args.ledger) / 1e6
    cold = statistics.median(cold_times)
    warm = statistics.median(warm_times)
    theirs = statistics.median(duckdb_times)
    print(f"ledger {args.ledger} ({size:.0f} MB), median of {args.runs} runs each, in turns")
    print(f"claims report --format json, ledger hashed, words read (cold): {cold:.3f} s")
    print(f"claims report --format json, digest and text facts remembered (warm): {warm:.3f} s")
    print(f"DuckDB per-source counts, accuracy, Brier (2 threads): {theirs:.3f} s")
    print(f"ratio claims/DuckDB: cold {cold / theirs:.2f}, warm {warm / theirs:.2f}")


if __name__ == "__main__":
    main()
