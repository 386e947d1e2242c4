"""Collects the sweep's summary.json files into one CSV table (docs/scale-out.md, "The collected table").

Run by the workflow's `collect` rule (Snakemake's `script:`), or by hand:
    python collect_sweep.py OUT.csv GRID/SCENARIO=results/GRID/SCENARIO/summary.json ...
"""

import csv
import io
import json
import math
import os
import sys

# Column order of sweep.csv; the names and meanings match comparison.csv of `re100 compare` (docs/outputs.md).
COLUMNS = [
    "grid", "scenario", "status", "hours", "currency",
    "total_cost", "cost_per_mwh", "re_share", "cfe_score", "co2_t",
    "peak_import_mw", "curtailed_mwh", "unserved_mwh", "consumption_mwh",
]

# Columns copied from the summary.json key of the same name (the objective is `total_cost`).
FIGURES = ["re_share", "cfe_score", "co2_t", "peak_import_mw", "curtailed_mwh", "unserved_mwh", "consumption_mwh"]


def number(value):
    """A figure as CSV text: the shortest text that reads back as the same double, empty when absent or not
    finite (no hour solved, a share of zero consumption)."""
    if value is None or isinstance(value, bool):
        return ""
    value = float(value)
    return repr(value) if math.isfinite(value) else ""


def row(grid, scenario, summary):
    """The table row of one job's summary.json (a dict)."""
    objective = summary.get("objective")
    consumption = summary.get("consumption_mwh")
    cost_per_mwh = None
    if objective is not None and consumption:
        cost_per_mwh = float(objective) / float(consumption)
    cells = {
        "grid": grid,
        "scenario": scenario,
        "status": summary["status"],
        "hours": str(int(summary["horizon"]["hours"])),
        "currency": summary.get("currency", ""),
        "total_cost": number(objective),
        "cost_per_mwh": number(cost_per_mwh),
    }
    cells.update({figure: number(summary.get(figure)) for figure in FIGURES})
    return [cells[column] for column in COLUMNS]


def table(jobs):
    """sweep.csv's text for `jobs`: (grid, scenario, path of summary.json) in row order."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    for grid, scenario, path in jobs:
        with open(path, encoding="utf-8") as handle:
            writer.writerow(row(grid, scenario, json.load(handle)))
    return text.getvalue()


def write_atomically(text, path):
    """Writes `text` to a temporary file beside `path` and renames it into place."""
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def main(arguments):
    if len(arguments) < 2 or any("=" not in argument for argument in arguments[1:]):
        sys.exit("usage: collect_sweep.py OUT.csv GRID/SCENARIO=SUMMARY.json ...")
    jobs = []
    for argument in arguments[1:]:
        name, path = argument.split("=", 1)
        grid, scenario = name.split("/", 1)
        jobs.append((grid, scenario, path))
    write_atomically(table(jobs), arguments[0])


if "snakemake" in globals():
    names = [job.split("/", 1) for job in snakemake.params.jobs]  # noqa: F821 (set by Snakemake)
    write_atomically(
        table([(grid, scenario, path) for (grid, scenario), path in zip(names, snakemake.input.summaries)]),  # noqa: F821
        snakemake.output[0])  # noqa: F821
elif __name__ == "__main__":
    main(sys.argv[1:])
