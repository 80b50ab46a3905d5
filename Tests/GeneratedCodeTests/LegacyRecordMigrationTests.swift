import ContractRuntime
import ExecutionContracts
import Foundation
import Testing

/// Reading v1.0 records, whose TaskStatus values were `success` and `error`, as execution.yaml's
/// `legacy:` table says. (`contractgen validate --accept-legacy` is the CLI's side of this.)
@Suite struct LegacyRecordMigrationTests {
    static let v1Success = #"{"step":"pandas_tool.read_csv","result":{"rows":1000},"completed":true,"message":"ok","status":"success","error_code":null,"error_message":null}"#
    static let v1Error = #"{"step":"pandas_tool.read_csv","result":null,"completed":false,"message":"","status":"error","error_code":"E003","error_message":"File not found: data.csv"}"#

    @Test func aV1SuccessRecordReadsAsCompletedWhenAsked() throws {
        let step = try JSON.decode(TaskStepResult.self, Self.v1Success, legacy: true)
        #expect(step.status == .completed && step.completed)
        #expect(step.violations().isEmpty)
    }

    @Test func aV1ErrorRecordReadsAsFailedWhenAsked() throws {
        let step = try JSON.decode(TaskStepResult.self, Self.v1Error, legacy: true)
        #expect(step.status == .failed && step.errorCode == .executionError)
    }

    @Test func v1RecordsAreRefusedByDefault() {
        #expect(throws: DecodingError.self) { try JSON.decode(TaskStepResult.self, Self.v1Success) }
        #expect(throws: DecodingError.self) { try JSON.decode(TaskStepResult.self, Self.v1Error) }
    }

    @Test func aMigratedRecordIsWrittenWithTheCurrentValue() throws {
        let step = try JSON.decode(TaskStepResult.self, Self.v1Error, legacy: true)
        let written = try step.jsonString()
        #expect(written.contains(#""status":"failed""#) && !written.contains(#""status":"error""#))
        #expect(try TaskStepResult(jsonString: written) == step)
    }

    @Test func aMigratedRecordStillFollowsTheLifecycle() throws {
        let step = try JSON.decode(TaskStepResult.self, Self.v1Success, legacy: true)
        let status = TrackedStatus(step.status)
        #expect(try status.finish(.failed) == .alreadyFinished(existing: .completed))
    }

    @Test func onlyTheSchemasLegacyValuesAreAccepted() {
        #expect(TaskStatus.legacyValues == ["success": .completed, "error": .failed])
        let text = Self.v1Success.replacingOccurrences(of: #""status":"success""#, with: #""status":"done""#)
        #expect(throws: DecodingError.self) { try JSON.decode(TaskStepResult.self, text, legacy: true) }
    }
}
