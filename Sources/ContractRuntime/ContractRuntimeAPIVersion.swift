/// Marks the runtime API that generated code is written against, in the style of swift-protobuf's
/// `ProtobufAPIVersionCheck`.
///
/// Every generated file contains `private typealias _RequiresContractRuntimeAPI = ContractRuntimeAPIVersion_1`.
/// A runtime with an incompatible API drops this type and adds the next one, so code generated for
/// another runtime fails to compile with an error that names the version it needs.
public enum ContractRuntimeAPIVersion_1 {}
