/// The kinds of network components; the raw value is the component table's name in `grid.toml` and overlays.
public enum ComponentKind: String, Sendable, Codable, CaseIterable {
    /// `Bus`.
    case buses
    /// `Carrier`.
    case carriers
    /// `Line`.
    case lines
    /// `Transformer`.
    case transformers
    /// `Link`.
    case links
    /// `Generator`.
    case generators
    /// `StorageUnit`.
    case storageUnits = "storage_units"
    /// `Store`.
    case stores
    /// `Load`.
    case loads
    /// `PowerPurchaseAgreement`.
    case powerPurchaseAgreements = "ppas"
    /// `EVFleet`.
    case evFleets = "ev_fleets"

    /// The Swift type of this kind's components.
    public var componentType: any NetworkComponent.Type {
        switch self {
        case .buses: Bus.self
        case .carriers: Carrier.self
        case .lines: Line.self
        case .transformers: Transformer.self
        case .links: Link.self
        case .generators: Generator.self
        case .storageUnits: StorageUnit.self
        case .stores: Store.self
        case .loads: Load.self
        case .powerPurchaseAgreements: PowerPurchaseAgreement.self
        case .evFleets: EVFleet.self
        }
    }

    /// The keys of this kind's field table.
    public var fieldKeys: [String] { componentType.fieldKeys }

    /// The kind of the field `key` of this component kind, `nil` when the key is unknown.
    public func fieldKind(_ key: String) -> FieldKind? { componentType.fieldKind(key) }
}
