/// What re100 does with each attribute of a PyPSA 1.4 component (pypsa/data/component_attrs/*.csv).
///
/// The tables list every input attribute of PyPSA 1.4.0 and the outputs `export_to_csv_folder` writes.
/// Attributes that would change PyPSA's linear optimal power flow but that re100 does not model are
/// `mustBeDefault`: a folder where they differ from PyPSA's default is refused, naming file, line and column.
enum PyPSAAttribute: Equatable {
    /// Read into the GridModel value (see `PyPSAReader`).
    case modelled
    /// No effect on the linear OPF of a network without extendable capacity (labels, coordinates, AC power-flow
    /// data, investment costs of non-extendable assets) or an output of a previous run.
    case ignored
    /// Changes the linear OPF in a way re100 does not model: refused unless empty or equal to this default.
    case mustBeDefault(String)
}

/// The attribute tables per component list name (`generators`, `lines`, ...).
enum PyPSAAttributes {
    private static let common: [String: PyPSAAttribute] = [
        "name": .modelled, "type": .ignored, "build_year": .ignored, "lifetime": .ignored,
        "capital_cost": .ignored, "overnight_cost": .ignored, "discount_rate": .ignored, "fom_cost": .ignored,
        "q_set": .ignored, "q": .ignored, "p": .ignored, "mu_upper": .ignored, "mu_lower": .ignored,
        "capital_cost_piecewise_opt": .ignored, "marginal_cost_piecewise_opt": .ignored, "control": .ignored,
        "sub_network": .ignored, "active": .modelled,
    ]

    private static let extendable: [String: PyPSAAttribute] = [
        "p_nom_mod": .ignored, "p_nom_min": .ignored, "p_nom_max": .ignored, "p_nom_opt": .ignored,
        "p_nom_extendable": .mustBeDefault("False"), "p_nom_set": .mustBeDefault("nan"),
    ]

    private static let commitment: [String: PyPSAAttribute] = [
        "committable": .modelled, "min_up_time": .modelled, "min_down_time": .modelled,
        "start_up_cost": .modelled, "shut_down_cost": .modelled, "stand_by_cost": .mustBeDefault("0"),
        "up_time_before": .mustBeDefault("1"), "down_time_before": .mustBeDefault("0"),
        "ramp_limit_start_up": .mustBeDefault("nan"), "ramp_limit_shut_down": .mustBeDefault("nan"),
        "maintainable": .mustBeDefault("False"), "maintenance_duration": .ignored, "maintenance_pu": .ignored,
        "maintenance_events": .ignored, "status": .ignored, "start_up": .ignored, "shut_down": .ignored,
        "maintenance": .ignored, "maintenance_start": .ignored, "mu_p_set": .ignored,
        "mu_ramp_limit_up": .ignored, "mu_ramp_limit_down": .ignored,
    ]

    private static let branch: [String: PyPSAAttribute] = [
        "bus0": .modelled, "bus1": .modelled, "x": .modelled, "r": .modelled, "g": .ignored, "b": .ignored,
        "s_nom": .modelled, "s_max_pu": .modelled, "s_nom_mod": .ignored, "s_nom_min": .ignored,
        "s_nom_max": .ignored, "s_nom_opt": .ignored, "s_nom_extendable": .mustBeDefault("False"),
        "s_nom_set": .mustBeDefault("nan"), "num_parallel": .ignored, "v_ang_min": .ignored,
        "v_ang_max": .mustBeDefault("inf"), "p0": .ignored, "p1": .ignored, "q0": .ignored, "q1": .ignored,
        "x_pu": .ignored, "r_pu": .ignored, "g_pu": .ignored, "b_pu": .ignored, "x_pu_eff": .ignored,
        "r_pu_eff": .ignored, "v_nom": .ignored,
    ]

