/// When models that are expensive to fit (`hw2`, `gbt`) are refitted: the model used at an origin is fitted at
/// its cutoff, the latest hour on the origin's time of day that is a multiple of `everyDays` days from hour 0 of
/// the history (the origin itself when that hour has too little history before it). Every load the fit uses
/// precedes the cutoff, hence the origin; all origins sharing a cutoff share one fit.
enum RefitSchedule {
    /// The cutoff of `origin` for a refit every `everyDays` days, at least `minimum` hours into the history.
    static func cutoff(for origin: Int, everyDays: Int, minimum: Int) -> Int {
        let cutoff = origin - 24 * ((origin / 24) % max(everyDays, 1))
        return cutoff >= minimum ? cutoff : origin
    }
}
