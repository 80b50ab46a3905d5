import ContractRuntime
import Testing

/// `JSONObject` keeps its members in a buffer of its own, copied on write (not an `Array`). Every change
/// must behave as on an ordered list of members: setting an existing key replaces its value in place,
/// setting a new one appends it, setting nil removes it, and a copy taken before a change never sees it,
/// whichever copy changes and however many share the buffer.
@Suite struct JSONObjectStorageTests {
    /// The reference: the members as a plain list, changed as `JSONObject` documents.
    struct Reference {
        var members: [(key: String, value: JSONValue)] = []

        mutating func set(_ key: String, _ value: JSONValue?) {
            let index = members.firstIndex { $0.key.utf8.elementsEqual(key.utf8) }
            switch (index, value) {
            case let (index?, value?): members[index].value = value
            case let (index?, nil): members.remove(at: index)
            case let (nil, value?): members.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    static func expectSame(_ object: JSONObject, _ reference: Reference, _ context: String) {
        #expect(object.count == reference.members.count, "\(context)")
        #expect(object.isEmpty == reference.members.isEmpty, "\(context)")
        #expect(object.keys == reference.members.map(\.key), "\(context)")
        #expect(object.members.map(\.value) == reference.members.map(\.value), "\(context)")
        #expect(Array(object).map(\.key) == reference.members.map(\.key), "\(context)")
        for member in reference.members { #expect(object[member.key] == member.value, "\(context)") }
        #expect(object == JSONObject(reference.members), "\(context)")
    }

    /// Keys, some of them long enough to be allocated, and NFC and NFD spellings, which are two keys.
    static let keys = ["a", "b", "é", "e\u{301}", "a key longer than fifteen bytes", "日本語のキー", ""]

    static func randomValue(_ generator: inout some RandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return .null
        case 1: return .int(Int64.random(in: -5...5, using: &generator))
        case 2: return .string(String(repeating: "値", count: Int.random(in: 0...12, using: &generator)))
        case 3: return .array([.bool(true), .string("an element long enough to be allocated")])
        case 4: return ["nested": .string("x"), "n": 1]
        default: return .double(0.5)
        }
    }

    @Test func randomChangesMatchTheReferenceAndNeverReachACopy() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            var object = JSONObject()
            var reference = Reference()
            var snapshots: [(JSONObject, Reference)] = []
            for step in 0..<Int.random(in: 1...40, using: &generator) {
                let key = Self.keys.randomElement(using: &generator)!
                let value: JSONValue? = Int.random(in: 0..<4, using: &generator) == 0 ? nil : Self.randomValue(&generator)
                if Int.random(in: 0..<5, using: &generator) == 0 { snapshots.append((object, reference)) }
                // Sometimes the copy changes and the original stays as the snapshot.
                if Bool.random(using: &generator), let (copy, copyReference) = snapshots.last {
                    var changed = copy
                    var changedReference = copyReference
                    changed[key] = value
                    changedReference.set(key, value)
                    Self.expectSame(changed, changedReference, "round \(round) step \(step), a copy changed")
                }
                object[key] = value
                reference.set(key, value)
                Self.expectSame(object, reference, "round \(round) step \(step)")
            }
            for (index, (snapshot, snapshotReference)) in snapshots.enumerated() {
                Self.expectSame(snapshot, snapshotReference, "round \(round), snapshot \(index)")
            }
        }
    }

    @Test func anObjectReadFromTextChangesWithoutTouchingItsCopies() throws {
        let text = #"{"first":"a string longer than fifteen bytes","second":[1,2],"third":{"x":null}}"#
        let read = try JSONValue(jsonString: text)
        guard case .object(let original) = read else {
            Issue.record("not an object")
            return
        }
        var changed = original
        changed["second"] = nil
        changed["fourth"] = 4
        changed["first"] = "short"
        #expect(changed.keys == ["first", "third", "fourth"])
        #expect(changed["first"] == "short")
        #expect(original.keys == ["first", "second", "third"])
        #expect(original["first"] == "a string longer than fifteen bytes")
        #expect(try JSONValue.object(original).jsonString() == text)
        #expect(read == (try JSONValue(jsonString: text)))
        // Removing every member, then adding again, from an object read from text and from an empty one.
        for start in [original, JSONObject()] {
            var object = start
            for key in object.keys { object[key] = nil }
            #expect(object.isEmpty && object.keys.isEmpty)
            object["again"] = true
            #expect(object.members.count == 1 && object["again"] == true)
        }
        #expect(original.count == 3)
    }

    @Test func manyMembersGrowAndShrinkInOrder() {
        var object = JSONObject()
        for index in 0..<1000 { object["key \(index)"] = .int(Int64(index)) }
        let full = object
        for index in stride(from: 0, to: 1000, by: 2) { object["key \(index)"] = nil }
        #expect(object.keys == stride(from: 1, to: 1000, by: 2).map { "key \($0)" })
        #expect(full.count == 1000 && full["key 0"] == 0 && full["key 998"] == 998)
        #expect(full.keys == (0..<1000).map { "key \($0)" })
    }
}
