#!/usr/bin/env python3
"""Benchmark networks for scripts/bench: a synthetic meshed grid of IEEE-118/300 scale as PyPSA CSV folders.

    python3 scripts/make-bench-networks.py OUTDIR [--buses 200] [--snapshots 24 168] [--check]

Writes OUTDIR/bench_<buses>_24h and OUTDIR/bench_<buses>_168h: the same network (seeded, deterministic) over
24 and 168 hourly snapshots (`--buses 2000 --snapshots 8760` makes the year-long folder of hundreds of MB used
to time `PyPSAReader`). It is the meshed 220 kV grid of scripts/pypsa_reference.py (rings with chords,
~1.6 lines per bus, s_max_pu 0.9 and tight ratings so lines bind, coal/gas/oil generators with scattered costs
on every third bus, a load on every bus) plus PV on every eighth bus, wind on every eleventh, and batteries on
every fifteenth (cyclic state of charge, 95 % efficiencies, standing loss). With --check each is solved with
PyPSA + HiGHS and the objective and time are printed (needs pypsa==1.4.0 linopy==0.10.1 highspy==1.15.1).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pypsa_reference import meshed, solar_shape  # noqa: E402  (same folder)


def bench_network(buses: int, snapshots: int):
    n = meshed(buses=buses, seed=118, snapshots=snapshots, name_prefix="b")
    rng = np.random.default_rng(300)
    hours = np.arange(snapshots)
    for carrier in ("solar", "wind", "battery"):
        n.add("Carrier", carrier)
    for i in range(0, buses, 8):
        n.add("Generator", f"pv_b{i}", bus=f"b{i}", carrier="solar", p_nom=float(rng.uniform(30, 80)),
              p_max_pu=solar_shape(hours) * rng.uniform(0.5, 1.0, snapshots))
    for i in range(5, buses, 11):
        n.add("Generator", f"wind_b{i}", bus=f"b{i}", carrier="wind", p_nom=float(rng.uniform(40, 100)),
              marginal_cost=0.5,
              p_max_pu=np.clip(0.4 + 0.3 * np.sin(hours / 13 + i) + rng.normal(0, 0.1, snapshots), 0, 1))
    for i in range(2, buses, 15):
        n.add("StorageUnit", f"battery_b{i}", bus=f"b{i}", carrier="battery", p_nom=float(rng.uniform(15, 40)),
              max_hours=4, efficiency_store=0.95, efficiency_dispatch=0.95, standing_loss=0.001,
              cyclic_state_of_charge=True)
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--buses", type=int, default=200, help="number of AC buses (100-300 intended)")
    parser.add_argument("--snapshots", type=int, nargs="+", default=[24, 168], help="horizons in hours")
    parser.add_argument("--check", action="store_true", help="solve each network with PyPSA + HiGHS")
    arguments = parser.parse_args()
    arguments.outdir.mkdir(parents=True, exist_ok=True)
    for noisy in ("pypsa", "linopy"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    for snapshots in arguments.snapshots:
        n = bench_network(arguments.buses, snapshots)
        folder = arguments.outdir / f"bench_{arguments.buses}_{snapshots}h"
        n.export_to_csv_folder(folder)
        line = (f"{folder.name}: buses={len(n.buses)} lines={len(n.lines)} generators={len(n.generators)} "
                f"storage_units={len(n.storage_units)} snapshots={len(n.snapshots)}")
        if arguments.check:
            began = time.perf_counter()
            status, condition = n.optimize(solver_name="highs", log_to_console=False)
            line += f" status={status}/{condition} objective={n.objective:.6f} solve={time.perf_counter() - began:.1f}s"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
