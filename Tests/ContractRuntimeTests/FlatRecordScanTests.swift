import CJSONBlocks
import ContractRuntime
import Testing

/// `FlatRecordScan` (`ec_read_record`) on its own: what it finds in each field, the names it refuses to match by
/// bytes, and its codes, which the Swift side writes out for inlining. What it vouches for is held to the full
/// reading in ContractValidationTests (`FlatRecordJudgeTests`).
@Suite struct FlatRecordScanTests {
    static let available = ec_best_scan_kernel() != 0 && ec_string_end_is_available() != 0

    @Test func codesAreTheHeaders() {
        #expect(FlatRecordScan.Found(Int32(EC_FOUND_ABSENT)) == .absent)
        #expect(FlatRecordScan.Found(Int32(EC_FOUND_NULL)) == .null)
        #expect(FlatRecordScan.Found(Int32(EC_FOUND_FALSE)) == .bool(false))
        #expect(FlatRecordScan.Found(Int32(EC_FOUND_TRUE)) == .bool(true))
        #expect(FlatRecordScan.Found(Int32(EC_FOUND_OTHER)) == .other)
        #expect(FlatRecordScan.Found(0) == .enumeration(0))
        #expect(FlatRecordScan.Found(249) == .enumeration(249))
    }

    static let fields: [FlatRecordScan.Field] = [
        .init(name: "flag", kind: .bool, isNullable: false),
        .init(name: "color", kind: .enumeration(["red", "green", "a-value-longer-than-fourteen-bytes", "値"]), isNullable: true),
        .init(name: "data", kind: .json, isNullable: true),
        .init(name: "text", kind: .string, isNullable: true),
        .init(name: "a-key-longer-than-fourteen-bytes", kind: .bool, isNullable: false),
    ]

    /// The codes the scan gives for `record`, or nil when it does not vouch for it.
    static func found(_ record: String, limits: JSONReaderLimits = .init()) throws -> [FlatRecordScan.Found]? {
        let scan = try #require(FlatRecordScan(fields: fields, limits: limits))
        var codes: [FlatRecordScan.Found]?
        let vouched = Array(record.utf8).withUnsafeBufferPointer { bytes in
            scan.scan(bytes) { found in
                codes = found.map(FlatRecordScan.Found.init)
                return true
            }
        }
        #expect(vouched == (codes != nil))
        return codes
    }

    @Test(.enabled(if: available)) func eachFieldSaysWhatItHolds() throws {
        #expect(try Self.found(#"{"flag":true,"color":"green","data":{"k":[1,"v"]},"text":"t","a-key-longer-than-fourteen-bytes":false}"#)
                == [.bool(true), .enumeration(1), .other, .other, .bool(false)])
        // Keys in any order, whitespace between tokens, values at the input's last bytes.
        #expect(try Self.found(" { \"color\" : \"値\" ,\n\"flag\":\tfalse } ") == [.bool(false), .enumeration(3), .absent, .absent, .absent])
        #expect(try Self.found(#"{"color":null,"data":null,"text":null,"flag":true}"#) == [.bool(true), .null, .null, .null, .absent])
        #expect(try Self.found(#"{"color":"a-value-longer-than-fourteen-bytes","data":-1.5e3}"#)
                == [.absent, .enumeration(2), .other, .absent, .absent])
        #expect(try Self.found("{}") == [.absent, .absent, .absent, .absent, .absent])
    }

    @Test(.enabled(if: available)) func whatItDoesNotVouchFor() throws {
        for record in [
            #"{"flag":null}"#, #"{"flag":"true"}"#, #"{"color":"blue"}"#, #"{"color":"gr\u0065en"}"#, #"{"colour":"red"}"#,
            #"{"fl\u0061g":true}"#, #"{"flag":true,"flag":true}"#, #"{"color":"red"#, #"{"color":"red""#,
            #"{"flag":true,}"#, #"{"flag":true}x"#, #"[true]"#, #"{"data":[1,]}"#, #"{"text":"\x"}"#, #"{"data":01}"#,
            #"{"color":"redd"}"#, #"{"color":"re"}"#, #"{"a-key-longer-than-fourteen-byte":true}"#,
        ] {
            #expect(try Self.found(record) == nil, "\(record)")
        }
        // Limits: the record's object is a level; keys and strings count as written.
        #expect(try Self.found(#"{"flag":true}"#, limits: .init(maxDepth: 0)) == nil)
        #expect(try Self.found(#"{"data":[[1]]}"#, limits: .init(maxDepth: 2)) == nil)
        #expect(try Self.found(#"{"data":[[1]]}"#, limits: .init(maxDepth: 3)) != nil)
        #expect(try Self.found(#"{"flag":true,"text":"t"}"#, limits: .init(maxKeysPerObject: 1)) == nil)
        #expect(try Self.found(#"{"flag":true}"#, limits: .init(maxStringLength: 3)) == nil)
        #expect(try Self.found(#"{"flag":true,"text":"12345"}"#, limits: .init(maxStringLength: 4)) == nil)
        #expect(try Self.found(#"{"flag":true}"#, limits: .init(maxInputLength: 12)) == nil)
    }

    @Test func namesAndValuesThatNeedEscapesAreNotMatchedByBytes() {
        for field in [
            FlatRecordScan.Field(name: "a\"b", kind: .bool, isNullable: false),
            FlatRecordScan.Field(name: "a\\b", kind: .bool, isNullable: false),
            FlatRecordScan.Field(name: "a\u{1}", kind: .bool, isNullable: false),
            FlatRecordScan.Field(name: "c", kind: .enumeration(["x", "y\"z"]), isNullable: false),
        ] {
            #expect(FlatRecordScan(fields: [field], limits: .init()) == nil)
        }
        #expect(FlatRecordScan(fields: Array(repeating: Self.fields[0], count: FlatRecordScan.maxFields + 1), limits: .init()) == nil)
    }
}
