/// The members of a ``JSONObject``, in order: one allocation, copied on write, and nothing at all for an
/// empty object.
///
/// Not an `Array`: an array of members is destroyed by the runtime's generic `swift_arrayDestroy`, which
/// calls the member type's value witness once a member, and a tree of parsed records spent a sixth of its
/// time being freed. The buffer here drops its members in a loop the compiler specializes (each member
/// moved out and destroyed directly), and is made at its exact size in one step when an object is read.
struct JSONMembers: @unchecked Sendable, RandomAccessCollection {
    // @unchecked: `ManagedBuffer` is not `Sendable`. A buffer is changed only while uniquely referenced
    // (copy on write), never once shared, and its members are `Sendable`.
    typealias Member = JSONObject.Member

    /// How many members a buffer holds, and how many it has room for.
    struct Header {
        var count: Int
        var capacity: Int
    }

    /// The members' storage.
    final class Buffer: ManagedBuffer<Header, Member> {
        deinit {
            withUnsafeMutablePointers { header, members in
                // Moved out and dropped one by one, which calls the member's own destroy directly;
                // `deinitialize(count:)` would go through the generic runtime function this type avoids.
                for index in 0..<header.pointee.count { _ = (members + index).move() }
            }
        }

        /// A buffer with room for `capacity` members and none yet.
        static func make(capacity: Int) -> Buffer {
            // `create` makes an instance of the class it is called on: this one.
            unsafeDowncast(Buffer.create(minimumCapacity: capacity) { _ in Header(count: 0, capacity: capacity) },
                           to: Buffer.self)
        }
    }

    private var buffer: Buffer?

    /// No members.
    init() {}

    /// `count` members, written by `initialize` at the address it is given: it must initialize all of them.
    @inline(__always)
    init(count: Int, initializingWith initialize: (UnsafeMutablePointer<Member>) -> Void) {
        guard count > 0 else { return }
        let buffer = Buffer.make(capacity: count)
        buffer.withUnsafeMutablePointers { header, members in
            initialize(members)
            header.pointee.count = count
        }
        self.buffer = buffer
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer?.header.count ?? 0 }

    subscript(index: Int) -> Member {
        precondition(index >= 0 && index < endIndex, "JSONMembers index out of range")
        return buffer.unsafelyUnwrapped.withUnsafeMutablePointerToElements { $0[index] }
    }

    /// Replaces the value of the member at `index`.
    mutating func setValue(_ value: JSONValue, at index: Int) {
        precondition(index >= 0 && index < endIndex, "JSONMembers index out of range")
        makeUnique(capacity: endIndex)
        buffer.unsafelyUnwrapped.withUnsafeMutablePointerToElements { $0[index].value = value }
    }

    /// Adds `member` after the others.
    mutating func append(_ member: Member) {
        let count = endIndex
        makeUnique(capacity: count + 1)
        buffer.unsafelyUnwrapped.withUnsafeMutablePointers { header, members in
            (members + count).initialize(to: member)
            header.pointee.count = count + 1
        }
    }

    /// Removes the member at `index`, keeping the others' order.
    mutating func remove(at index: Int) {
        let count = endIndex
        precondition(index >= 0 && index < count, "JSONMembers index out of range")
        makeUnique(capacity: count)
        buffer.unsafelyUnwrapped.withUnsafeMutablePointers { header, members in
            _ = (members + index).move()
            (members + index).moveInitialize(from: members + index + 1, count: count - index - 1)
            header.pointee.count = count - 1
        }
    }

    /// Makes the buffer this value's own (copying the members when it is shared), with room for at least
    /// `capacity` members.
    private mutating func makeUnique(capacity: Int) {
        let isUnique = isKnownUniquelyReferenced(&buffer)
        if isUnique, let buffer, buffer.header.capacity >= capacity { return }
        let count = endIndex
        let larger = Buffer.make(capacity: Swift.max(capacity, count * 2, 4))
        if let old = buffer {
            larger.withUnsafeMutablePointers { header, members in
                old.withUnsafeMutablePointers { oldHeader, oldMembers in
                    if isUnique {
                        // Ours alone: moved, and the old buffer left with nothing to drop.
                        members.moveInitialize(from: oldMembers, count: count)
                        oldHeader.pointee.count = 0
                    } else {
                        members.initialize(from: oldMembers, count: count)
                    }
                }
                header.pointee.count = count
            }
        }
        buffer = larger
    }
}
