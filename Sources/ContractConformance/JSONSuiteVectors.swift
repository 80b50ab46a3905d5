import ContractRuntime

extension ConformanceVectors {
    /// The file name (without `.json`) of the JSON syntax suite's vectors.
    public static let jsonSuiteName = "json_suite"

    /// Vectors of JSON texts for the strict reader alone (the repository's syntax suite,
    /// Tests/Fixtures/json/suite): each document's exact bytes and whether `JSONValue(strictUTF8:)`
    /// reads it, with the category and path of the error when it does not. Documents are written in the
    /// order given; `name` is each vector's id.
    public init(jsonSuite documents: [(name: String, bytes: [UInt8])]) {
        header = [("format", .string(Self.format)), ("suite", .string(Self.jsonSuiteName))]
        let vectors = documents.map { document -> JSONValue in
            var failure: RecordError? = nil
            do throws(JSONReadError) {
                _ = try JSONValue(strictUTF8: document.bytes)
            } catch {
                failure = RecordError(error)
            }
            return JSONSuiteVectorFormat.vector(id: document.name, input: document.bytes, error: failure)
        }
        sections = [("json_documents", vectors)]
    }
}

/// How one JSON document vector is written: a record vector without model or legacy option.
enum JSONSuiteVectorFormat {
    static func vector(id: String, input: [UInt8], error: RecordError?) -> JSONValue {
        // A JSON document has no `int` field: every implementation judges it alike.
        let record = RecordVectorFormat.vector(id: id, model: "", input: input, acceptLegacy: false, error: error,
                                               javaScriptIntegersError: error)
        return .object(JSONObject((record.objectValue?.members ?? []).filter { $0.key != "model" && $0.key != "accept_legacy" }))
    }
}
