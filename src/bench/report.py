#!/usr/bin/env python3
"""Turns the hyperfine JSON files of one benchmark run into the Markdown table and results.json.

Usage: report.py OUT_DIR ROWS_TSV MACHINE_JSON
ROWS_TSV: row name, dhpush json, reference name, reference json, goal, note (tab-separated; a json may be '-').
"""
import json
import sys
from pathlib import Path


def median(path, name):
    if path == "-":
        return None
    for result in json.loads(Path(path).read_text())["results"]:
        if result["command"] == name:
            return result["median"]
    raise SystemExit(f"report: no result named {name} in {path}")


def main():
    out, rows_file, machine_file = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    machine = json.loads(Path(machine_file).read_text())
    rows = []
    for line in rows_file.read_text().splitlines():
        name, dhpush_json, reference, reference_json, goal, note = line.split("\t")
        dhpush = median(dhpush_json, "dhpush")
        ref = median(reference_json, reference)
        ratio = dhpush / ref if dhpush is not None and ref else None
        rows.append({"row": name, "dhpush_s": dhpush, "reference": reference, "reference_s": ref,
                     "ratio": ratio, "goal": goal, "note": note})
    fmt = lambda value: "-" if value is None else f"{value:.3f} s"
    lines = [f"Machine: {machine['cores']} cores, {machine['memory']}, engine {machine['engine']}, "
             f"{machine['runs']} runs per figure (median), {machine['mode']}, {machine['date']}", "",
             "| row | dhpush | reference | reference time | ratio | goal | note |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        lines.append(f"| {row['row']} | {fmt(row['dhpush_s'])} | {row['reference']} | {fmt(row['reference_s'])} | "
                     f"{ratio} | {row['goal']} | {row['note']} |")
    table = "\n".join(lines) + "\n"
    (out / "results.md").write_text(table)
    (out / "results.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    print(table)


if __name__ == "__main__":
    main()
