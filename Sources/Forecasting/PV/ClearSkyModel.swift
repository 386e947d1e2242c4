import Foundation

/// Clear-sky global horizontal irradiance at a site: the solar position from NOAA's low-accuracy formulas
/// (Spencer's Fourier series for declination and equation of time, good to a few arc-minutes) and the
/// Haurwitz model `GHI = 1098 cos(z) exp(-0.057 / cos(z))` W/m^2 (Haurwitz 1945, as in Reno, Hansen,
/// Stein 2012, "Global horizontal irradiance clear sky models", SAND2012-2389).
public struct ClearSkyModel: Sendable, Equatable {
    /// Latitude in degrees, north positive.
    public let latitude: Double
    /// Longitude in degrees, east positive.
    public let longitude: Double

    /// A model for a site.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Cosine of the solar zenith angle at an instant (negative when the sun is below the horizon).
    public func cosineZenith(at date: Date) -> Double {
        let seconds = date.timeIntervalSince1970
        // Fractional year from days since 1970-01-01 (a year start; the leap-cycle drift is under a day).
        let yearFraction = (seconds / 86_400).truncatingRemainder(dividingBy: 365.2422)
        let gamma = 2 * Double.pi / 365.2422 * ((yearFraction < 0 ? yearFraction + 365.2422 : yearFraction) - 0.5)
        let utcHours = (seconds.truncatingRemainder(dividingBy: 86_400) + 86_400).truncatingRemainder(dividingBy: 86_400) / 3600
        let equationOfTime = 229.18 * (0.000075 + 0.001868 * cos(gamma) - 0.032077 * sin(gamma)
            - 0.014615 * cos(2 * gamma) - 0.040849 * sin(2 * gamma))
        let declination = 0.006918 - 0.399912 * cos(gamma) + 0.070257 * sin(gamma) - 0.006758 * cos(2 * gamma)
            + 0.000907 * sin(2 * gamma) - 0.002697 * cos(3 * gamma) + 0.00148 * sin(3 * gamma)
        let solarMinutes = utcHours * 60 + equationOfTime + 4 * longitude
        let hourAngle = (solarMinutes / 4 - 180) * Double.pi / 180
        let phi = latitude * Double.pi / 180
        return sin(phi) * sin(declination) + cos(phi) * cos(declination) * cos(hourAngle)
    }

    /// Clear-sky global horizontal irradiance (W/m^2) at an instant; 0 at night.
    public func irradiance(at date: Date) -> Double {
        let cosine = cosineZenith(at: date)
        guard cosine > 0.01 else { return 0 }
        return 1098 * cosine * exp(-0.057 / cosine)
    }

    /// Mean clear-sky irradiance (W/m^2) over the hour starting at `date`, from 4 quarter-hour midpoints.
    public func hourlyIrradiance(startingAt date: Date) -> Double {
        (0..<4).map { irradiance(at: date.addingTimeInterval(Double($0) * 900 + 450)) }.reduce(0, +) / 4
    }
}
