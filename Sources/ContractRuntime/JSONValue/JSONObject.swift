/// The members of a JSON object, in insertion order.
///
/// Keys are unique and compared exactly, by their UTF-8 bytes (so NFC and NFD spellings of a key are
/// two keys, as they are in JSON): setting an existing key replaces its value in place. Lookups scan the
/// members, which is faster than hashing for the small objects records hold and keeps building an
/// object allocation-light.
///
/// An object is unordered for equality and hashing, as RFC 8259 defines it: two objects are equal when
/// they have the same keys with equal values, in any order, and equal objects hash alike. The order is
/// kept for everything else: iteration, ``keys``, ``members`` and writing JSON follow insertion order.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member. A struct rather than a `(key:value:)` tuple, whose copies and destruction go through
    /// the runtime's generic tuple witnesses.
    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    /// The members, in order.
    var storage: JSONMembers

    /// The members, in order.
    public var members: [(key: String, value: JSONValue)] {
        storage.map { (key: $0.key, value: $0.value) }
    }

    /// An empty object.
    public init() {
        storage = JSONMembers()
    }

    /// An object with `members` in order; a repeated key keeps its first position and last value.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.init()
        for (key, value) in members {
            self[key] = value
        }
    }

    /// Members whose keys are already known to be distinct (the strict reader refuses duplicates).
    init(uniqueMembers members: JSONMembers) {
        storage = members
    }

    /// An object with the literal's members, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The keys, in order.
    public var keys: [String] { storage.map { $0.key } }
    /// The number of members.
    public var count: Int { storage.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { storage.isEmpty }

    /// The value for `key`; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { storage[$0].value } }
        set {
            if let index = index(of: key) {
                if let newValue {
                    storage.setValue(newValue, at: index)
                } else {
                    storage.remove(at: index)
                }
            } else if let newValue {
                storage.append(Member(key: key, value: newValue))
            }
        }
    }

    private func index(of key: String) -> Int? {
        storage.firstIndex { Self.sameKey($0.key, key) }
    }

    /// Exact key equality: the same UTF-8 bytes (Swift's `==` would also equate NFC and NFD forms).
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// Iterates the members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        members.makeIterator()
    }

    /// Hashes a key consistently with ``sameKey(_:_:)``: by its UTF-8 bytes.
    static func hashKey(_ key: String, into hasher: inout Hasher) {
        hasher.combine(key.utf8.count)
        for byte in key.utf8 { hasher.combine(byte) }
    }

    /// Whether the two objects have the same keys (byte for byte) with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let count = lhs.storage.count
        guard count == rhs.storage.count else { return false }
        // Objects from one producer usually share their order: compare in step until the keys part.
        var start = 0
        while start < count, sameKey(lhs.storage[start].key, rhs.storage[start].key) {
            guard lhs.storage[start].value == rhs.storage[start].value else { return false }
            start += 1
        }
        return start == count || lhs.hasSameMembersUnordered(as: rhs, from: start)
    }

    /// Whether the members from `start` on match `other`'s from `start` on, in any order; both objects
    /// have the same count and matching keys before `start`, so the remaining keys can only match each other.
    private func hasSameMembersUnordered(as other: JSONObject, from start: Int) -> Bool {
        let remaining = other.storage[start...]
        // A scan per key for a few keys; past that a table, so large objects compare in linear time.
        if remaining.count <= 16 {
            return storage[start...].allSatisfy { member in
                remaining.contains { Self.sameKey($0.key, member.key) && $0.value == member.value }
            }
        }
        var valuesByKey: [ExactKey: JSONValue] = [:]
        valuesByKey.reserveCapacity(remaining.count)
        for member in remaining { valuesByKey[ExactKey(member.key)] = member.value }
        return storage[start...].allSatisfy { valuesByKey[ExactKey($0.key)] == $0.value }
    }

    /// Hashes the members regardless of their order, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        // Each member is hashed by a copy of `hasher` (so it depends on the seed, as Dictionary's does)
        // and the member hashes are summed, which does not depend on their order.
        var membersHash = 0
        for member in storage {
            var memberHasher = hasher
            Self.hashKey(member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            membersHash &+= memberHasher.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(membersHash)
    }
}

/// A key as a table key that is equal and hashed by its UTF-8 bytes, as ``JSONObject`` compares keys
/// (`String`'s own `==` and hash equate canonically equivalent spellings).
private struct ExactKey: Hashable {
    let key: String

    init(_ key: String) {
        self.key = key
    }

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
        JSONObject.sameKey(lhs.key, rhs.key)
    }

    func hash(into hasher: inout Hasher) {
        JSONObject.hashKey(key, into: &hasher)
    }
}