    /// The table of component list `list` (`generators`), or nil for lists re100 does not read.
    static func table(for list: String) -> [String: PyPSAAttribute]? {
        switch list {
        case "buses":
            return common.merging([
                "v_nom": .modelled, "x": .modelled, "y": .modelled, "carrier": .modelled, "unit": .ignored,
                "location": .ignored, "v_mag_pu_set": .ignored, "v_mag_pu_min": .ignored, "v_mag_pu_max": .ignored,
                "generator": .ignored, "v_mag_pu": .ignored, "v_ang": .ignored, "marginal_price": .ignored,
            ])
        case "carriers":
            return [
                "name": .modelled, "co2_emissions": .modelled, "color": .ignored, "nice_name": .ignored,
                "max_growth": .ignored, "max_relative_growth": .ignored,
            ]
        case "generators":
            return common.merging(extendable).merging(commitment).merging([
                "bus": .modelled, "carrier": .modelled, "p_nom": .modelled, "p_min_pu": .modelled,
                "p_max_pu": .modelled, "marginal_cost": .modelled, "ramp_limit_up": .modelled,
                "ramp_limit_down": .modelled, "p_set": .mustBeDefault("nan"), "p_init": .mustBeDefault("nan"),
                "e_sum_min": .mustBeDefault("-inf"), "e_sum_max": .mustBeDefault("inf"), "sign": .mustBeDefault("1"),
                "marginal_cost_quadratic": .mustBeDefault("0"), "efficiency": .ignored, "weight": .ignored,
            ])
        case "loads":
            return common.merging([
                "bus": .modelled, "carrier": .ignored, "p_set": .modelled, "sign": .mustBeDefault("-1"),
            ])
        case "lines":
            return common.merging(branch).merging([
                "carrier": .ignored, "length": .ignored, "terrain_factor": .ignored,
                "type": .mustBeDefault(""),
            ])
        case "transformers":
            return common.merging(branch).merging([
                "type": .mustBeDefault(""), "model": .ignored, "tap_ratio": .modelled, "tap_side": .ignored,
                "tap_position": .ignored, "phase_shift": .modelled, "phase_shift_min": .modelled,
                "phase_shift_max": .modelled, "phase_shift_opt": .ignored,
            ])
        case "links":
            return common.merging(extendable).merging(commitment).merging([
                "bus0": .modelled, "bus1": .modelled, "carrier": .ignored, "efficiency": .modelled,
                "p_nom": .modelled, "p_min_pu": .modelled, "p_max_pu": .modelled, "marginal_cost": .modelled,
                "p_set": .mustBeDefault("nan"), "p_init": .mustBeDefault("nan"),
                "marginal_cost_quadratic": .mustBeDefault("0"), "length": .ignored, "terrain_factor": .ignored,
                "committable": .mustBeDefault("False"), "min_up_time": .mustBeDefault("0"),
                "min_down_time": .mustBeDefault("0"), "start_up_cost": .mustBeDefault("0"),
                "shut_down_cost": .mustBeDefault("0"), "ramp_limit_up": .mustBeDefault("nan"),
                "ramp_limit_down": .mustBeDefault("nan"), "delay": .mustBeDefault("0"), "cyclic_delay": .ignored,
                "p0": .ignored, "p1": .ignored,
            ])
        case "storage_units":
            return common.merging(extendable).merging([
                "bus": .modelled, "carrier": .modelled, "p_nom": .modelled, "p_min_pu": .modelled,
                "p_max_pu": .modelled, "marginal_cost": .modelled, "max_hours": .modelled,
                "efficiency_store": .modelled, "efficiency_dispatch": .modelled, "standing_loss": .modelled,
                "state_of_charge_initial": .modelled, "cyclic_state_of_charge": .modelled, "inflow": .modelled,
                "p_set": .mustBeDefault("nan"), "p_dispatch_set": .mustBeDefault("nan"),
                "p_store_set": .mustBeDefault("nan"), "sign": .mustBeDefault("1"), "spill_cost": .mustBeDefault("0"),
                "marginal_cost_quadratic": .mustBeDefault("0"), "marginal_cost_storage": .mustBeDefault("0"),
                "state_of_charge_set": .mustBeDefault("nan"), "state_of_charge_initial_per_period": .ignored,
                "cyclic_state_of_charge_per_period": .ignored, "p_dispatch": .ignored, "p_store": .ignored,
                "state_of_charge": .ignored, "spill": .ignored, "mu_state_of_charge_set": .ignored,
                "mu_energy_balance": .ignored,
            ])
        case "stores":
            return common.merging([
                "bus": .modelled, "carrier": .modelled, "e_nom": .modelled, "e_min_pu": .modelled,
                "e_max_pu": .modelled, "e_initial": .modelled, "e_cyclic": .modelled, "standing_loss": .modelled,
                "marginal_cost": .modelled, "e_nom_mod": .ignored, "e_nom_min": .ignored, "e_nom_max": .ignored,
                "e_nom_opt": .ignored, "e_nom_extendable": .mustBeDefault("False"), "e_nom_set": .mustBeDefault("nan"),
                "e_initial_per_period": .ignored, "e_cyclic_per_period": .ignored, "p_set": .mustBeDefault("nan"),
                "e_set": .mustBeDefault("nan"), "sign": .mustBeDefault("1"),
                "marginal_cost_quadratic": .mustBeDefault("0"), "marginal_cost_storage": .mustBeDefault("0"),
                "e": .ignored, "mu_energy_balance": .ignored,
            ])
        default:
            return nil
        }
    }

    /// Files of a PyPSA folder that re100 does not read and that are harmless: outputs, drawings, metadata.
    static let harmlessFiles: Set<String> = [
        "network.csv", "snapshots.csv", "sub_networks.csv", "shapes.csv", "line_types.csv", "transformer_types.csv",
        "crs.json", "meta.json", "reference.json",
    ]

    /// Component files that change the optimisation when they hold any row, with the reason for the message.
    static let refusedFiles: [String: String] = [
        "global_constraints.csv": "global constraints (CO2 caps, primary-energy limits)",
        "shunt_impedances.csv": "shunt impedances",
        "processes.csv": "processes",
        "investment_periods.csv": "investment periods",
    ]
}

extension Dictionary where Key == String, Value == PyPSAAttribute {
    /// The union of two tables, the argument's entries winning.
    fileprivate func merging(_ other: [String: PyPSAAttribute]) -> [String: PyPSAAttribute] {
        merging(other) { _, new in new }
    }
}
