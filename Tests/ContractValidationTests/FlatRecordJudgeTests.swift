import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import Testing

/// The judge's first try for models of flat fields (`FlatRecordJudge`, `ec_read_record`): it may only ever say
/// "valid" where the full reading says so, and it must say so for plain valid records (or it is useless). Every
/// check here compares the two on the same record, for the default model and for a model with every kind of field.
@Suite struct FlatRecordJudgeTests {
    /// A model with every field kind the first try takes, nullable and not, required and not, and a rule.
    static let schema = """
        contract: Flat
        version: 1.0.0
        enums:
          Color:
            values: [red, green, "été", "ok値"]
        models:
          Flat:
            fields:
              name: { type: string }
              note: { type: string, nullable: true, required: false }
              flag: { type: bool, required: false, default: true }
              color: { type: Color }
              spare: { type: Color, nullable: true, required: false }
              data: { type: json, nullable: true, required: false }
            rules:
              - id: red_is_flagged
                check: "color == red implies flag"
        """

    static func flatValidator(limits: JSONReaderLimits = .init()) throws -> RecordValidator {
        let result = SchemaLoader().load(text: schema, file: "flat.yaml")
        try #require(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try RecordValidator(contract: try #require(result.contract), model: "Flat", options: .init(limits: limits))
    }

