"""Where ``--jobs`` pays: one process against one per core, on the bench corpus.

Usage (from the repository root, after ``pip install -e '.[bench]'``)::

    python bench/jobs.py                      # 300 to 10,000 files, 7 rounds
    python bench/jobs.py --sizes 1200 --rounds 3

Each round runs every size with ``--jobs 1``, ``--jobs N`` (N: the cores this process may use)
and the automatic default, in an order that rotates from round to round, after one warm-up
round; the medians and the ratio parallel/serial are printed. The automatic threshold in
``celint/run/parallel.py`` is set from this table.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Sequence

import corpus
from run import CORPUS_DIR, measure, tool

from celint.run.parallel import cores

SIZES = (300, 600, 1_200, 2_500, 5_000, 10_000)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated file counts (default 300 to 10,000)")
    parser.add_argument("--rounds", type=int, default=7, help="counted rounds (default 7)")
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else list(SIZES)
    names = corpus.write(CORPUS_DIR, max(sizes))
    celint = tool("celint")
    count = cores()
    variants = {"1": ["--jobs", "1"], str(count): ["--jobs", str(count)], "auto": []}
    seconds: dict[tuple[int, str], list[float]] = {}
    for number in range(args.rounds + 1):
        order = list(variants.items())
        order = order[number % len(order) :] + order[: number % len(order)]
        for size in sizes:
            for label, flags in order:
                outcome = measure([celint, "check", *flags, *names[:size]], CORPUS_DIR)
                if number:  # round 0 warms the byte code and the page cache
                    seconds.setdefault((size, label), []).append(outcome.seconds)
    print(f"{count} cores; medians of {args.rounds} rounds, milliseconds")
    print(f"| files | --jobs 1 | --jobs {count} | automatic | {count} jobs / 1 job |")
    print("|---:|---:|---:|---:|---:|")
    for size in sizes:
        serial, parallel, auto = (
            statistics.median(seconds[size, label]) * 1000 for label in variants
        )
        print(
            f"| {size:,} | {serial:.0f} | {parallel:.0f} | {auto:.0f} | {parallel / serial:.2f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
