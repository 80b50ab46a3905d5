import Foundation

/// How a ``RunTracker`` records runs.
public struct RunTrackerConfiguration: Sendable {
    /// The default bound on a run's metadata: 8 KiB of JSON (the seed's "metadata 严格控量").
    public static let defaultMetadataLimitBytes = 8 * 1024
    /// The default number of updates a slow subscriber may have waiting before the oldest is dropped.
    public static let defaultUpdateBufferSize = 256

    /// Whether runs are recorded at all. When false, ``RunTracker/withRun(source:sourceRef:sessionID:metadata:timeout:_:)``
    /// runs the body exactly as when true (same timeout, same result, same error) but writes and publishes nothing.
    public var isEnabled: Bool
    /// The largest metadata, in bytes of compact JSON, a run may carry.
    public var metadataLimitBytes: Int
    /// Per-subscription buffer of ``RunTracker/updates(bufferSize:)``.
    public var updateBufferSize: Int
    /// Makes run ids; by default lowercase UUIDs.
    public var makeRunID: @Sendable () -> String
    /// The wall clock for `started_at` and `finished_at` (durations use `ContinuousClock`).
    public var now: @Sendable () -> Date
    /// Told when the store fails to record a run; the body's result is never affected. A run whose finish
    /// could not be written stays running until ``RunTracker/sweepStale(olderThan:now:)`` closes it.
    public var onRecordingFailure: (@Sendable (RunRecordingFailure) -> Void)?

    /// Creates a configuration.
    public init(isEnabled: Bool = true,
                metadataLimitBytes: Int = RunTrackerConfiguration.defaultMetadataLimitBytes,
                updateBufferSize: Int = RunTrackerConfiguration.defaultUpdateBufferSize,
                makeRunID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() },
                now: @escaping @Sendable () -> Date = { Date() },
                onRecordingFailure: (@Sendable (RunRecordingFailure) -> Void)? = nil) {
        self.isEnabled = isEnabled
        self.metadataLimitBytes = metadataLimitBytes
        self.updateBufferSize = updateBufferSize
        self.makeRunID = makeRunID
        self.now = now
        self.onRecordingFailure = onRecordingFailure
    }

    /// This configuration with ``isEnabled`` read from the environment variable `name` (the service picks
    /// the name, e.g. `PROXYCAST_EXECUTION_TRACKER_ENABLED`); see ``isEnabled(byEnvironmentValue:)``.
    public func enabled(byEnvironmentVariable name: String,
                        environment: [String: String] = ProcessInfo.processInfo.environment) -> RunTrackerConfiguration {
        var copy = self
        copy.isEnabled = Self.isEnabled(byEnvironmentValue: environment[name])
        return copy
    }

    /// Whether a switch value leaves tracking on: `0`, `false`, `off` and `no` (any case, spaces
    /// trimmed) turn it off; unset, empty and every other value leave it on, the seed's default.
    public static func isEnabled(byEnvironmentValue value: String?) -> Bool {
        guard let value else { return true }
        let word = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return !["0", "false", "off", "no"].contains(word)
    }
}

/// A store operation that failed while a run was being recorded.
public struct RunRecordingFailure: Sendable, CustomStringConvertible {
    /// Which write failed: `start` creates the run and marks it running, `finish` ends it, `sweep` closes
    /// stale runs.
    public enum Stage: String, Sendable { case start, finish, sweep }

    /// Which write failed.
    public var stage: Stage
    /// The run's id; empty for a sweep, which concerns no single run.
    public var runID: String
    /// What the store threw.
    public var error: any Error

    /// `finish of run 1f2e…: <error>`.
    public var description: String {
        stage == .sweep ? "sweep of stale runs: \(error)" : "\(stage.rawValue) of run \(runID): \(error)"
    }
}

/// A run the tracker refuses to start.
public enum RunTrackingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The metadata is larger than ``RunTrackerConfiguration/metadataLimitBytes``.
    case metadataTooLarge(bytes: Int, limit: Int)
    /// The metadata cannot be written as JSON (e.g. a non-finite number).
    case metadataNotJSON(String)

    /// A one-line description.
    public var description: String {
        switch self {
        case .metadataTooLarge(let bytes, let limit):
            "run metadata is \(bytes) bytes of JSON; the limit is \(limit) bytes (RunTrackerConfiguration.metadataLimitBytes)"
        case .metadataNotJSON(let reason):
            "run metadata is not writable as JSON: \(reason)"
        }
    }
}
