import ContractRuntime
import ContractSchema
import ContractValidation

/// The validators and valid base records of one contract's models, each built once: planning a validator
/// walks the contract's types, which costs more than judging thousands of records with it.
final class ValidatorCache: @unchecked Sendable {
    // @unchecked: one derivation uses it, on one thread; it is never shared across tasks.
    let contract: Contract
    /// By model, legacy values accepted or not, and `int` as wide as JavaScript's exact integers or not.
    private var validators: [String: RecordValidator?] = [:]
    private var bases: [String: JSONObject] = [:]

    init(contract: Contract) {
        self.contract = contract
    }

    /// The validator of `model`, accepting legacy values or not, and with `javaScriptIntegers` one whose
    /// `int` fields take only ±(2^53−1), as the TypeScript modules read them; nil when the model cannot be
    /// planned. Each is planned on first use only: most models never need the legacy-accepting one.
    func validator(for model: String, acceptingLegacy: Bool, javaScriptIntegers: Bool = false) -> RecordValidator? {
        let key = "\(acceptingLegacy) \(javaScriptIntegers) \(model)"
        if let cached = validators[key] { return cached }
        var options = RecordValidator.Options(acceptsLegacyValues: acceptingLegacy)
        if javaScriptIntegers { options.integers = RecordValidator.Options.javaScriptIntegers }
        let built = try? RecordValidator(contract: contract, model: model, options: options)
        validators[key] = built
        return built
    }

    /// The record vector of `input`: judged by the validator of `model` and, where that differs, by the
    /// one with JavaScript's integers (see ``RecordVectorFormat``).
    func vector(id: String, model: String, input: [UInt8], acceptingLegacy: Bool) -> JSONValue {
        let error = validator(for: model, acceptingLegacy: acceptingLegacy)?.validate(input)
        let javaScriptError = validator(for: model, acceptingLegacy: acceptingLegacy, javaScriptIntegers: true)?.validate(input)
        return RecordVectorFormat.vector(id: id, model: model, input: input, acceptLegacy: acceptingLegacy,
                                         error: error, javaScriptIntegersError: javaScriptError)
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
