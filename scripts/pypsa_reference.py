#!/usr/bin/env python3
"""Reference networks solved by PyPSA, for checking re100's PyPSA import and dispatch.

    python3 scripts/pypsa_reference.py OUTDIR [--only NAME ...]

Needs pypsa==1.4.0 linopy==0.10.1 highspy==1.15.1 (for example in a venv:
`python3 -m venv /tmp/pypsa-venv && /tmp/pypsa-venv/bin/pip install pypsa==1.4.0 linopy==0.10.1 highspy==1.15.1`).

Builds every network below deterministically (fixed seeds), solves it with `n.optimize(solver_name="highs")`,
exports it with `n.export_to_csv_folder(OUTDIR/<name>)` and writes `OUTDIR/<name>/reference.json`:

    pypsa_version, linopy_version, highspy_version, status, termination_condition, objective,
    snapshot_count, marginal_price {bus: [per snapshot]}, generator_p {generator: sum over snapshots of p [MW]},
    generator_energy_mwh {generator: sum of p x generators weighting}, storage_unit_p {unit: sum of p},
    line_flow_max_abs {line: max |p0|}, binding_lines [names at |p0| = s_max_pu s_nom],
    inputs {list: {component: {attribute: value or {"series_sum": x}}}} (PyPSA's view of the imported data)

Networks (none has extendable capacity, unit commitment or global constraints, which re100 refuses):
  single_bus           one bus, four generators (one wind with p_max_pu series), 24 h
  radial               7-bus tree, binding line, time-varying marginal cost and p_min_pu, ramp limits, 24 h
  meshed_36            36-bus meshed grid at 220 kV, binding line limits (prices differ by bus), an HVDC link, 24 h
  storage_renewables   4 buses, PV and wind availability series, cyclic and non-cyclic storage units with
                       standing loss, a hydro unit with inflow, 24 h
  transformers         380/110 kV grid with tap ratios and a phase-shifting transformer in a loop, 24 h
  weighted_snapshots   3-hourly snapshots (weightings 3) with storage, 56 snapshots = 168 h
  week_168h            12-bus meshed grid with PV, wind and storage over 168 hourly snapshots
  store_and_links      a Store charged and discharged through two Links (not needed by the six above)
  ev_fleet             PyPSA-Eur's BEV model: an "EV battery" Store with e_min_pu (departures) behind a charger
                       Link and a V2G Link with the plug-in availability as p_max_pu, driving as a Load on the
                       battery bus, 48 h; re100's test also solves it as one [ev_fleets] component
  flexible_load        a load that may move ±40/30 % of its power within each day: a Link serving an auxiliary
                       bus that holds the requested Load and a Store whose energy returns to its start at the
                       end of every day (e_min_pu = e_max_pu), 48 h; re100's test also solves it as a flexible
                       [loads] entry

Prints one line per network; the whole run takes well under a minute.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import warnings
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pypsa

START = "2026-01-05 00:00"


def hourly(periods: int, freq: str = "h") -> pd.DatetimeIndex:
    return pd.date_range(START, periods=periods, freq=freq)


def daily_shape(hours: np.ndarray, peak_hour: float = 18.0, depth: float = 0.3) -> np.ndarray:
    """A load shape between 1-depth and 1+depth with its maximum at peak_hour."""
    return 1.0 + depth * np.cos((hours % 24 - peak_hour) / 24 * 2 * math.pi)


def solar_shape(hours: np.ndarray) -> np.ndarray:
    """Clear-sky-like PV availability: zero at night, a sine between 06:00 and 18:00."""
    h = hours % 24
    return np.where((h > 6) & (h < 18), np.sin((h - 6) / 12 * math.pi), 0.0)


def add_carriers(n: pypsa.Network, *names: str) -> None:
    co2 = {"coal": 0.34, "gas": 0.2, "oil": 0.27}
    for name in names:
        n.add("Carrier", name, co2_emissions=co2.get(name, 0.0))


def new_network(seed: int, periods: int, *carriers: str):
    """An empty network with `periods` hourly snapshots and `carriers`, its seeded generator and hour numbers."""
    n = pypsa.Network()
    n.set_snapshots(hourly(periods))
    add_carriers(n, *carriers)
    return n, np.random.default_rng(seed), np.arange(periods)


def single_bus() -> pypsa.Network:
    n, rng, hours = new_network(1, 24, "AC", "coal", "gas", "oil", "wind")
    n.add("Bus", "main", v_nom=20.0, carrier="AC")
    n.add("Generator", "coal", bus="main", carrier="coal", p_nom=60, marginal_cost=30)
    n.add("Generator", "gas", bus="main", carrier="gas", p_nom=50, marginal_cost=60)
    n.add("Generator", "oil", bus="main", carrier="oil", p_nom=40, marginal_cost=110)
    wind = np.clip(0.45 + 0.3 * np.sin(hours / 5) + rng.normal(0, 0.08, 24), 0, 1)
    n.add("Generator", "wind", bus="main", carrier="wind", p_nom=70, marginal_cost=0, p_max_pu=wind)
    n.add("Load", "demand", bus="main", p_set=90 * daily_shape(hours) + rng.normal(0, 3, 24))
    return n


def radial() -> pypsa.Network:
    n, rng, hours = new_network(2, 24, "AC", "coal", "gas", "solar")
    parents = {1: 0, 2: 1, 3: 1, 4: 0, 5: 4, 6: 5}
    for bus in range(7):
        n.add("Bus", f"r{bus}", v_nom=110.0, carrier="AC")
    for child, parent in parents.items():
        n.add("Line", f"r{parent}-r{child}", bus0=f"r{parent}", bus1=f"r{child}",
              x=8.0 + child, r=1.0, s_nom={1: 70.0, 4: 40.0}.get(child, 45.0))
    n.add("Generator", "coal_r0", bus="r0", carrier="coal", p_nom=200, marginal_cost=25,
          ramp_limit_up=0.25, ramp_limit_down=0.25)
    gas_price = 55 + 10 * np.sin(hours / 24 * 2 * math.pi)  # generators-marginal_cost.csv
    n.add("Generator", "gas_r5", bus="r5", carrier="gas", p_nom=60, marginal_cost=gas_price,
          p_min_pu=np.where((hours >= 8) & (hours < 20), 0.2, 0.0))  # generators-p_min_pu.csv
    n.add("Generator", "solar_r3", bus="r3", carrier="solar", p_nom=30, p_max_pu=solar_shape(hours))
    n.add("Generator", "peaker_r6", bus="r6", carrier="gas", p_nom=40, marginal_cost=140)
    for bus in range(1, 7):
        n.add("Load", f"load_r{bus}", bus=f"r{bus}",
              p_set=(8 + 3 * bus) * daily_shape(hours, 19) + rng.normal(0, 0.5, 24))
    return n


def meshed(buses: int = 36, seed: int = 3, snapshots: int = 24, name_prefix: str = "m") -> pypsa.Network:
    """A ring of rings at 220 kV with chords, cheap generation in the west, load everywhere."""
    rng = np.random.default_rng(seed)
    n = pypsa.Network()
    n.set_snapshots(hourly(snapshots))
    hours = np.arange(snapshots)
    add_carriers(n, "AC", "coal", "gas", "oil", "DC")
    names = [f"{name_prefix}{i}" for i in range(buses)]
    angles = 2 * math.pi * np.arange(buses) / buses
    n.add("Bus", names, v_nom=220.0, carrier="AC", x=np.cos(angles), y=np.sin(angles))
    edges = {(i, (i + 1) % buses) for i in range(buses)}
    while len(edges) < int(buses * 1.6):
        a, b = sorted(rng.choice(buses, 2, replace=False))
        if abs(a - b) not in (1, buses - 1):
            edges.add((int(a), int(b)))
    edges = sorted(edges)
    n.add("Line", [f"{names[a]}-{names[b]}" for a, b in edges],
          bus0=[names[a] for a, _ in edges], bus1=[names[b] for _, b in edges],
          x=rng.uniform(15, 40, len(edges)), r=rng.uniform(1, 4, len(edges)),
          s_nom=rng.choice([60.0, 80.0, 120.0], len(edges)), s_max_pu=0.9)
    sites = list(range(0, buses, 3))
    carriers = [["coal", "gas", "oil"][(i // 3) % 3] for i in sites]
    n.add("Generator", [f"gen_{names[i]}" for i in sites], bus=[names[i] for i in sites], carrier=carriers,
          p_nom=[{"coal": 180.0, "gas": 90.0, "oil": 60.0}[c] for c in carriers],
          marginal_cost=[{"coal": 20, "gas": 50, "oil": 95}[c] for c in carriers] + rng.uniform(-5, 5, len(sites)))
    base = rng.uniform(10, 35, buses)
    profiles = np.column_stack([base[i] * daily_shape(hours, 18 + i % 3) for i in range(buses)])
    n.add("Load", [f"load_{name}" for name in names], bus=names,
          p_set=pd.DataFrame(profiles + rng.normal(0, 0.5, (snapshots, buses)), index=n.snapshots,
                             columns=[f"load_{name}" for name in names]))
    return n


def meshed_36() -> pypsa.Network:
    n = meshed()
    n.add("Bus", "dc_a", v_nom=320.0, carrier="DC")
    n.add("Link", "hvdc_m0_m18", bus0="m0", bus1="m18", p_nom=50, efficiency=0.97, p_min_pu=-1, marginal_cost=0.5)
    return n


def storage_renewables() -> pypsa.Network:
    n, rng, hours = new_network(4, 24, "AC", "gas", "solar", "wind", "battery", "hydro")
    for bus in ["s0", "s1", "s2", "s3"]:
        n.add("Bus", bus, v_nom=110.0, carrier="AC")
    for a, b, s_nom in [("s0", "s1", 60), ("s1", "s2", 40), ("s2", "s3", 50), ("s3", "s0", 45), ("s0", "s2", 35)]:
        n.add("Line", f"{a}-{b}", bus0=a, bus1=b, x=10.0, r=1.0, s_nom=s_nom)
    n.add("Generator", "gas_s0", bus="s0", carrier="gas", p_nom=150, marginal_cost=70)
    n.add("Generator", "pv_s1", bus="s1", carrier="solar", p_nom=90, marginal_cost=0,
          p_max_pu=solar_shape(hours) * rng.uniform(0.8, 1.0, 24))
    n.add("Generator", "wind_s3", bus="s3", carrier="wind", p_nom=60, marginal_cost=1,
          p_max_pu=np.clip(0.5 + 0.35 * np.cos(hours / 4) + rng.normal(0, 0.1, 24), 0, 1))
    n.add("StorageUnit", "battery_s1", bus="s1", carrier="battery", p_nom=30, max_hours=4,
          efficiency_store=0.95, efficiency_dispatch=0.95, standing_loss=0.002, cyclic_state_of_charge=True,
          marginal_cost=0.5)
    n.add("StorageUnit", "battery_s2", bus="s2", carrier="battery", p_nom=20, max_hours=2,
          efficiency_store=0.9, efficiency_dispatch=0.92, standing_loss=0.01, cyclic_state_of_charge=False,
          state_of_charge_initial=25)
    n.add("StorageUnit", "hydro_s3", bus="s3", carrier="hydro", p_nom=25, max_hours=6, p_min_pu=0,
          efficiency_dispatch=0.9, inflow=6 + 2 * np.sin(hours / 6), state_of_charge_initial=60,
          cyclic_state_of_charge=False)
    for i, bus in enumerate(["s0", "s1", "s2", "s3"]):
        n.add("Load", f"load_{bus}", bus=bus, p_set=(25 + 5 * i) * daily_shape(hours, 19) + rng.normal(0, 1, 24))
    return n


def transformers() -> pypsa.Network:
    n, rng, hours = new_network(5, 24, "AC", "coal", "gas")
    for bus in ["hv0", "hv1", "hv2"]:
        n.add("Bus", bus, v_nom=380.0, carrier="AC")
    for bus in ["lv0", "lv1", "lv2", "lv3"]:
        n.add("Bus", bus, v_nom=110.0, carrier="AC")
    for a, b in [("hv0", "hv1"), ("hv1", "hv2"), ("hv2", "hv0")]:
        n.add("Line", f"{a}-{b}", bus0=a, bus1=b, x=40.0, r=4.0, s_nom=400)
    for a, b, x in [("lv0", "lv1", 6.0), ("lv1", "lv2", 5.0), ("lv2", "lv3", 7.0), ("lv3", "lv0", 6.5)]:
        n.add("Line", f"{a}-{b}", bus0=a, bus1=b, x=x, r=0.6, s_nom=70)
    n.add("Transformer", "t0", bus0="hv0", bus1="lv0", x=0.1, r=0.005, s_nom=150, tap_ratio=1.05)
    n.add("Transformer", "t1", bus0="hv1", bus1="lv2", x=0.12, r=0.005, s_nom=120, tap_ratio=0.98,
          phase_shift=6.0)
    n.add("Transformer", "t2", bus0="hv2", bus1="lv3", x=0.08, r=0.004, s_nom=100, s_max_pu=0.8)
    n.add("Generator", "coal_hv0", bus="hv0", carrier="coal", p_nom=400, marginal_cost=22)
    n.add("Generator", "gas_hv2", bus="hv2", carrier="gas", p_nom=200, marginal_cost=48)
    n.add("Generator", "gas_lv1", bus="lv1", carrier="gas", p_nom=80, marginal_cost=75)
    for i, bus in enumerate(["lv0", "lv1", "lv2", "lv3"]):
        n.add("Load", f"load_{bus}", bus=bus, p_set=(30 + 8 * i) * daily_shape(hours) + rng.normal(0, 1, 24))
    n.add("Load", "load_hv1", bus="hv1", p_set=60 * daily_shape(hours, 12))
    return n


def weighted_snapshots() -> pypsa.Network:
    rng = np.random.default_rng(6)
    n = pypsa.Network()
    count = 56
    n.set_snapshots(hourly(count, "3h"))
    n.snapshot_weightings.loc[:, :] = 3.0
    hours = np.arange(count) * 3
    add_carriers(n, "AC", "gas", "solar", "battery")
    n.add("Bus", "w0", v_nom=20.0, carrier="AC")
    n.add("Bus", "w1", v_nom=20.0, carrier="AC")
    n.add("Line", "w0-w1", bus0="w0", bus1="w1", x=0.5, r=0.05, s_nom=25)
    n.add("Generator", "gas_w0", bus="w0", carrier="gas", p_nom=80, marginal_cost=65)
    n.add("Generator", "pv_w1", bus="w1", carrier="solar", p_nom=60,
          p_max_pu=solar_shape(hours + 1.5) * rng.uniform(0.6, 1.0, count))
    n.add("StorageUnit", "battery_w1", bus="w1", carrier="battery", p_nom=15, max_hours=4,
          efficiency_store=0.93, efficiency_dispatch=0.93, standing_loss=0.003, cyclic_state_of_charge=True)
    n.add("Load", "load_w0", bus="w0", p_set=30 * daily_shape(hours))
    n.add("Load", "load_w1", bus="w1", p_set=20 * daily_shape(hours, 20) + rng.normal(0, 0.5, count))
    return n


def week_168h() -> pypsa.Network:
    rng = np.random.default_rng(7)
    n = meshed(buses=12, seed=7, snapshots=168, name_prefix="k")
    hours = np.arange(168)
    add_carriers(n, "solar", "wind", "battery")
    n.add("Generator", "pv_k4", bus="k4", carrier="solar", p_nom=120,
          p_max_pu=solar_shape(hours) * rng.uniform(0.5, 1.0, 168))
    n.add("Generator", "wind_k8", bus="k8", carrier="wind", p_nom=90, marginal_cost=0.5,
          p_max_pu=np.clip(0.4 + 0.3 * np.sin(hours / 17) + rng.normal(0, 0.1, 168), 0, 1))
    n.add("StorageUnit", "battery_k4", bus="k4", carrier="battery", p_nom=40, max_hours=4,
          efficiency_store=0.95, efficiency_dispatch=0.95, standing_loss=0.001, cyclic_state_of_charge=True)
    n.add("StorageUnit", "battery_k10", bus="k10", carrier="battery", p_nom=25, max_hours=3,
          efficiency_store=0.92, efficiency_dispatch=0.92, state_of_charge_initial=30)
    return n


def store_and_links() -> pypsa.Network:
    n, rng, hours = new_network(8, 24, "AC", "gas", "solar", "hydrogen")
    n.add("Bus", "e0", v_nom=20.0, carrier="AC")
    n.add("Bus", "h2", carrier="hydrogen")
    n.add("Generator", "gas_e0", bus="e0", carrier="gas", p_nom=100, marginal_cost=80)
    n.add("Generator", "pv_e0", bus="e0", carrier="solar", p_nom=120, p_max_pu=solar_shape(hours))
    n.add("Link", "electrolyser", bus0="e0", bus1="h2", carrier="hydrogen", p_nom=40, efficiency=0.7)
    n.add("Link", "fuel_cell", bus0="h2", bus1="e0", carrier="hydrogen", p_nom=50, efficiency=0.5)
    n.add("Store", "h2_tank", bus="h2", carrier="hydrogen", e_nom=200, e_cyclic=True, standing_loss=0.001)
    n.add("Load", "load_e0", bus="e0", p_set=45 * daily_shape(hours, 20) + rng.normal(0, 1, 24))
    return n


def site_with_grid_price(seed: int, *carriers: str, grid_mw: float, pv_mw: float):
    """48 h of one 22.9 kV site bus with grid supply at an hourly price (dearest at 15:00), PV and a 25 MW plant."""
    n, rng, hours = new_network(seed, 48, "AC", "grid", "solar", *carriers)
    n.add("Bus", "site", v_nom=22.9, carrier="AC")
    price = 90 + 40 * np.cos((hours % 24 - 15) / 24 * 2 * math.pi) + rng.normal(0, 4, 48)
    n.add("Generator", "grid", bus="site", carrier="grid", p_nom=grid_mw, marginal_cost=price)
    n.add("Generator", "pv", bus="site", carrier="solar", p_nom=pv_mw, p_max_pu=solar_shape(hours))
    n.add("Load", "plant", bus="site", p_set=25 * daily_shape(hours, 14, 0.2))
    return n, rng, hours


def ev_fleet() -> pypsa.Network:
    """PyPSA-Eur's BEV form: charger and V2G links limited by availability, a cyclic battery store with a minimum
    state of charge at the 07:00 departures (75 %, PyPSA-Eur's bev_dsm default), driving as a load on the battery
    bus. The V2G link's marginal cost and rating are on the energy it takes from the battery (p0), so wear per MWh
    delivered times its efficiency and the charge points' power divided by it."""
    n, rng, hours = site_with_grid_price(9, "Li ion", grid_mw=200, pv_mw=30)
    n.add("Bus", "cars_battery", carrier="Li ion")
    h = hours % 24
    plugged = np.where((h >= 8) & (h < 17), 0.3, 0.95)  # vehicles away during the day shift
    driving = np.where((h >= 7) & (h < 9) | (h >= 17) & (h < 19), 3.0, np.where((h >= 9) & (h < 17), 0.6, 0.0))
    e_min = np.where(h == 7, 0.75, 0.1)
    efficiency = 0.9
    n.add("Link", "cars_charger", bus0="site", bus1="cars_battery", carrier="Li ion", p_nom=8, p_max_pu=plugged,
          efficiency=efficiency)
    # re100 rates the charge points at the site side both ways; PyPSA limits a link's intake (p0, battery side).
    n.add("Link", "cars_v2g", bus0="cars_battery", bus1="site", carrier="Li ion", p_nom=8 / efficiency, p_max_pu=plugged,
          efficiency=efficiency, marginal_cost=20 * efficiency)
    n.add("Store", "cars", bus="cars_battery", carrier="Li ion", e_nom=60, e_min_pu=e_min, e_cyclic=True)
    n.add("Load", "cars_driving", bus="cars_battery", p_set=driving)
    return n


def flexible_load() -> pypsa.Network:
    """A flexible load as stores and links: the requested power is a Load on an auxiliary bus served through a
    Link whose bounds are (1 - 0.3) and (1 + 0.4) times the request; a Store there takes the difference, and its
    energy must be back at its start (half of e_nom) at the last hour of every day."""
    n, rng, hours = site_with_grid_price(10, grid_mw=300, pv_mw=60)
    n.add("Bus", "compute", carrier="AC")
    requested = 40 * daily_shape(hours, 20, 0.1) + rng.normal(0, 1, 48)
    n.add("Load", "compute_requested", bus="compute", p_set=requested)
    nominal = float(requested.max() * 1.4)
    n.add("Link", "compute_served", bus0="site", bus1="compute", p_nom=nominal, p_min_pu=0.7 * requested / nominal,
          p_max_pu=1.4 * requested / nominal)
    half = float(requested.sum())
    closes = (hours % 24) == 23
    n.add("Store", "compute_backlog", bus="compute", e_nom=2 * half, e_initial=half,
          e_min_pu=np.where(closes, 0.5, 0.0), e_max_pu=np.where(closes, 0.5, 1.0))
    return n


NETWORKS = {
    "single_bus": single_bus,
    "radial": radial,
    "meshed_36": meshed_36,
    "storage_renewables": storage_renewables,
    "transformers": transformers,
    "weighted_snapshots": weighted_snapshots,
    "week_168h": week_168h,
    "store_and_links": store_and_links,
    "ev_fleet": ev_fleet,
    "flexible_load": flexible_load,
}


def rounded(values) -> list[float]:
    return [float(v) for v in values]


# Attributes re100 imports, per component list: written with PyPSA's defaults filled in, so the Swift import
# test compares what re100 reads with what PyPSA itself holds after building the network.
MODELLED = {
    "buses": ["v_nom", "carrier"],
    "carriers": ["co2_emissions"],
    "generators": ["bus", "carrier", "p_nom", "p_min_pu", "p_max_pu", "marginal_cost", "ramp_limit_up",
                   "ramp_limit_down", "committable"],
    "loads": ["bus", "p_set"],
    "lines": ["bus0", "bus1", "x", "r", "s_nom", "s_max_pu"],
    "transformers": ["bus0", "bus1", "x", "r", "s_nom", "s_max_pu", "tap_ratio", "phase_shift"],
    "links": ["bus0", "bus1", "p_nom", "efficiency", "p_min_pu", "p_max_pu", "marginal_cost"],
    "storage_units": ["bus", "carrier", "p_nom", "max_hours", "efficiency_store", "efficiency_dispatch",
                      "standing_loss", "state_of_charge_initial", "cyclic_state_of_charge", "p_min_pu",
                      "p_max_pu", "marginal_cost", "inflow"],
    "stores": ["bus", "carrier", "e_nom", "e_min_pu", "e_max_pu", "e_initial", "e_cyclic", "standing_loss",
               "marginal_cost"],
}


def plain(value):
    """JSON-friendly scalar: NaN and infinities as null/strings, numpy types as Python types."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        value = float(value)
        return None if math.isnan(value) else (value if math.isfinite(value) else str(value))
    return str(value)


def inputs(n: pypsa.Network) -> dict:
    """Per list and component: the static value of every imported attribute, or for attributes with a
    time series the sum over snapshots as {"series_sum": x}."""
    result = {}
    for list_name, attributes in MODELLED.items():
        static = getattr(n, list_name)
        dynamic = getattr(n, f"{list_name}_t", None)
        components = {}
        for name in static.index:
            values = {}
            for attribute in attributes:
                frame = dynamic.get(attribute) if dynamic is not None and attribute in dynamic else None
                if frame is not None and name in frame.columns:
                    values[attribute] = {"series_sum": float(frame[name].sum())}
                else:
                    values[attribute] = plain(static.at[name, attribute])
            components[str(name)] = values
        result[list_name] = components
    return result


def reference(n: pypsa.Network, status: str, condition: str) -> dict:
    weights = n.snapshot_weightings.generators
    p0 = n.lines_t.p0 if not n.lines.empty else pd.DataFrame()
    binding = []
    flow_max = {}
    for line in n.lines.index:
        limit = n.lines.at[line, "s_nom"] * n.lines.at[line, "s_max_pu"]
        peak = float(p0[line].abs().max())
        flow_max[line] = peak
        if peak >= limit - 1e-6:
            binding.append(line)
    return {
        "pypsa_version": pypsa.__version__,
        "linopy_version": metadata.version("linopy"),
        "highspy_version": metadata.version("highspy"),
        "solver": "highs",
        "status": status,
        "termination_condition": condition,
        "objective": float(n.objective),
        "snapshot_count": len(n.snapshots),
        "marginal_price": {bus: rounded(n.buses_t.marginal_price[bus]) for bus in n.buses_t.marginal_price.columns},
        "generator_p": {g: float(n.generators_t.p[g].sum()) for g in n.generators.index},
        "generator_energy_mwh": {g: float((n.generators_t.p[g] * weights).sum()) for g in n.generators.index},
        "storage_unit_p": {s: float(n.storage_units_t.p[s].sum()) for s in n.storage_units.index},
        "line_flow_max_abs": flow_max,
        "binding_lines": binding,
        "inputs": inputs(n),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(NETWORKS), help="build only these networks")
    arguments = parser.parse_args()
    arguments.outdir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(level=logging.WARNING)
    for noisy in ("pypsa", "linopy"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    failures = 0
    for name in arguments.only or NETWORKS:
        began = time.perf_counter()
        n = NETWORKS[name]()
        status, condition = n.optimize(solver_name="highs", log_to_console=False)
        if status != "ok":
            print(f"{name:20s} status={status}/{condition}: not solved, nothing exported")
            failures += 1
            continue
        folder = arguments.outdir / name
        n.export_to_csv_folder(folder)
        result = reference(n, status, condition)
        (folder / "reference.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
        prices = n.buses_t.marginal_price
        spread = float(prices.max().max() - prices.min().min()) if not prices.empty else 0.0
        print(f"{name:20s} status={status}/{condition} objective={result['objective']:.6f} "
              f"buses={len(n.buses)} snapshots={len(n.snapshots)} price_spread={spread:.3f} "
              f"binding_lines={len(result['binding_lines'])} time={time.perf_counter() - began:.1f}s")
    print(f"total {time.perf_counter() - started:.1f}s, pypsa {pypsa.__version__}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
