import ContractRuntime
import ContractSchema
import ContractValidation

/// The validators and valid base records of one contract's models, each built once: planning a validator
/// walks the contract's types, which costs more than judging thousands of records with it.
final class ValidatorCache: @unchecked Sendable {
    // @unchecked: one derivation uses it, on one thread; it is never shared across tasks.
    let contract: Contract
    private var strict: [String: RecordValidator?] = [:]
    private var lenient: [String: RecordValidator?] = [:]
    private var bases: [String: JSONObject] = [:]

    init(contract: Contract) {
        self.contract = contract
    }

    /// The validator of `model`, accepting legacy values or not; nil when the model cannot be planned.
    /// Each is planned on first use only: most models never need the legacy-accepting one.
    func validator(for model: String, acceptingLegacy: Bool) -> RecordValidator? {
        if let cached = acceptingLegacy ? lenient[model] : strict[model] { return cached }
        let built = try? RecordValidator(contract: contract, model: model, options: .init(acceptsLegacyValues: acceptingLegacy))
        if acceptingLegacy { lenient[model] = built } else { strict[model] = built }
        return built
    }

    /// `make()` the first time for this model and depth, the remembered record afterwards.
    func base(of model: String, depth: Int, _ make: () -> JSONObject) -> JSONObject {
        let key = "\(depth) \(model)"
        if let cached = bases[key] { return cached }
        let made = make()
        bases[key] = made
        return made
    }
}
