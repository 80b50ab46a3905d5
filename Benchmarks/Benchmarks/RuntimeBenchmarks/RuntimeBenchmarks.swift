import Benchmark
import ContractRuntime
import ExecutionContracts

/// Lifecycle checks on the generated `TaskStatus`: `canTransition(to:)` and an allowed `transition(to:)`
/// are switches and must allocate nothing (mallocCountTotal 0); tracked finishing takes one lock.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal],
                                           maxDuration: .seconds(5), maxIterations: 1_000)
    let states = TaskStatus.allCases

    Benchmark("canTransition over every pair of TaskStatus states", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            var allowed = 0
            for from in states {
                for to in states where from.canTransition(to: identity(to)) {
                    allowed += 1
                }
            }
            blackHole(allowed)
        }
    }

    Benchmark("allowed transition(to:) along pending → running → completed", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            do {
                let running = try identity(TaskStatus.pending).transition(to: identity(.running))
                blackHole(try running.transition(to: identity(.completed)))
            } catch {
                fatalError("the schema allows this path: \(error)")
            }
        }
    }

    Benchmark("TrackedStatus advance and finish, then a repeated finish", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let status = TrackedStatus<TaskStatus>()
        for _ in benchmark.scaledIterations {
            do {
                try status.advance(to: .running)
                blackHole(try status.finish(.completed))
                blackHole(try status.finish(.failed))
                // Back to the start without a check, so every iteration measures the same path.
                status.advance { _ in .pending }
            } catch {
                fatalError("the lifecycle allows this path: \(error)")
            }
        }
    }

    Benchmark("RetryPolicy.delay with full jitter", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let policy = RetryPolicy(maxRetries: 10, initialDelay: .milliseconds(100), maxDelay: .seconds(60), jitter: .full)
        var generator = SplitMix64(seed: 1)
        for _ in benchmark.scaledIterations {
            blackHole(policy.delay(beforeRetry: 5, using: &generator))
        }
    }
}
