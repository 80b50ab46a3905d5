import ContractConformance
import ContractRuntime
import ContractSchema
import Foundation
import Testing

/// The lifecycle, catalog and retry vectors state what the checked contract says.
@Suite struct LifecycleAndCatalogVectorTests {
    static func vectors(_ path: String) throws -> (Contract, ConformanceVectors) {
        let contract = try RecordVectorTests.load(path)
        return (contract, ConformanceVectors(contract: contract, schemaName: "x.yaml"))
    }

    @Test(arguments: RecordVectorTests.schemas)
    func theMatrixHasARowPerStateListingExactlyTheSchemasMoves(path: String) throws {
        let (contract, vectors) = try Self.vectors(path)
        let rows = ConformanceTestSupport.section("transitions", of: vectors)
        #expect(rows.count == contract.lifecycles.reduce(0) { $0 + $1.states.count })
        for lifecycle in contract.lifecycles {
            let own = rows.filter { $0["lifecycle"] == .string(lifecycle.name) }
            #expect(own.compactMap { $0["from"]?.stringValue } == lifecycle.states.map(\.name))
            let pairs = own.flatMap { row in
                (row["allowed_to"]?.arrayValue ?? []).map { "\(row["from"]!.stringValue!)->\($0.stringValue!)" }
            }
            #expect(Set(pairs) == Set(lifecycle.transitions.map { "\($0.from)->\($0.to)" }))
        }
    }

    @Test func aGuardedMoveIsShownBothAllowedAndRefusedWithItsGuard() throws {
        let (_, vectors) = try Self.vectors("schema/task_pipeline.yaml")
        let guarded = ConformanceTestSupport.section("guarded_transitions", of: vectors)
        for to in ["QUEUED", "BLOCKED"] {
            let moves = guarded.filter { $0["from"] == .string("FAILED") && $0["to"] == .string(to) }
            #expect(moves.contains { $0["allowed"] == .bool(true) && $0["unmet_guard"] == .null })
            #expect(moves.contains { $0["allowed"] == .bool(false) && $0["unmet_guard"]?.stringValue?.contains("retry_count") == true })
        }
    }

    @Test(arguments: RecordVectorTests.schemas)
    func everyCodeHasItsFactsAndNormalizeNamesACodeForEveryKind(path: String) throws {
        let (contract, vectors) = try Self.vectors(path)
        let catalogs = ConformanceTestSupport.section("catalogs", of: vectors)
        #expect(catalogs.count == contract.errorCatalogs.count)
        for (catalog, vector) in zip(contract.errorCatalogs, catalogs) {
            #expect(vector["codes"]?.arrayValue?.map { $0["code"]?.stringValue } == catalog.codes.map(\.code))
            guard catalog.normalize != nil else {
                #expect(vector["normalize"] == .null)
                continue
            }
            let table = try #require(vector["normalize"]?.objectValue)
            #expect(table.keys == ["validation", "timeout", "cancellation", "retry_exhausted", "default"])
            #expect(table.allSatisfy { member in catalog.codes.contains { .string($0.code) == member.value } })
        }
    }

    @Test func aCodeWithoutAMessageGetsItsNameHumanized() throws {
        let (_, vectors) = try Self.vectors("packages/python/tests/everything/everything.yaml")
        let codes = ConformanceTestSupport.section("catalogs", of: vectors).flatMap { $0["codes"]?.arrayValue ?? [] }
        #expect(codes.allSatisfy { $0["message"]?.stringValue?.hasSuffix(".") == true })
    }

    @Test func retryDelaysAreThePolicysAndReachTheCap() throws {
        let (contract, vectors) = try Self.vectors("schema/task_pipeline.yaml")
        let policy = try #require(ConformanceTestSupport.section("retry_policies", of: vectors).first)
        let declared = try #require(contract.lifecycles.first?.retry?.policy)
        let retries = try #require(policy["retries"]?.arrayValue).compactMap(\.int64Value)
        let delays = try #require(policy["base_delays_ns"]?.arrayValue).compactMap(\.int64Value)
        #expect(retries.count == delays.count)
        for (n, delay) in zip(retries, delays) {
            #expect(Duration.nanoseconds(delay) == declared.baseDelay(beforeRetry: Int(n)))
        }
        #expect(delays.last == 60_000_000_000)
    }
}
