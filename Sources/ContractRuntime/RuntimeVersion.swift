/// The version of the runtime library that generated code links against.
///
/// Generated files check `ContractRuntimeVersion.major` at compile time so that code generated
/// for an incompatible runtime fails to build with a clear message instead of misbehaving.
public enum ContractRuntimeVersion {
    /// Major version: changes when generated code must be regenerated.
    public static let major = 1
    /// Minor version: grows with compatible additions.
    public static let minor = 1
    /// `major.minor`.
    public static var string: String { "\(major).\(minor)" }
}
