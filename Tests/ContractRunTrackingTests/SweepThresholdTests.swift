@testable import ContractRunTracking
import Foundation
import Testing

/// Extreme durations: none of the arithmetic on them may trap.
@Suite struct SweepThresholdTests {
    @Test(arguments: [StoreKind.inMemory, .sqliteMemory])
    func theLargestThresholdSweepsNothingAndZeroSweepsEveryRunningRun(_ kind: StoreKind) async throws {
        try await kind.withStore { store in
            let now = RunFixtures.epoch.addingTimeInterval(10)
            try await RunFixtures.running(RunFixtures.queued("running"), in: store)
            #expect(try await store.sweepStale(olderThan: .seconds(Int64.max), now: now).swept.isEmpty)
            #expect(try await store.sweepStale(olderThan: .seconds(Int64.min), now: now).swept.map(\.id) == ["running"])
            #expect(try await store.sweepStale(olderThan: .zero, now: now).swept.isEmpty)
        }
    }

    @Test func wholeMillisecondsSaturateInsteadOfOverflowing() {
        #expect(Duration.seconds(Int64.max).wholeMilliseconds == Int64.max)
        #expect(Duration.seconds(Int64.max / 1000).wholeMilliseconds == Int64.max / 1000 * 1000)
        #expect(Duration.seconds(Int64.min).wholeMilliseconds == 0)
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.nanoseconds(999_999).wholeMilliseconds == 0)
    }
}
