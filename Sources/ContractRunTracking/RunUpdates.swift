import ContractRuntime
import Foundation
import Synchronization

/// One change of one run, as the dashboard feed's `execution_update` message.
public struct RunUpdate: Sendable, Hashable {
    /// The run as stored after the change.
    public var run: AgentRun
    /// The run as an `execution_update` message (see ``ExecutionUpdate/init(run:)`` for the mapping).
    public var message: ExecutionUpdate

    /// The update for `run`.
    public init(run: AgentRun) {
        self.run = run
        self.message = ExecutionUpdate(run: run)
    }
}

/// The run changes a ``RunTracker`` publishes, for one subscriber.
///
/// Slow consumers: each subscription buffers at most `bufferSize` updates. When the buffer is full the
/// OLDEST buffered update is dropped to make room and counted in ``droppedCount``, so a consumer that
/// falls behind sees the newest state of every active run rather than blocking the work being tracked.
/// A run's updates are published in order (queued, running, terminal) and are never reordered; a slow
/// consumer may miss some of them, never see them swapped.
public struct RunUpdates: AsyncSequence, Sendable {
    public typealias Element = RunUpdate
    public typealias Failure = Never

    let stream: AsyncStream<RunUpdate>
    let drops: DropCounter

    /// How many updates this subscription dropped because its buffer was full.
    public var droppedCount: Int { drops.value }

    public func makeAsyncIterator() -> AsyncStream<RunUpdate>.Iterator {
        stream.makeAsyncIterator()
    }
}

/// A shared count of dropped updates.
final class DropCounter: Sendable {
    private let count = Atomic<Int>(0)
    var value: Int { count.load(ordering: .relaxed) }
    func increment() { count.add(1, ordering: .relaxed) }
}

/// Fans run changes out to every subscription.
final class RunUpdateFeed: Sendable {
    private struct Subscriber {
        var continuation: AsyncStream<RunUpdate>.Continuation
        var drops: DropCounter
    }

    private struct State {
        var nextID: UInt64 = 0
        var subscribers: [UInt64: Subscriber] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    /// A new subscription that receives every update published from now on.
    func subscribe(bufferSize: Int) -> RunUpdates {
        let (stream, continuation) = AsyncStream.makeStream(of: RunUpdate.self,
                                                             bufferingPolicy: .bufferingNewest(max(1, bufferSize)))
        let drops = DropCounter()
        let id: UInt64? = state.withLock { state in
            guard !state.isClosed else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = Subscriber(continuation: continuation, drops: drops)
            return state.nextID
        }
        if let id {
            continuation.onTermination = { [weak self] _ in
                _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
            }
        } else {
            continuation.finish()
        }
        return RunUpdates(stream: stream, drops: drops)
    }

    /// Sends `run` to every subscription. Yielding under the lock keeps one order across subscriptions;
    /// without subscriptions no update is built.
    func publish(_ run: AgentRun) {
        state.withLock { state in
            guard !state.subscribers.isEmpty else { return }
            let update = RunUpdate(run: run)
            for subscriber in state.subscribers.values {
                if case .dropped = subscriber.continuation.yield(update) {
                    subscriber.drops.increment()
                }
            }
        }
    }

    /// Ends every subscription; later subscriptions end at once.
    func close() {
        let continuations = state.withLock { state in
            state.isClosed = true
            defer { state.subscribers = [:] }
            return state.subscribers.values.map(\.continuation)
        }
        for continuation in continuations { continuation.finish() }
    }
}

extension ExecutionUpdate {
    /// `run` as the dashboard's `execution_update` message:
    /// - `id`: ``feedID(forRunID:)``, a stable positive number for the run's string id;
    /// - `execution_type`: the run's source (`chat`, `skill`, `heartbeat`), kept by the open enum;
    /// - `status`: queued → pending, running → running, success → succeeded, and error, timeout and
    ///   canceled → failed (the feed has no cancelled or timeout state);
    /// - `started_at`: null while queued, as the feed's rules require; `error`: the run's error message;
    /// - `agent_id` and `output`: null (a run stores neither).
    public init(run: AgentRun) {
        let status: ExecutionStatus = switch run.status {
        case .queued: .pending
        case .running: .running
        case .success: .succeeded
        case .error, .timeout, .canceled: .failed
        }
        let error = status == .failed ? (run.errorMessage ?? run.errorCode?.defaultMessage ?? run.status.rawValue) : nil
        self.init(type: .executionUpdate,
                  data: ExecutionUpdateData(id: Self.feedID(forRunID: run.id),
                                            executionType: ExecutionType(rawValue: run.source.rawValue),
                                            status: status, agentId: nil,
                                            startedAt: status == .pending ? nil : run.startedAt,
                                            output: nil, error: error))
    }

    /// A positive 63-bit id for a run id (FNV-1a), the same in every process, since the feed's ids are
    /// integers and run ids are text. ``RunUpdate/run`` carries the exact id.
    public static func feedID(forRunID id: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let positive = Int64(bitPattern: hash & UInt64(Int64.max))
        return positive == 0 ? 1 : positive
    }
}
