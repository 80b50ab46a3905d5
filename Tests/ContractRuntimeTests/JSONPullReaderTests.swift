import ContractRuntime
import Testing

/// The pull API that generated decoders use to read a document without building a tree.
@Suite struct JSONPullReaderTests {
    /// The fields of a `TaskStepResult`, read the way a generated decoder would.
    struct StepFields: Equatable {
        var step = "", result: JSONValue = nil, completed = false, message = "", status = ""
        var errorCode: String? = nil, errorMessage: String? = nil
    }

    static func readStep(_ text: String) throws -> StepFields {
        try JSONReader.withReader(reading: text.utf8) { reader in
            var fields = StepFields()
            try reader.beginObject()
            while let key = try reader.nextKey() {
                if key.matches("step") { fields.step = try reader.readString() }
                else if key.matches("result") { fields.result = try reader.readValue() }
                else if key.matches("completed") { fields.completed = try reader.readBool() }
                else if key.matches("message") { fields.message = try reader.readString() }
                else if key.matches("status") { fields.status = try reader.readString() }
                else if key.matches("error_code") { fields.errorCode = try reader.readNullIfPresent() ? nil : try reader.readString() }
                else if key.matches("error_message") { fields.errorMessage = try reader.readNullIfPresent() ? nil : try reader.readString() }
                else { throw reader.error(.typeMismatch, "unknown key \(key.string)") }
            }
            try reader.expectEnd()
            return fields
        }
    }

    @Test func readsATaskStepResultKeyByKey() throws {
        let fields = try Self.readStep("""
            {"step": "fetch", "result": {"items": [1, 2.5, "x"], "ok": true}, "completed": false,
             "message": "", "status": "failed", "error_code": "E003", "error_message": null}
            """)
        #expect(fields == StepFields(step: "fetch", result: ["items": [1, 2.5, "x"], "ok": true], completed: false,
                                     message: "", status: "failed", errorCode: "E003", errorMessage: nil))
    }

    @Test func aKeyWithEscapesStillMatchesItsFieldName() throws {
        let fields = try Self.readStep(#"{"st\u0065p": "a", "result": null}"#)
        #expect(fields.step == "a")
    }

    @Test func aDuplicateKeyIsCaughtByNextKey() throws {
        #expect(throws: JSONReadError.self) { try Self.readStep(#"{"step": "a", "step": "b"}"#) }
    }

    @Test func anErrorFromTheDecoderCarriesTheReadersPath() throws {
        do {
            _ = try JSONReader.withReader(reading: #"{"outer": [{"x": 1}, {"y": 2}]}"#.utf8) { reader in
                try reader.beginObject()
                _ = try reader.nextKey()
                try reader.beginArray()
                _ = try reader.nextElement()
                try reader.skipValue()
                _ = try reader.nextElement()
                try reader.beginObject()
                let key = try #require(try reader.nextKey())
                throw reader.error(.typeMismatch, "unknown key \(key.string)")
            }
            Issue.record("expected an error")
        } catch let error as JSONReadError {
            #expect(error.path == "$.outer[1].y")
            #expect(error.offset == 26)
        }
    }

    @Test func readInt64RejectsANumberWithAFractionAsATypeMismatch() throws {
        let error = try #require(pullError("1.0") { reader in _ = try reader.readInt64() })
        #expect(error.category == .typeMismatch)
        #expect(error.message == "expected an integer, found 1.0")
    }

    @Test func readInt64RejectsAnIntegerBeyondSixtyFourBitsAsOutOfRange() throws {
        let error = try #require(pullError("18446744073709551616") { reader in _ = try reader.readInt64() })
        #expect(error.category == .numberOutOfRange)
    }

    @Test func readStringOnANumberIsATypeMismatch() throws {
        let error = try #require(pullError(#"{"a": 5}"#) { reader in
            try reader.beginObject()
            _ = try reader.nextKey()
            _ = try reader.readString()
        })
        #expect(error.category == .typeMismatch)
        #expect(error.message == "expected a string, found a number")
        #expect(error.path == "$.a")
    }

    @Test func readsScalarsOfEveryKind() throws {
        try JSONReader.withReader(reading: #"[-42, 2.5e1, true, null, "s"]"#.utf8) { reader in
            try reader.beginArray()
            #expect(try reader.nextElement())
            #expect(try reader.peekKind() == .number)
            #expect(try reader.readInt64() == -42)
            #expect(try reader.nextElement())
            #expect(try reader.readDouble() == 25)
            #expect(try reader.nextElement())
            #expect(try reader.readNullIfPresent() == false)
            #expect(try reader.readBool())
            #expect(try reader.nextElement())
            #expect(try reader.peekKind() == .null)
            #expect(try reader.readNullIfPresent())
            #expect(try reader.nextElement())
            #expect(try reader.readString() == "s")
            #expect(try reader.nextElement() == false)
            try reader.expectEnd()
        }
    }

    @Test func skipValueStillFindsDuplicateKeysInSkippedObjects() throws {
        let error = try #require(pullError(#"[{"a": [{"b": 1, "b": 2}]}]"#) { reader in try reader.skipValue() })
        #expect(error.category == .duplicateKey)
        #expect(error.path == "$[0].a[0].b")
    }

    @Test func skipValueStillFindsNumbersOutOfRange() throws {
        let error = try #require(pullError(#"{"a": -1e999}"#) { reader in try reader.skipValue() })
        #expect(error.category == .numberOutOfRange)
    }

    @Test func skipValueAcceptsKeysThatDifferOnlyInNormalization() throws {
        #expect(pullError("{\"\u{E9}\": 1, \"e\u{301}\": 2}") { reader in try reader.skipValue() } == nil)
    }

    @Test func keysMatchBytesExactly() throws {
        try JSONReader.withReader(reading: #"{"status": 1}"#.utf8) { reader in
            try reader.beginObject()
            let key = try #require(try reader.nextKey())
            #expect(key.matches("status"))
            #expect(!key.matches("Status"))
            #expect(!key.matches("statu"))
            #expect(key.matches(Array("status".utf8)))
            #expect(key.utf8Count == 6)
            try reader.skipValue()
            #expect(try reader.nextKey() == nil)
        }
    }
}
