#!/usr/bin/env python3
"""Turns the readable output of `cargo bench --bench lookup` or `--bench scale` (stdin)
into the README's Markdown tables: every bench row, every target with its ratio and
limit, and the context rows. No figure is typed by hand.

    cargo bench --bench lookup | python3 scripts/bench-tables.py
"""
import re
import sys

ROW = re.compile(r"^(\S+)\s+median\s+([\d.]+) ns\s+min\s+([\d.]+) ns(?:\s+([\d.]+) MB/s)?")
TARGET = re.compile(r"^\s+(.+?)\s+([\d.]+)x\s+\(limit ([\d.]+)x\)\s+(ok|MISSED)")
CONTEXT = re.compile(r"^\s+(.+?)\s{2,}([\d.]+)$")


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.1f} ns"


def main():
    rows, targets, context, section = [], [], [], "rows"
    for line in sys.stdin:
        line = line.rstrip("\n")
        if line.startswith("targets ("):
            section = "targets"
        elif line.startswith("context ("):
            section = "context"
        elif section == "rows" and (m := ROW.match(line)):
            rows.append(m.groups())
        elif section == "targets" and (m := TARGET.match(line)):
            targets.append(m.groups())
        elif section == "context" and (m := CONTEXT.match(line)):
            context.append(m.groups())
    print("| bench | median | min | throughput |\n|---|---:|---:|---:|")
    for name, median, low, mbs in rows:
        print(f"| `{name}` | {human(float(median))} | {human(float(low))} | {mbs + ' MB/s' if mbs else ''} |")
    print("\n| target | ratio (medians, same run) | limit | met |\n|---|---:|---:|:---:|")
    for name, ratio, limit, ok in targets:
        print(f"| {name} | {ratio}× | {limit}× | {'yes' if ok == 'ok' else '**no**'} |")
    if context:
        print("\n| context (not a target) | value |\n|---|---:|")
        for name, value in context:
            print(f"| {name} | {value} |")


main()
