/// A growable stack for the reader's bookkeeping and for building trees of values.
///
/// Unlike `Array`, it checks no uniqueness on each change, shortens without going through
/// `replaceSubrange`, and hands its top elements over by moving them: the slots left behind are
/// simply forgotten, instead of holding placeholders that are destroyed one by one later.
/// Storage is allocated on the first push, so an unused stack costs nothing.
// @usableFromInline with an inlinable deinit: readers are created and destroyed in inlinable code
// (`JSONReader.withReader`), which may only inline what it can see.
@usableFromInline
struct MoveStack<Element>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>?
    @usableFromInline var capacity: Int
    /// The number of elements on the stack.
    @usableFromInline var count = 0

    /// An empty stack that allocates room for `initialCapacity` elements on its first push.
    init(initialCapacity: Int) {
        capacity = 0
        self.initialCapacity = Swift.max(initialCapacity, 1)
    }

    /// An empty stack whose first elements go in `storage` (the caller's stack memory, say), which must
    /// outlive the stack and which the stack never frees; past its capacity the elements move to the heap.
    @usableFromInline
    init(startingIn storage: UnsafeMutableBufferPointer<Element>) {
        base = storage.baseAddress
        capacity = storage.count
        initialCapacity = Swift.max(storage.count, 1)
        ownsStorage = false
    }

    @usableFromInline let initialCapacity: Int
    /// False while the elements are in storage the stack was lent (``init(startingIn:)``).
    @usableFromInline var ownsStorage = true

    @inlinable
    deinit {
        if let base {
            base.deinitialize(count: count)
            if ownsStorage { base.deallocate() }
        }
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count &+= 1
    }

    @inline(never)
    private mutating func grow(toAtLeast needed: Int = 0) {
        var newCapacity = capacity == 0 ? initialCapacity : capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            larger.moveInitialize(from: base, count: count)
            if ownsStorage { base.deallocate() }
        }
        base = larger
        capacity = newCapacity
        ownsStorage = true
    }

    /// The element at `index`, which must be below `count`.
    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "MoveStack index out of range")
            return UnsafePointer(base.unsafelyUnwrapped + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "MoveStack index out of range")
            return base.unsafelyUnwrapped + index
        }
    }

    /// Removes and returns the top element.
    @inline(__always)
    @discardableResult
    mutating func removeLast() -> Element {
        precondition(count > 0, "MoveStack is empty")
        count &-= 1
        return (base.unsafelyUnwrapped + count).move()
    }

    /// Removes the elements from `start` to the top.
    @inline(__always)
    mutating func truncate(to start: Int) {
        precondition(start >= 0 && start <= count)
        if start < count {
            (base.unsafelyUnwrapped + start).deinitialize(count: count &- start)
            count = start
        }
    }

    /// Moves the elements from `start` to the top into a new array of exactly that size.
    @inline(__always)
    mutating func popArray(from start: Int) -> [Element] {
        let taken = count &- start
        precondition(start >= 0 && taken >= 0)
        var array: [Element] = []
        guard taken > 0 else { return array }
        let source = base.unsafelyUnwrapped + start
        count = start
        // Not `Array(unsafeUninitializedCapacity:)`: that calls an unspecialized allocator in the
        // standard library, which looks up the array's type metadata on every call.
        array.reserveCapacity(taken)
        for index in 0..<taken { array.append((source + index).move()) }
        return array
    }

    /// Room for `extra` more elements after the top, valid until the next push: the caller initializes
    /// some of them and then calls ``didAppend(_:)`` with how many.
    @inline(__always)
    mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<Element> {
        if count &+ extra > capacity { grow(toAtLeast: count &+ extra) }
        return base.unsafelyUnwrapped + count
    }

    /// Counts the `appended` elements the caller initialized in the room ``reserve(_:)`` gave.
    @inline(__always)
    mutating func didAppend(_ appended: Int) {
        precondition(appended >= 0 && count &+ appended <= capacity)
        count &+= appended
    }

    /// The elements, valid until the next push or pop.
    var elements: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// The elements and the room allocated after them (up to `capacity`), valid until the next push or pop;
    /// for a stack of bytes whose room past `count` is read, never used (as a string's padding is).
    var elementsAndRoom: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: capacity)
    }

    /// A pointer to the element at `index` (at most `count`), valid until the next push.
    @inline(__always)
    func pointer(at index: Int) -> UnsafeMutablePointer<Element> {
        precondition(index >= 0 && index <= count && (base != nil || index == 0))
        return base.unsafelyUnwrapped + index
    }

    /// A pointer to the last element, nil when there is none; valid until the next push or pop.
    @inlinable @inline(__always)
    var lastPointer: UnsafeMutablePointer<Element>? {
        count > 0 ? base.unsafelyUnwrapped + (count &- 1) : nil
    }

    /// Shortens the stack to `start` elements, whose slots above the caller has already moved out of.
    @inline(__always)
    mutating func forgetMoved(from start: Int) {
        precondition(start >= 0 && start <= count)
        count = start
    }
}
