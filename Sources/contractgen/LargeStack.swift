import Foundation

/// Runs contractgen's work on a thread with a large stack.
///
/// Records of recursive models are read one level at a time on the stack, and `validate --max-depth`
/// allows up to ``NumericOption/jsonDepthCeiling`` levels; a debug build needs several kilobytes a
/// level, more than the main thread's 8 MiB. Like compilers that do the same, contractgen reserves
/// address space, not memory: pages are only used when touched.
enum LargeStack {
    /// The stack reserved: 256 MiB.
    static let size = 256 << 20

    /// Runs `body` on a thread with a ``size`` stack and waits for it; runs it on the calling thread
    /// when no such thread can be made (an address-space limit, for one).
    static func run(_ body: @escaping @Sendable () -> Void) {
        final class Work: @unchecked Sendable {
            // @unchecked: written before the thread starts, then only read by that thread.
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return body() }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, size) == 0 else { return body() }
        let work = Unmanaged.passRetained(Work(body))
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body()
            return nil
        }, work.toOpaque())
        guard created == 0 else {
            work.release()
            return body()
        }
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    }
}
