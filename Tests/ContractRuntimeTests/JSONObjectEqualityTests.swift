import ContractRuntime
import Testing

/// A JSON object is unordered for equality and hashing (RFC 8259) and ordered for writing.
@Suite struct JSONObjectEqualityTests {
    private func hash(_ value: some Hashable) -> Int {
        var hasher = Hasher()
        hasher.combine(value)
        return hasher.finalize()
    }

    @Test func objectsWithTheSameMembersInAnotherOrderAreEqual() {
        let ab: JSONValue = ["a": 1, "b": "x"]
        let ba: JSONValue = ["b": "x", "a": 1]
        #expect(ab == ba)
    }

    @Test func equalObjectsInAnotherOrderHashAlike() {
        let ab: JSONObject = ["a": 1, "b": [true, nil], "c": ["d": 2.5]]
        let cba: JSONObject = ["c": ["d": 2.5], "b": [true, nil], "a": 1]
        #expect(hash(ab) == hash(cba))
        #expect(hash(JSONValue.object(ab)) == hash(JSONValue.object(cba)))
        #expect(Set([JSONValue.object(ab), .object(cba)]).count == 1)
    }

    @Test func objectsThatDifferInOneValueOrOneKeyAreNotEqual() {
        let object: JSONValue = ["a": 1, "b": 2]
        #expect(object != ["b": 2, "a": 3])
        #expect(object != ["b": 2, "c": 1])
        #expect(object != ["a": 1])
        #expect(object != ["a": 1, "b": 2, "c": 3])
        #expect(JSONValue.object([:]) != ["a": nil])
    }

    @Test func objectsAreUnorderedAtEveryDepth() {
        let left: JSONValue = ["outer": ["x": [["p": 1, "q": 2]], "y": nil], "z": true]
        let right: JSONValue = ["z": true, "outer": ["y": nil, "x": [["q": 2, "p": 1]]]]
        #expect(left == right)
        #expect(hash(left) == hash(right))
    }

    @Test func arraysStayOrdered() {
        #expect(JSONValue.array([1, 2]) != [2, 1])
        #expect(JSONValue.array([["a": 1], ["b": 2]]) != [["b": 2], ["a": 1]])
    }

    @Test func oneAndOnePointZeroStayDifferentInsideObjectsInAnyOrder() {
        let left: JSONValue = ["a": 1, "b": 2]
        #expect(left != ["b": 2, "a": 1.0])
        #expect(left == ["b": 2, "a": 1])
    }

    @Test func keysThatDifferOnlyInNormalizationStayDifferentMembers() {
        let nfc = "\u{E9}", nfd = "e\u{301}"
        let object = JSONObject([(nfc, 1), (nfd, 2)])
        #expect(object == JSONObject([(nfd, 2), (nfc, 1)]))
        #expect(object != JSONObject([(nfd, 1), (nfc, 2)]))
        #expect(JSONObject([(nfc, 1)]) != JSONObject([(nfd, 1)]))
        #expect(hash(JSONObject([(nfc, 1)])) != hash(JSONObject([(nfd, 1)])))
    }

    @Test func largeObjectsInOppositeOrdersCompareEqualInLinearTime() throws {
        let members = (0..<20_000).map { "\"key\($0)\":\($0)" }
        let forward = try #require(try JSONValue(jsonString: "{" + members.joined(separator: ",") + "}").objectValue)
        let backward = try #require(try JSONValue(jsonString: "{" + members.reversed().joined(separator: ",") + "}").objectValue)
        let changed = try #require(try JSONValue(jsonString: "{\"key0\":-1," + members.dropFirst().reversed().joined(separator: ",") + "}")
            .objectValue)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(forward == backward)
            #expect(forward != changed)
            #expect(hash(forward) == hash(backward))
        }
        // Comparing key by key in a scan would take 200 million key comparisons here.
        #expect(elapsed < .seconds(5))
    }

    @Test func equalObjectsInAnotherOrderStillWriteTheirOwnOrder() throws {
        let ab: JSONValue = ["a": 1, "b": 2]
        let ba: JSONValue = ["b": 2, "a": 1]
        #expect(ab == ba)
        #expect(try ab.jsonString() == #"{"a":1,"b":2}"#)
        #expect(try ba.jsonString() == #"{"b":2,"a":1}"#)
        #expect(ba.objectValue?.keys == ["b", "a"])
    }

    @Test func theStrictReaderGivesEqualValuesForTheSameObjectInAnotherOrder() throws {
        let first = try JSONValue(jsonString: #"{"rows":1000,"columns":5,"meta":{"a":[1,{"x":null,"y":1.5}],"b":"s"}}"#)
        let second = try JSONValue(jsonString: #"{"meta":{"b":"s","a":[1,{"y":1.5,"x":null}]},"columns":5,"rows":1000}"#)
        #expect(first == second)
        #expect(hash(first) == hash(second))
    }

    @Test func plusAndMinusZeroAreEqualAndHashAlike() {
        #expect(JSONValue.double(0) == .double(-0.0))
        #expect(hash(JSONValue.double(0)) == hash(JSONValue.double(-0.0)))
    }

    @Test func everyNaNIsEqualAndHashesAlike() {
        let quiet = JSONValue.double(.nan), negative = JSONValue.double(-.nan), signaling = JSONValue.double(.signalingNaN)
        #expect(quiet == negative && quiet == signaling)
        #expect(hash(quiet) == hash(negative))
        #expect(hash(quiet) == hash(signaling))
    }
}
