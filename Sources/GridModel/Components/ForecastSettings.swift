/// The `[forecasting]` table: what forecasts filled in before a dispatch (`run`, `dispatch`) may rely on.
///
/// `max_input_age_hours` bounds how old the newest row of a history a forecast starts from may be, counted from
/// the forecast origin (the first dispatched hour); older inputs are refused. `latitude_deg` and
/// `longitude_deg` place the site for the clear-sky model of PV availability forecasts
/// (`generators.<id>.p_max_pu_forecast_from`), which cannot run without them.
public struct ForecastSettings: FieldSet {
    /// The default limit on the age of forecast inputs, hours: two days, so a daily run survives one missed
    /// data delivery but never plans from a week-old history.
    public static let defaultMaximumInputAgeHours = 48.0

    /// Largest age (hours) of the newest history row of any forecast input at the forecast origin.
    public var maximumInputAgeHours: Double = Self.defaultMaximumInputAgeHours
    /// Site latitude in degrees, north positive (-90...90); `nil`: not given.
    public var latitude: Double?
    /// Site longitude in degrees, east positive (-180...180); `nil`: not given.
    public var longitude: Double?

    /// The defaults: 48 h, no site location.
    public init() {}

    /// `max_input_age_hours` (h, default 48), `latitude_deg`, `longitude_deg` (degrees).
    public static var fields: [ComponentField<ForecastSettings>] {
        [
            .number("max_input_age_hours", \.maximumInputAgeHours, unit: "h"),
            .optionalNumber("latitude_deg", \.latitude, unit: "degrees north"),
            .optionalNumber("longitude_deg", \.longitude, unit: "degrees east"),
        ]
    }
}
