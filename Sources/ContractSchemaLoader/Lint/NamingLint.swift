import ContractSchema

/// Checks that wire names become distinct, usable Swift member names.
struct NamingLint {
    let reader: SchemaReader

    /// Reports names that convert to nothing, to a reserved member, or to the same Swift name as an earlier one.
    func checkMembers(_ names: [(wire: String, location: SourceLocation)], of owner: String, reserved: Set<String>,
                      what: String) {
        var seen: [String: (wire: String, location: SourceLocation)] = [:]
        for (wire, location) in names {
            guard let swift = SwiftNaming.memberName(wire) else {
                reader.error("\(what) `\(wire)` of \(owner) has no letters or digits to make a Swift name from", at: location)
                continue
            }
            if reserved.contains(swift) || SwiftNaming.reservedMembers.contains(swift) {
                reader.error("\(what) `\(wire)` of \(owner) becomes the Swift name `\(swift)`, which the generated code reserves; rename it",
                             at: location)
                continue
            }
            // The same wire name twice is a duplicate, reported where duplicates are checked.
            if let first = seen[swift], first.wire != wire {
                reader.error("\(what)s `\(first.wire)` and `\(wire)` of \(owner) both become the Swift name `\(swift)`",
                             at: location, notes: [.init(location: first.location, message: "`\(first.wire)` is here")])
            } else if seen[swift] == nil {
                seen[swift] = (wire, location)
            }
        }
    }
}
