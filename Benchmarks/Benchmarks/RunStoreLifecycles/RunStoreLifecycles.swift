// RunStoreLifecycles: full run lifecycles per second (create queued, mark running, finish) through
// `RunTracker.withRun`, next to the same three writes as plain statements through the same driver
// (RunStoreBaseline), interleaved round by round so that both sides see the same machine load.
//
//   swift run -c release RunStoreLifecycles [--rounds N] [--lifecycles N] [--postgres-lifecycles N]
//
// Each round runs the plain statements and the tracker once each (alternating which goes first), every
// side on a fresh in-memory SQLite database after a short warm-up, and reports lifecycles per second
// and the ratio tracker time / plain time of that round; the summary gives the medians. PostgreSQL runs
// too when CONTRACT_TEST_POSTGRES_URL is set (eval "$(bash scripts/postgres-test-env.sh)"), on one
// table and one connection pool for both sides. Issue 7 target: the ratio is at most 1.5.

import ContractRunStores
import Foundation
import RunStoreBaseline

@main struct RunStoreLifecycles {
    static func main() async throws {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            func count() -> Int {
                guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
                    usage("\(argument) takes a positive whole number")
                }
                return value
            }
            switch argument {
            case "--rounds": options.rounds = count()
            case "--lifecycles": options.lifecycles = count()
            case "--postgres-lifecycles": options.postgresLifecycles = count()
            case "-h", "--help": usage(nil)
            default: usage("unknown argument \(argument)")
            }
        }
        try await measure(options)
    }

    /// Off the main actor, like a service's request handlers.
    nonisolated static func measure(_ options: Options) async throws {

        var sqlite = Comparison(store: "SQLite :memory:")
        for round in 1...options.rounds {
            let plain: @Sendable () async throws -> Duration = {
                let connection = try await PlainLifecycle.openSQLite()
                let time = try await timed(options.lifecycles) { try await PlainLifecycle.run(on: connection) }
                try await connection.close()
                return time
            }
            let tracker: @Sendable () async throws -> Duration = {
                let store = try await SQLiteRunStore.open(path: ":memory:")
                let tracker = RunTracker(store: store, configuration: failing())
                let time = try await timed(options.lifecycles) { try await tracker.withRun(source: .chat) { 1 } }
                try await store.close()
                return time
            }
            try await sqlite.round(round, lifecycles: options.lifecycles, plain: plain, tracker: tracker)
        }

        let inMemoryTracker = RunTracker(store: InMemoryRunStore(), configuration: failing())
        let inMemory = try await timed(options.lifecycles) { try await inMemoryTracker.withRun(source: .chat) { 1 } }

        var comparisons = [sqlite]
        if let url = ProcessInfo.processInfo.environment["CONTRACT_TEST_POSTGRES_URL"], !url.isEmpty {
            let (store, pool) = try await PlainLifecycle.openPostgres(url)
            let tracker = RunTracker(store: store, configuration: failing())
            var postgres = Comparison(store: "PostgreSQL")
            for round in 1...options.rounds {
                try await postgres.round(
                    round, lifecycles: options.postgresLifecycles,
                    plain: { try await timed(options.postgresLifecycles) { try await PlainLifecycle.run(on: store.client) } },
                    tracker: { try await timed(options.postgresLifecycles) { try await tracker.withRun(source: .chat) { 1 } } })
            }
            pool.cancel()
            comparisons.append(postgres)
        } else {
            print("CONTRACT_TEST_POSTGRES_URL is not set; PostgreSQL is skipped")
        }

        print("\nmedians over \(options.rounds) rounds (target: tracker / plain <= 1.5):")
        for comparison in comparisons { print("  " + comparison.summary) }
        print("  in-memory store: tracker \(rate(options.lifecycles, inMemory)) lifecycles/s")
    }
}

struct Options: Sendable {
    var rounds = 9
    var lifecycles = 5_000
    var postgresLifecycles = 500
}

/// One store's rounds: tracker and plain times per round.
struct Comparison {
    let store: String
    var ratios: [Double] = []
    var trackerRates: [Double] = []
    var plainRates: [Double] = []

    init(store: String) { self.store = store }

    /// Runs both sides once, the plain statements first in odd rounds and the tracker first in even ones.
    mutating func round(_ number: Int, lifecycles: Int, plain: @Sendable () async throws -> Duration,
                        tracker: @Sendable () async throws -> Duration) async throws {
        let plainTime: Duration
        let trackerTime: Duration
        if number % 2 == 1 {
            plainTime = try await plain()
            trackerTime = try await tracker()
        } else {
            trackerTime = try await tracker()
            plainTime = try await plain()
        }
        let ratio = seconds(trackerTime) / seconds(plainTime)
        ratios.append(ratio)
        trackerRates.append(Double(lifecycles) / seconds(trackerTime))
        plainRates.append(Double(lifecycles) / seconds(plainTime))
        print("\(store) round \(number): tracker \(rate(lifecycles, trackerTime)) lifecycles/s, "
              + "plain \(rate(lifecycles, plainTime)) lifecycles/s, ratio \(String(format: "%.2f", ratio))")
    }

    var summary: String {
        "\(store): tracker \(Int(median(trackerRates))) lifecycles/s, plain \(Int(median(plainRates))) lifecycles/s, "
            + "ratio \(String(format: "%.2f", median(ratios))) (rounds: \(ratios.map { String(format: "%.2f", $0) }.joined(separator: ", ")))"
    }
}

/// Runs `lifecycle` a tenth of `count` times to warm up, then `count` times on the clock.
func timed(_ count: Int, _ lifecycle: @Sendable () async throws -> Void) async throws -> Duration {
    for _ in 0..<max(1, count / 10) { try await lifecycle() }
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<count { try await lifecycle() }
    return clock.now - start
}

/// A tracker configuration that stops the benchmark when a write fails, instead of counting an
/// unrecorded run as a fast one.
func failing() -> RunTrackerConfiguration {
    RunTrackerConfiguration(onRecordingFailure: { failure in fatalError("RunStoreLifecycles: \(failure)") })
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
}

func rate(_ count: Int, _ duration: Duration) -> Int { Int(Double(count) / seconds(duration)) }

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func usage(_ problem: String?) -> Never {
    if let problem { FileHandle.standardError.write(Data("RunStoreLifecycles: \(problem)\n".utf8)) }
    FileHandle.standardError.write(Data("usage: RunStoreLifecycles [--rounds N] [--lifecycles N] [--postgres-lifecycles N]\n".utf8))
    exit(problem == nil ? 0 : 2)
}
