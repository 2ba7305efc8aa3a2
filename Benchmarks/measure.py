#!/usr/bin/env python3
"""Times the release binaries on generated ledgers and writes a Markdown table.

Called by Benchmarks/run. Each external command is timed with time.perf_counter around the
child process, and its peak resident set is read from os.wait4 (the child's own rusage, not
the cumulative RUSAGE_CHILDREN), so nothing needs installing. A command that fails has its
stderr printed and its row marked; the others still run.
"""

import argparse
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# DuckDB's query took 0.82 s on a 1M-record ledger on this machine when the load target of
# 1.5 million entries a second (1.048 s for this 1M ledger's 1,571,931 entries) was set.
REFERENCE_SECONDS = 0.82
TARGET_RATIO = 1_571_931 / 1_500_000 / REFERENCE_SECONDS


def run(command, stdout=subprocess.DEVNULL):
    """Runs `command`; returns (seconds, peak RSS in MB, exit code, stdout text, stderr text)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        try:
            child = subprocess.Popen(
                command, stdin=subprocess.DEVNULL,
                stdout=out if stdout is None else stdout, stderr=err)
        except OSError as error:
            return 0.0, 0.0, 127, "", str(error)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        return (seconds, usage.ru_maxrss / 1024, child.returncode,
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def report_failure(label, code, stderr):
    print(f"!! {label} failed (exit {code}):", file=sys.stderr)
    lines = stderr.strip().splitlines()
    for line in lines[:20]:
        print(f"   {line}", file=sys.stderr)
    if len(lines) > 20:
        print(f"   … {len(lines) - 20} more lines", file=sys.stderr)


def repeat(label, command, runs):
    """Runs a command `runs` times; returns (median seconds, max peak MB) or an error text."""
    times, peaks = [], []
    for index in range(runs):
        argv = command(index) if callable(command) else command
        seconds, peak, code, _, stderr = run(argv)
        if code != 0:
            report_failure(label, code, stderr)
            return f"failed (exit {code})"
        times.append(seconds)
        peaks.append(peak)
        print(f"   {label} run {index + 1}: {seconds:.3f} s, {peak:.0f} MB", file=sys.stderr)
    return statistics.median(times), max(peaks)


def bench_load(bench, ledger, runs):
    """`runs` processes of `claims-bench load --runs 1`, each timing one load in a process of
    its own, as a command loads. Each process first parses the file once, untimed, to bring it
    into the page cache, and hands that memory back before the timed load; its peak includes
    that parse. Repeated loads in one process measured slower or quicker than a command by
    turns, with how the allocator and the kernel's reclaim left the freed memory. The median
    of their own timings is used, so process start-up is not counted."""
    times, peaks, entries = [], [], None
    for index in range(runs):
        _, peak, code, stdout, stderr = run([bench, "load", ledger, "--runs", "1"], stdout=None)
        if code != 0:
            report_failure("claims-bench load", code, stderr)
            return f"failed (exit {code})", None
        fields = dict(line.split(": ", 1) for line in stdout.splitlines() if ": " in line)
        seconds = float(fields["median"].split()[0])
        entries = int(fields["entries"])
        times.append(seconds)
        peaks.append(peak)
        print(f"   load run {index + 1}: {seconds:.3f} s, {peak:.0f} MB", file=sys.stderr)
    return (statistics.median(times), max(peaks)), entries


def duckdb_reference(ledger, runs, today):
    """DuckDB's per-source query on the same file, 2 threads, right after the load: how fast
    the machine is at this moment. Run in a child process, since a child of this one starts
    with this one's peak memory as its own. None when DuckDB is not installed."""
    if importlib.util.find_spec("duckdb") is None:
        return None
    script = (
        "import sys, time, statistics, duckdb\n"
        "from report_vs_duckdb import QUERY\n"
        "times = []\n"
        f"for _ in range({runs}):\n"
        "    c = duckdb.connect(); c.execute('SET threads TO 2')\n"
        "    c.execute('SET enable_progress_bar = false')\n"
        "    t = time.perf_counter()\n"
        "    c.execute(QUERY, [sys.argv[1], sys.argv[2], sys.argv[2]]).fetchall()\n"
        "    times.append(time.perf_counter() - t); c.close()\n"
        "print(' '.join(f'{t:.3f}' for t in times))\n")
    here = os.path.dirname(os.path.abspath(__file__))
    environment = dict(os.environ, PYTHONPATH=here)
    done = subprocess.run([sys.executable, "-c", script, os.path.abspath(ledger), today],
                          env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        report_failure("duckdb reference", done.returncode, done.stderr)
        return None
    # The last line: DuckDB may print a progress bar on a slow query before it.
    times = [float(word) for word in done.stdout.strip().splitlines()[-1].split()]
    for index, seconds in enumerate(times):
        print(f"   duckdb run {index + 1}: {seconds:.3f} s", file=sys.stderr)
    return statistics.median(times)


def count_lines(path):
    count = 0
    with open(path, "rb") as file:
        while block := file.read(1 << 24):
            count += block.count(b"\n")
    return count


def label_for(size):
    return f"{size // 1_000_000}M" if size % 1_000_000 == 0 else f"{size // 1000}k"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="folder with the release binaries")
    parser.add_argument("--data", required=True, help="folder with claims-<size>.jsonl")
    parser.add_argument("--sizes", required=True, help="claim counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", default="2026-11-25")
    parser.add_argument("--out", required=True, help="Markdown file to write")
    parser.add_argument("--skip-claims", action="store_true", help="claims did not build")
    args = parser.parse_args()

    bench = os.path.join(args.bin, "claims-bench")
    claims = os.path.join(args.bin, "claims")
    have_claims = not args.skip_claims and os.access(claims, os.X_OK)
    if not have_claims:
        print(f"!! no current {claims}; the claims rows are skipped", file=sys.stderr)

    rows = []
    notes = []
    ratios = []
    for size in (int(part) for part in args.sizes.split(",")):
        label = label_for(size)
        ledger = os.path.join(args.data, f"claims-{label}.jsonl")
        megabytes = os.path.getsize(ledger) / 1e6
        print(f"== {label} claims: {ledger} ({megabytes:.0f} MB)", file=sys.stderr)

        load, entries = bench_load(bench, ledger, args.runs)
        if entries is None:
            entries = count_lines(ledger)
        notes.append(f"{label}: {size:,} claims, {entries:,} entries, {megabytes:,.0f} MB")
        rows.append(("load (read + parse + fold)", label, load, entries))
        reference = duckdb_reference(ledger, args.runs, args.today)
        if reference is not None:
            rows.append(("DuckDB per-source query, same file (the machine's speed now)",
                         label, (reference, None), None))
            if not isinstance(load, str):
                ratio = load[0] / reference
                scaled = ""
                if size == 1_000_000:
                    scaled = (
                        f" (the target, 1.048 s when DuckDB took {REFERENCE_SECONDS} s, is"
                        f" {TARGET_RATIO:.2f}; at DuckDB's {REFERENCE_SECONDS} s this load would"
                        f" read {entries / (ratio * REFERENCE_SECONDS):,.0f} entries a second)")
                ratios.append(f"- {label}: load ÷ DuckDB {ratio:.2f}{scaled}")

        if not have_claims:
            for name in ("list --status open --json", "due", "add"):
                rows.append((name, label, "not built", None))
            continue
        common = ["--ledger", ledger, "--today", args.today]
        rows.append(("list --status open --json", label, repeat(
            "list", [claims, "list", "--status", "open", "--json", *common], args.runs), entries))
        rows.append(("due", label, repeat("due", [claims, "due", *common], args.runs), entries))

        # `add` appends, so it works on a copy made once per size; each run adds a claim of its
        # own, so every run does the full duplicate scan and the durable append.
        scratch = os.path.join(args.data, f"add-scratch-{label}.jsonl")
        shutil.copyfile(ledger, scratch)
        try:
            result = repeat("add", lambda index: [
                claims, "add", f"bench claim {index + 1}",
                "--source", "Bench", "--said", "2026-01-01", "--confidence", "0.7",
                "--ledger", scratch], args.runs)
        finally:
            os.remove(scratch)
        rows.append(("add (duplicate scan + fsync'd append)", label, result, None))

    lines = [
        "# claims benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()}, {os.cpu_count()} cores,"
        f" {platform.platform()}; median of {args.runs} runs; peak RSS is the largest seen.",
        "",
        "Ledgers: " + "; ".join(notes) + ".",
        "",
        "| Operation | Ledger | Median s | Entries/s | Peak RSS MB |",
        "|---|---|---:|---:|---:|",
    ]
    for name, label, result, entries in rows:
        if isinstance(result, str):
            lines.append(f"| {name} | {label} | {result} | | |")
            continue
        seconds, peak = result
        rate = f"{entries / seconds:,.0f}" if entries and seconds > 0 else "–"
        memory = "–" if peak is None else f"{peak:,.0f}"
        lines.append(f"| {name} | {label} | {seconds:.3f} | {rate} | {memory} |")
    if ratios:
        lines += ["", "Against the machine's speed at this moment:", "", *ratios]
    text = "\n".join(lines) + "\n"
    with open(args.out, "w", encoding="utf-8") as file:
        file.write(text)
    print(text)


if __name__ == "__main__":
    main()
