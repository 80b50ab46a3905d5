import ContractEvolution
import ContractSchema
import Foundation
import Testing

@Suite struct DiffFixtureTests {
    @Test func thereIsAFixturePairForEveryKindOfChange() {
        let covered = Set(DiffFixtures.names.compactMap { name -> [String]? in
            try? String(contentsOf: DiffFixtures.directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
                .split(separator: "\n").map { String($0.split(separator: " ")[1]) }
        }.flatMap { $0 })
        // Renaming the contract itself is not on the wire; every other kind has a fixture.
        let uncovered = ChangeKind.allCases.map(\.rawValue).filter { !covered.contains($0) && $0 != "contract_renamed" }
        #expect(uncovered.isEmpty, "no fixture reports: \(uncovered)")
    }

    @Test(arguments: DiffFixtures.names)
    func eachFixturePairReportsItsExpectedClassification(name: String) throws {
        let actual = DiffFixtures.summary(try DiffFixtures.changes(name))
        let url = DiffFixtures.directory.appendingPathComponent("\(name).expected")
        if DiffFixtures.isRecording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name): re-record with RECORD_FIXTURES=1 if the change is intended")
    }

    @Test(arguments: DiffFixtures.seedSchemas)
    func diffingASeedSchemaAgainstItselfReportsNothing(file: String) throws {
        let contract = try DiffFixtures.contract("schema/\(file)")
        #expect(ContractDiff.compare(old: contract, new: contract).isEmpty)
    }

    @Test func aRenameCandidatePointsAtBothSides() throws {
        let changes = try DiffFixtures.changes("field_renamed")
        let rename = try #require(changes.first)
        #expect(rename.kind == .fieldRenamed)
        #expect(rename.old.file.hasSuffix("field_renamed.old.yaml"))
        #expect(rename.new.file.hasSuffix("field_renamed.new.yaml"))
        #expect(rename.old.line == rename.new.line)
        #expect(rename.message.contains("`note`") && rename.message.contains("`remark`"))
    }

    @Test func anAddedThingPointsAtItsParentInTheOldSchema() throws {
        let change = try #require(try DiffFixtures.changes("closed_enum_value_added").first)
        #expect(change.old.file.hasSuffix(".old.yaml"))
        #expect(change.old.line == 19)  // `Channel:` in the old schema
        #expect(change.new.line == 24)  // `mail:` in the new schema
    }
}
