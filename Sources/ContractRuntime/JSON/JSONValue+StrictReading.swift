extension JSONValue {
    /// Parses one JSON document in UTF-8 strictly (RFC 8259 and I-JSON), keeping it losslessly.
    ///
    /// See ``JSONReader`` for what is rejected and ``JSONReader/readValue()`` for how numbers are kept.
    /// Accepts `[UInt8]`, `Data`, `String.UTF8View` and any other collection of bytes.
    public init(strictUTF8 bytes: some Collection<UInt8>, limits: JSONReaderLimits = .init()) throws(JSONReadError) {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONReadError> in
            Result { () throws(JSONReadError) -> JSONValue in try Self.parse(buffer, limits: limits) }
        }
        let result = bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        self = try result.get()
    }

    /// The document in `buffer`, read by a reader whose stacks of open containers and keys start in stack
    /// memory, as ``JSONReader/withReader(unsafeBuffer:limits:_:)`` arranges (whose closure throws untyped
    /// errors): a document that nests a few levels and has a few dozen keys allocates only its own values.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONReaderLimits) throws(JSONReadError) -> JSONValue {
        try JSONReader.withStackStorage { (frames, keys) throws(JSONReadError) in
            var reader = try JSONReader(unsafeBuffer: buffer, limits: limits, frameStorage: frames, keyStorage: keys)
            let value = try reader.readValue()
            try reader.expectEnd()
            return value
        }
    }
}
