import ContractRuntime
import ContractSchema
import ContractSchemaLoader
import ContractValidation
import Foundation

/// A validator of the built-in `TaskStepResult` with `limits`.
func taskStepResultValidator(limits: JSONReaderLimits = .init()) throws -> RecordValidator {
    guard let contract = BundledContract.execution.load().contract else { throw CocoaError(.fileReadCorruptFile) }
    return try RecordValidator(contract: contract, model: "TaskStepResult", options: .init(limits: limits))
}

/// A record of `TaskStepResult` that is valid.
let validRecord = #"{"step":"s","result":null,"completed":false,"message":"","status":"pending","error_code":null,"error_message":null}"#

/// A temporary file holding `bytes`, opened for reading; both are removed and closed by `body`'s end.
func withFile<Result>(holding bytes: [UInt8], _ body: (Int32) throws -> Result) throws -> Result {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw CocoaError(.fileReadNoPermission) }
    defer { close(fd) }
    return try body(fd)
}

/// Every verdict `JSONLinesValidation` gives on a file holding `bytes`, with its bytes read.
func streamedVerdicts(_ bytes: [UInt8], validator: RecordValidator, chunkSize: Int = 4096) throws -> (verdicts: [LineVerdict], bytesRead: Int) {
    try withFile(holding: bytes) { fd in
        var validation = JSONLinesValidation(validator: validator, fileDescriptor: fd, chunkSize: chunkSize)
        var verdicts: [LineVerdict] = []
        try validation.forEachVerdict { verdict in
            verdicts.append(verdict)
            return true
        }
        return (verdicts, validation.bytesRead)
    }
}
