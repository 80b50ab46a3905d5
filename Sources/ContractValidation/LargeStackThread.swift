import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread with a large stack, for work that reads records.
///
/// Records of recursive models are read one level at a time on the stack, and `validate --max-depth`
/// allows up to 10,000 levels; a debug build needs several kilobytes a level, more than the main
/// thread's 8 MiB and far more than a thread pool's threads get. Like compilers that do the same, it
/// reserves address space, not memory: pages are only used when touched. contractgen runs each
/// command on one, and `validate --jobs` judges each batch on one.
public final class LargeStackThread: @unchecked Sendable {
    // @unchecked: `thread` and `joined` are used by the creating thread only; `done` is atomic.
    /// The stack reserved: 256 MiB.
    public static let stackBytes = 256 << 20

    private let body: @Sendable () -> Void
    private let done = Atomic<Bool>(false)
    private var thread: pthread_t?
    private var joined = false

    /// Starts `body` on a new thread with a ``stackBytes`` stack; runs it on the calling thread before
    /// returning when no such thread can be made (an address-space limit, for one).
    public convenience init(_ body: @escaping @Sendable () -> Void) {
        self.init(body: body)
        if !start() { run() }
    }

    /// Starts `body` on a new thread with a ``stackBytes`` stack; nil when no such thread can be made,
    /// for callers whose `body` must not run on their own thread (it waits for them, say).
    public convenience init?(startingOrNil body: @escaping @Sendable () -> Void) {
        self.init(body: body)
        guard start() else { return nil }
    }

    private init(body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    /// Starts the thread; false when it cannot be made.
    private func start() -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, Self.stackBytes) == 0 else { return false }
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
        var created: pthread_t?
        #else
        var created = pthread_t()
        #endif
        let status = pthread_create(&created, &attributes, { context in
            let thread = Unmanaged<LargeStackThread>.fromOpaque(context!).takeRetainedValue()
            thread.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<LargeStackThread>.fromOpaque(context).release()
            return false
        }
        thread = created
        return true
    }

    /// Runs `body` on a large-stack thread and waits for it.
    public static func run(_ body: @escaping @Sendable () -> Void) {
        LargeStackThread(body).join()
    }

    private func run() {
        body()
        done.store(true, ordering: .releasing)
    }

    /// Whether `body` has returned.
    public var isDone: Bool { done.load(ordering: .acquiring) }

    /// Waits for the thread to end; later calls return at once.
    public func join() {
        guard !joined else { return }
        joined = true
        if let thread { pthread_join(thread, nil) }
    }
}
