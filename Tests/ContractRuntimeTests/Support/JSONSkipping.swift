import ContractRuntime

/// What skipping one JSON value gives, for tests that hold ``JSONReader/skipValue()`` to reading.
enum JSONSkipping {
    /// The category `bytes` are refused with when skipped as one value (and nothing after it), or nil.
    static func refusal(_ bytes: [UInt8]) -> JSONErrorCategory? {
        do throws(JSONReadError) {
            try bytes.withUnsafeBufferPointer { buffer throws(JSONReadError) in
                var reader = try JSONReader(unsafeBuffer: buffer)
                try reader.skipValue()
                try reader.expectEnd()
            }
            return nil
        } catch {
            return error.category
        }
    }
}
