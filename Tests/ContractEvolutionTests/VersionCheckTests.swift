import ContractEvolution
import ContractSchema
import Testing

@Suite struct VersionCheckTests {
    private func contract(version: String, extraState: Bool) throws -> Contract {
        try DiffFixtures.contract(text: """
            contract: Tiny
            version: \(version)
            enums:
              Color:
                open: true
                values: [red\(extraState ? ", blue" : "")]
            """, file: "tiny-\(version).yaml")
    }

    private func closedContract(version: String, extraValue: Bool) throws -> Contract {
        try DiffFixtures.contract(text: """
            contract: Tiny
            version: \(version)
            enums:
              Color:
                values: [red\(extraValue ? ", blue" : "")]
            """, file: "tiny-\(version).yaml")
    }

    @Test func aCompatibleChangeWithAPatchBumpIsFine() throws {
        let changes = ContractDiff.compare(old: try contract(version: "1.0.0", extraState: false),
                                           new: try contract(version: "1.0.1", extraState: true))
        #expect(changes.map(\.kind) == [.enumValueAdded])
    }

    @Test func aBreakingChangeWithAMajorBumpIsFine() throws {
        let changes = ContractDiff.compare(old: try closedContract(version: "1.4.2", extraValue: false),
                                           new: try closedContract(version: "2.0.0", extraValue: true))
        #expect(changes.map(\.kind) == [.enumValueAdded])
    }

    @Test func aBreakingChangeBeforeOnePointZeroNeedsOnlyAMinorBump() throws {
        let changes = ContractDiff.compare(old: try closedContract(version: "0.2.5", extraValue: false),
                                           new: try closedContract(version: "0.3.0", extraValue: true))
        #expect(changes.map(\.kind) == [.enumValueAdded])
    }

    @Test func aLoweredVersionIsReported() throws {
        let changes = ContractDiff.compare(old: try contract(version: "1.2.0", extraState: false),
                                           new: try contract(version: "1.1.0", extraState: true))
        #expect(changes.last?.kind == .versionNotRaised)
        #expect(changes.last?.changeClass == .version)
    }

    @Test func theVersionFindingNamesTheVersionNeeded() throws {
        let changes = ContractDiff.compare(old: try closedContract(version: "1.4.2", extraValue: false),
                                           new: try closedContract(version: "1.5.0", extraValue: true))
        #expect(changes.last?.message.contains("at least 2.0.0") == true)
    }
}
