"""Runs `claims export` and `claims import` on one ledger; prints medians and peak memory."""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

from measure import duckdb_reference


def run(command, environment):
    """Seconds and peak resident megabytes of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", required=True)
    parser.add_argument("--ledger", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    environment = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    rows = []
    for fmt in ["csv", "jsonl"]:
        exported = os.path.join(work, f"claims.{fmt}")
        export = [args.claims, "export", "--format", fmt, "--ledger", args.ledger,
                  "--out", exported]
        times = [run(export, environment) for _ in range(args.runs)]
        rows.append((f"export --format {fmt} --out ({os.path.getsize(exported) / 1e6:.0f} MB)",
                     times))
        target = os.path.join(work, "Claims", "ledger.jsonl")
        imports = []
        for _ in range(args.runs):
            shutil.rmtree(os.path.join(work, "Claims"), ignore_errors=True)
            subprocess.run([args.claims, "init", "--ledger", target], check=True,
                           stdout=subprocess.DEVNULL, env=environment)
            imports.append(run([args.claims, "import", exported, "--ledger", target],
                               environment))
        rows.append((f"import the {fmt} into an empty ledger", imports))
    size = os.path.getsize(args.ledger) / 1e6
    print(f"ledger {args.ledger} ({size:.0f} MB), median of {args.runs} runs each")
    print("| Operation | Median s | Peak RSS MB |")
    print("|---|---:|---:|")
    for name, times in rows:
        seconds = statistics.median(t for t, _ in times)
        peak = max(m for _, m in times)
        print(f"| {name} | {seconds:.2f} | {peak:.0f} |")
    # How fast the machine is at this moment; its speed moves through the day.
    reference = duckdb_reference(args.ledger, args.runs, "2026-11-25")
    if reference is not None:
        print(f"| DuckDB per-source query on the ledger (the machine's speed now) |"
              f" {reference:.2f} | – |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
