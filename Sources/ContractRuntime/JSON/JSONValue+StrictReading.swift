extension JSONValue {
    /// Parses one JSON document in UTF-8 strictly (RFC 8259 and I-JSON), keeping it losslessly.
    ///
    /// See ``JSONReader`` for what is rejected and ``JSONReader/readValue()`` for how numbers are kept.
    /// Accepts `[UInt8]`, `Data`, `String.UTF8View` and any other collection of bytes.
    public init(strictUTF8 bytes: some Collection<UInt8>, limits: JSONReaderLimits = .init()) throws(JSONReadError) {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONReadError> in
            Result { () throws(JSONReadError) -> JSONValue in
                var reader = try JSONReader(unsafeBuffer: buffer, limits: limits)
                let value = try reader.readValue()
                try reader.expectEnd()
                return value
            }
        }
        let result = bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        self = try result.get()
    }
}
