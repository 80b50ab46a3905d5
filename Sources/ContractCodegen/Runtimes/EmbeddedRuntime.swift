/// The TypeScript and Python runtimes, compiled into the generator so that `contractgen generate`
/// writes them next to the modules that import them. The files under `packages/` are the source;
/// `TypeScriptRuntimeFiles.swift` and `PythonRuntimeFiles.swift` are generated from them by
/// `RECORD_GOLDEN=1 swift test --filter EmbeddedRuntimeTests`, which also holds them equal byte for byte.
public enum EmbeddedRuntime {
    /// A file of a runtime: its name in the runtime directory and its text.
    public typealias File = (name: String, contents: String)
}