    /// The first try's word on `record` and the full reading's verdict; fails when the first try vouches for a
    /// record the full reading refuses. Returns whether the first try vouched.
    @discardableResult
    static func compare(_ record: [UInt8], _ validator: RecordValidator,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        let (vouched, full, judged) = record.withUnsafeBufferPointer { bytes in
            (validator.isVouchedForWithoutFullReading(bytes), validator.validateByFullReading(bytes), validator.validate(bytes))
        }
        let fast = try #require(vouched, "the model has no first try", sourceLocation: sourceLocation)
        if fast {
            #expect(full == nil, "vouched for, but the full reading says \(String(describing: full)): \(String(decoding: record, as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
        #expect(judged == full, "the judge's verdict is not the full reading's", sourceLocation: sourceLocation)
        return fast
    }

    @Test func plainValidRecordsAreVouchedFor() throws {
        let flat = try Self.flatValidator()
        let records = [
            #"{"name":"a","note":null,"flag":false,"color":"green","spare":null,"data":{"x":[1,2.5,-3e2,true,false,null,"s"]}}"#,
            #" { "name" : "" , "color" : "été" , "data" : [ ] } "#,
            #"{"color":"ok値","name":"\u00e9\n","data":"text","flag":true,"spare":"red"}"#,
            #"{"name":"a","color":"red","data":-0.5}"#,
            #"{"name":"a","color":"red","flag":true,"data":null}"#,
            "{\"name\":\"a\",\"color\":\"green\"}\r",
        ]
        for record in records { #expect(try Self.compare(Array(record.utf8), flat), "\(record)") }
        let task = try taskStepResultValidator()
        #expect(try Self.compare(Array(validRecord.utf8), task))
    }

    @Test func everyRecordItDoesNotVouchForGoesToTheFullReading() throws {
        let flat = try Self.flatValidator()
        let records = [
            // Broken rule, missing required field, unknown key, repeated key, escaped key, wrong types.
            #"{"name":"a","color":"red","flag":false}"#,
            #"{"name":"a"}"#,
            #"{"name":"a","color":"red","extra":1}"#,
            #"{"name":"a","name":"b","color":"green"}"#,
            #"{"n\u0061me":"a","color":"green"}"#,
            #"{"name":1,"color":"green"}"#,
            #"{"name":"a","color":"green","flag":"true"}"#,
            #"{"name":"a","color":"green","flag":null}"#,
            #"{"name":null,"color":"green"}"#,
            // Enumeration values: unknown, escaped, another spelling of one (NFD), legacy-like, not a string.
            #"{"name":"a","color":"blue"}"#,
            #"{"name":"a","color":"gr\u0065en"}"#,
            "{\"name\":\"a\",\"color\":\"e\u{301}te\u{301}\"}",
            #"{"name":"a","color":null}"#,
            #"{"name":"a","color":["red"]}"#,
            // Grammar around the object and between members.
            #"{"name":"a","color":"green",}"#,
            #"{"name":"a" "color":"green"}"#,
            #"{"name":"a","color":"green"} x"#,
            #"{"name":"a","color":"green"}}"#,
            #"["name"]"#,
            "\u{FEFF}{\"name\":\"a\",\"color\":\"green\"}",
            #"{"name":"a","color":"green","data":01}"#,
            #"{"name":"a","color":"green","data":1.}"#,
            #"{"name":"a","color":"green","data":tru}"#,
            #"{"name":"a","color":"green","data":truex}"#,
            #"{"name":"a","color":"green","data":{"k":1,"k":2}}"#,
            #"{"name":"a","color":"green","data":[1,]}"#,
            #"{"name":"a\x","color":"green"}"#,
            #"{"name":"a","color":"green","data":"\ud800"}"#,
            "{\"name\":\"a\u{01}\",\"color\":\"green\"}",
            "{\"name\":\"a\",\"color\":\"green\"",
            "{\"name\":\"a\",\"color\":\"green\",\"data\":1e999}",
            "{}",
            "",
        ]
        for record in records { try Self.compare(Array(record.utf8), flat) }
        var invalidUTF8 = Array(#"{"name":"a","color":"green","note":"x"}"#.utf8)
        invalidUTF8[invalidUTF8.count - 4] = 0xFF
        try Self.compare(invalidUTF8, flat)
    }

    /// Each limit at its extremes and around what the record needs: the first try vouches only where the full
    /// reading accepts.
    @Test func limitsAtTheirExtremes() throws {
        let record = Array(#"{"name":"abcdef","color":"green","data":{"a":{"b":[1,{"c":"xyz"}]},"d":"0123456789"}}"#.utf8)
        var vouched = 0
        for depth in [0, 1, 2, 3, 4, 5, 63, 64, 512, Int.max] {
            vouched += try Self.compare(record, Self.flatValidator(limits: .init(maxDepth: depth))) ? 1 : 0
        }
        for length in [0, 1, 5, 6, 9, 10, 11, 63, 64, Int.max] {
            vouched += try Self.compare(record, Self.flatValidator(limits: .init(maxStringLength: length))) ? 1 : 0
        }
        for keys in [0, 1, 2, 3, 16, 17, Int.max] {
            vouched += try Self.compare(record, Self.flatValidator(limits: .init(maxKeysPerObject: keys))) ? 1 : 0
        }
        for input in [0, 1, record.count - 1, record.count, Int.max] {
            vouched += try Self.compare(record, Self.flatValidator(limits: .init(maxInputLength: input))) ? 1 : 0
        }
        #expect(vouched > 10)
    }

    /// Random records near the valid ones (fields dropped, repeated, mistyped, bytes changed): the first try never
    /// vouches for one the full reading refuses, for both models.
    @Test func randomRecordsAgreeWithTheFullReading() throws {
        let validators = [try Self.flatValidator(), try taskStepResultValidator()]
        let seeds = [
            #"{"name":"a","note":"n","flag":false,"color":"green","spare":"ok値","data":{"x":[1,{"y":null}],"z":"w"}}"#,
            #"{"step":"s","result":{"rows":[1,2],"ok":true},"completed":true,"message":"m","status":"completed","error_code":null,"error_message":null}"#,
            #"{"step":"s","result":null,"completed":false,"message":"","status":"failed","error_code":"E002","error_message":"x"}"#,
        ]
        let alphabet = Array(#"{}[]:,"\ 0123456789.-+eEtrufalsn\u00xy値é"#.utf8) + [0x80, 0xFF, 0x01, 0x0A]
        var generator = SplitMix64(seed: 18)
        var vouched = 0, total = 0
        for _ in 0..<4000 {
            var record = Array(seeds[Int.random(in: 0..<seeds.count, using: &generator)].utf8)
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let at = Int.random(in: 0...record.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where at < record.count: record.remove(at: at)
                case 1: record.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)], at: at)
                default: if at < record.count { record[at] = alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
                }
            }
            for validator in validators {
                total += 1
                if try Self.compare(record, validator) { vouched += 1 }
            }
        }
        #expect(vouched > 0 && vouched < total)
    }

    /// One judge over many records keeps the rules' verdicts by the codes of the fields they read: records that
    /// differ only where no rule looks, and the same combinations again, get the full reading's verdicts.
    @Test func rememberedVerdictsAreTheFullReadings() throws {
        let validator = try taskStepResultValidator()
        let statuses = ["pending", "running", "completed", "failed", "timed_out", "cancelled"]
        let codes = ["null", #""E001""#, #""E007""#]
        let messages = ["null", #""x""#]
        var lines: [String] = []
        for round in 0..<3 {
            for status in statuses {
                for completed in ["true", "false"] {
                    for code in codes {
                        for message in messages {
                            lines.append(#"{"step":"s\#(round)","result":[\#(round)],"completed":\#(completed),"message":"m","status":"\#(status)","error_code":\#(code),"error_message":\#(message)}"#)
                        }
                    }
                }
            }
            // Fields absent, with their defaults, which the rules read too.
            lines.append(#"{"step":"s","result":null}"#)
            lines.append(#"{"step":"s","result":null,"status":"completed"}"#)
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let verdicts = validator.verdicts(ofJSONLines: bytes)
        #expect(verdicts.count == lines.count)
        var valid = 0
        for (line, verdict) in zip(lines, verdicts) {
            let full = Array(line.utf8).withUnsafeBufferPointer { validator.validateByFullReading($0) }
            #expect(verdict.error == full, "\(line)")
            if full == nil { valid += 1 }
        }
        #expect(valid > 0 && valid < lines.count)
    }
}
