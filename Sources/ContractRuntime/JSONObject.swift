/// The members of a JSON object, in insertion order.
///
/// Keys are unique and compared exactly, by their UTF-8 bytes (so NFC and NFD spellings of a key are
/// two keys, as they are in JSON): setting an existing key replaces its value in place. Two objects are
/// equal when they hold the same members in the same order. Lookups scan the members, which is faster
/// than hashing for the small objects records hold and keeps building an object allocation-light.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One member. A struct rather than a `(key:value:)` tuple: arrays of tuples are destroyed through
    /// the runtime's generic tuple witnesses, member by member, which made freeing parsed records slow.
    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    /// The members, in order.
    var storage: [Member]

    /// The members, in order.
    public var members: [(key: String, value: JSONValue)] {
        storage.map { (key: $0.key, value: $0.value) }
    }

    /// An empty object.
    public init() {
        storage = []
    }

    /// An object with `members` in order; a repeated key keeps its first position and last value.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.init()
        for (key, value) in members {
            self[key] = value
        }
    }

    /// Members whose keys are already known to be distinct (the strict reader refuses duplicates).
    init(uniqueMembers members: [Member]) {
        storage = members
    }

    /// An object with the literal's members, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The keys, in order.
    public var keys: [String] { storage.map(\.key) }
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
                    storage[index].value = newValue
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

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage.elementsEqual(rhs.storage) { sameKey($0.key, $1.key) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for member in storage {
            hasher.combine(member.key.utf8.count)
            for byte in member.key.utf8 { hasher.combine(byte) }
            hasher.combine(member.value)
        }
    }
}
