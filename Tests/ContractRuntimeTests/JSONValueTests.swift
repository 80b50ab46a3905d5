import ContractRuntime
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func writingKeepsKeyOrderAndTellsIntsFromDoubles() throws {
        let value: JSONValue = ["b": 1, "a": 1.0, "c": [nil, true, "x\n"]]
        #expect(try value.jsonString() == #"{"b":1,"a":1.0,"c":[null,true,"x\n"]}"#)
    }

    @Test func parsingReadsEveryKind() throws {
        let value = try JSONValue(jsonString: #"{"n":null,"b":false,"i":-3,"d":2.5,"s":"t","a":[1]}"#)
        #expect(value["i"]?.int64Value == -3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?[0] == 1)
        #expect(value["s"]?.stringValue == "t")
    }

    @Test func aNonFiniteDoubleCannotBeWritten() {
        #expect(throws: EncodingError.self) { try JSONValue.double(.infinity).jsonUTF8Data() }
    }

    @Test func settingAnExistingKeyKeepsItsPosition() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        #expect(object.keys == ["a", "b", "c"])
        object["b"] = nil
        #expect(object.keys == ["a", "c"] && object["c"] == 4)
    }

    @Test func theValueEncoderSortsDictionariesByKey() throws {
        #expect(try JSONValueEncoder().encode(["z": 1, "a": 2] as [String: Int]) == ["a": 2, "z": 1])
    }
}
