import ContractRunTracking
import Synchronization

/// Collects the recording failures a tracker reports.
final class FailureLog: Sendable {
    private let failures = Mutex<[RunRecordingFailure.Stage]>([])
    var stages: [RunRecordingFailure.Stage] { failures.withLock { $0 } }
    func append(_ failure: RunRecordingFailure) { failures.withLock { $0.append(failure.stage) } }
}
