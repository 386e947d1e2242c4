import Foundation

extension TariffReader {
    /// The tariff file that `reference` names in `field` of `source` (`grid_connection.tariff` of a grid, or an
    /// overlay's `set.grid_connection.tariff`): a bare name (`kepco-industrial-b-high-voltage-a-option-2`, no
    /// slash, no `.toml`) is looked up in `catalog`; a path is relative to `directory`, the folder of the file
    /// that names it (absolute as is).
    /// - Throws: a `GridIOError` at `field` listing the folders searched and the names available when no folder
    ///   of `catalog` has the name.
    static func file(for reference: String, relativeTo directory: URL, catalog: NamedFileCatalog, source: TOMLSource,
                     field: String) throws(GridIOError) -> URL {
        guard NamedFileCatalog.isName(reference) else { return directory.resolving(reference) }
        guard let file = catalog.file(named: reference) else {
            throw source.error(at: field, message: "unknown tariff name", expected: catalog.searchedDescription(), found: reference)
        }
        return file
    }
}
