extension NetworkValidator {
    /// Finds islands (buses joined by lines, transformers and links): an island with load but no supply is an
    /// error, a bus with nothing attached a warning.
    func checkIslands(_ network: Network, _ collector: inout IssueCollector) {
        var index: [Bus.ID: Int] = [:]
        for (position, bus) in network.buses.enumerated() where index[bus.id] == nil { index[bus.id] = position }
        var parent = Array(network.buses.indices)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        func join(_ bus0: Bus.ID, _ bus1: Bus.ID) {
            guard let first = index[bus0], let second = index[bus1] else { return }
            parent[root(first)] = root(second)
        }
        for line in network.lines { join(line.bus0, line.bus1) }
        for transformer in network.transformers { join(transformer.bus0, transformer.bus1) }
        for link in network.links { join(link.bus0, link.bus1) }

        var supplied = Set<Int>()
        var attached = Set<Int>()
        func mark(_ bus: Bus.ID?, supply: Bool) {
            guard let bus, let position = index[bus] else { return }
            attached.insert(position)
            if supply { supplied.insert(root(position)) }
        }
        for generator in network.generators { mark(generator.bus, supply: generator.nominalPower > 0 && generator.maximumPerUnit.maximum > 0) }
        for unit in network.storageUnits { mark(unit.bus, supply: unit.nominalPower > 0 && unit.energyCapacity > 0) }
        for store in network.stores { mark(store.bus, supply: store.nominalEnergy > 0) }
        for agreement in network.powerPurchaseAgreements { mark(agreement.bus, supply: agreement.capacity > 0) }
        if let connection = network.gridConnection { mark(connection.bus, supply: connection.importLimit > 0) }
        for load in network.loads { mark(load.bus, supply: false) }
        for fleet in network.evFleets { mark(fleet.bus, supply: fleet.vehicleToGrid && fleet.nominalPower > 0) }
        for line in network.lines { mark(line.bus0, supply: false); mark(line.bus1, supply: false) }
        for transformer in network.transformers { mark(transformer.bus0, supply: false); mark(transformer.bus1, supply: false) }
        for link in network.links { mark(link.bus0, supply: false); mark(link.bus1, supply: false) }

        var reported = Set<Int>()
        for load in network.loads {
            guard let position = index[load.bus] else { continue }
            let island = root(position)
            guard !supplied.contains(island), reported.insert(island).inserted else { continue }
            let members = network.buses.indices.filter { root($0) == island }.map { network.buses[$0].id.rawValue }
            collector.error(
                FieldPath(load.id).appending("bus"), "island without any supply",
                expected: "a generator, storage, PPA or grid connection on buses " + members.joined(separator: ", "),
                found: "no supply")
        }
        for (position, bus) in network.buses.enumerated() where !attached.contains(position) {
            collector.warning(FieldPath(bus.id), "bus has nothing attached", expected: "a component or branch at this bus", found: "none")
        }
    }
}
