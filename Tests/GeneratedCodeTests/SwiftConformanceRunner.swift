import ContractRunTracking
import ContractRuntime
import ExecutionContracts
import Foundation

/// Holds the generated Swift code to the conformance vectors: the generated decoders give every record
/// the vector's verdict, category and path and round-trip the valid ones exactly; the generated
/// lifecycles, catalogs and retry policies state the vectors' facts. Returns the ids that disagree,
/// each with what went wrong.
struct SwiftConformanceRunner {
    /// The generated types of each bundled schema, by vector file stem and schema name.
    static let models: [String: [String: any ContractModel.Type]] = [
        "execution": ["TaskStepResult": TaskStepResult.self],
        "task_pipeline": ["SubTask": SubTask.self],
        "agent_run": ["AgentRun": AgentRun.self],
        "execution_feed": ["ExecutionUpdateData": ExecutionUpdateData.self, "ExecutionUpdate": ExecutionUpdate.self],
    ]
    static let lifecycles: [String: any ContractLifecycle.Type] = [
        "TaskStatus": TaskStatus.self, "SubTaskStatus": SubTaskStatus.self, "AgentRunStatus": AgentRunStatus.self,
        "ExecutionStatus": ExecutionStatus.self,
    ]
    static let catalogs: [String: any ContractErrorCatalog.Type] = [
        "ErrorCode": ErrorCode.self, "PipelineErrorCode": PipelineErrorCode.self, "RunErrorCode": RunErrorCode.self,
    ]
    static let retryPolicies: [String: RetryPolicy] = ["SubTaskStatus": .taskPipeline]

    /// Failures by `SCHEMA/VECTOR-ID`.
    private(set) var failures: [String: String] = [:]
    /// Vectors checked.
    private(set) var checked = 0

    mutating func run(stem: String, vectors: JSONValue) {
        for section in ["records", "mutations"] {
            for vector in vectors[section]?.arrayValue ?? [] { check(stem, vector, record(stem, vector)) }
        }
        for vector in vectors["lifecycles"]?.arrayValue ?? [] { check(stem, vector, lifecycleFacts(vector)) }
        for vector in vectors["transitions"]?.arrayValue ?? [] { check(stem, vector, transition(vector)) }
        for vector in vectors["guarded_transitions"]?.arrayValue ?? [] { check(stem, vector, guardedTransition(vector)) }
        for vector in vectors["catalogs"]?.arrayValue ?? [] { check(stem, vector, catalog(vector)) }
        for vector in vectors["retry_policies"]?.arrayValue ?? [] { check(stem, vector, retryPolicy(vector)) }
    }

    private mutating func check(_ stem: String, _ vector: JSONValue, _ problem: String?) {
        checked += 1
        guard let problem else { return }
        let key = "\(stem)/\(vector["id"]?.stringValue ?? "?")"
        failures[key] = problem
    }

    // MARK: Records

    private func record(_ stem: String, _ vector: JSONValue) -> String? {
        guard let name = vector["model"]?.stringValue, let type = Self.models[stem]?[name] else {
            return "no generated Swift type for model \(vector["model"].map { "\($0)" } ?? "?")"
        }
        return record(type, vector)
    }

    private func record<Model: ContractModel>(_ type: Model.Type, _ vector: JSONValue) -> String? {
        let bytes = ConformanceVectorFiles.input(vector)
        let options = JSONDecodingOptions(acceptsLegacyValues: vector["accept_legacy"] == .bool(true))
        let expected = vector["verdict"] == .string("valid") ? "valid"
            : "\(vector["category"]?.stringValue ?? "?") at \(vector["path"]?.stringValue ?? "?")"
        let value: Model
        do {
            value = try Model(jsonUTF8Bytes: bytes, options: options)
        } catch let error as RecordError {
            let actual = "\(error.category) at \(error.path)"
            return actual == expected ? nil : "expected \(expected), got \(actual)"
        } catch {
            return "expected \(expected), got \(error)"
        }
        guard expected == "valid" else { return "expected \(expected), got valid" }
        // Round trip: encode, decode, equal, and the second encoding the same bytes.
        do {
            let encoded = try value.jsonUTF8Data()
            let again = try Model(jsonUTF8Data: encoded)
            guard again == value else { return "decode(encode(v)) != v" }
            guard try again.jsonUTF8Data() == encoded else { return "encode(decode(encode(v))) != encode(v)" }
        } catch {
            return "round trip failed: \(error)"
        }
        return nil
    }

    // MARK: Lifecycles

    private func lifecycleType(_ vector: JSONValue) -> (any ContractLifecycle.Type)? {
        vector["lifecycle"]?.stringValue.flatMap { Self.lifecycles[$0] }
    }

    private func lifecycleFacts(_ vector: JSONValue) -> String? {
        guard let type = lifecycleType(vector) else { return "no generated Swift lifecycle" }
        return facts(type, vector)
    }

    private func facts<L: ContractLifecycle>(_ type: L.Type, _ vector: JSONValue) -> String? {
        var problems: [String] = []
        if .string(L.initial.rawValue) != vector["initial"] { problems.append("initial \(L.initial.rawValue)") }
        let states = vector["states"]?.arrayValue ?? []
        if states.compactMap({ $0["state"]?.stringValue }) != L.allCases.map(\.rawValue) {
            problems.append("states \(L.allCases.map(\.rawValue))")
        }
        for state in states {
            guard let name = state["state"]?.stringValue, let value = L(rawValue: name) else { continue }
            if .bool(value.isTerminal) != state["terminal"] { problems.append("\(name).isTerminal \(value.isTerminal)") }
            if (value.outcome.map { JSONValue.string($0.rawValue) } ?? .null) != state["outcome"] {
                problems.append("\(name).outcome \(String(describing: value.outcome))")
            }
        }
        let legacy = Dictionary(uniqueKeysWithValues: (vector["legacy"]?.arrayValue ?? []).compactMap { entry in
            entry["value"]?.stringValue.flatMap { value in entry["state"]?.stringValue.map { (value, $0) } }
        })
        if L.legacyValues.mapValues(\.rawValue) != legacy { problems.append("legacy \(L.legacyValues)") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private func transition(_ vector: JSONValue) -> String? {
        guard let type = lifecycleType(vector) else { return "no generated Swift lifecycle" }
        return transition(type, vector)
    }

    private func transition<L: ContractLifecycle>(_ type: L.Type, _ vector: JSONValue) -> String? {
        guard let from = vector["from"]?.stringValue.flatMap(L.init(rawValue:)) else { return "unknown state" }
        let allowed = (vector["allowed_to"]?.arrayValue ?? []).compactMap(\.stringValue)
        var problems: [String] = []
        if from.allowedTransitions.map(\.rawValue) != allowed { problems.append("allowedTransitions \(from.allowedTransitions)") }
        for to in L.allCases {
            let listed = allowed.contains(to.rawValue)
            if from.canTransition(to: to) != listed { problems.append("canTransition(to: \(to.rawValue)) is \(!listed)") }
            let moved = (try? from.transition(to: to)) != nil
            if moved != listed { problems.append("transition(to: \(to.rawValue)) \(moved ? "succeeds" : "throws")") }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private func guardedTransition(_ vector: JSONValue) -> String? {
        // The one bundled lifecycle with guards; a vector of another has no generated code to check.
        guard vector["lifecycle"] == .string("SubTaskStatus"),
              let from = vector["from"]?.stringValue.flatMap(SubTaskStatus.init(rawValue:)),
              let to = vector["to"]?.stringValue.flatMap(SubTaskStatus.init(rawValue:)),
              let text = vector["record"]?.stringValue, let record = try? SubTask(jsonString: text) else {
            return "no generated Swift lifecycle with guards for this vector, or its record does not decode"
        }
        let allowed = vector["allowed"] == .bool(true)
        if from.canTransition(to: to, record: record) != allowed { return "canTransition(to:record:) is \(!allowed)" }
        do {
            _ = try from.transition(to: to, record: record)
            return allowed ? nil : "transition(to:record:) succeeds"
        } catch {
            let expected = vector["unmet_guard"]?.stringValue
            return !allowed && error.unmetGuard == expected ? nil : "unmet guard \(String(describing: error.unmetGuard))"
        }
    }

    // MARK: Catalogs and retries

    private func catalog(_ vector: JSONValue) -> String? {
        guard let type = vector["catalog"]?.stringValue.flatMap({ Self.catalogs[$0] }) else { return "no generated Swift catalog" }
        return catalog(type, vector)
    }

    private func catalog<C: ContractErrorCatalog>(_ type: C.Type, _ vector: JSONValue) -> String? {
        var problems: [String] = []
        let codes = vector["codes"]?.arrayValue ?? []
        if codes.compactMap({ $0["code"]?.stringValue }) != C.allCases.map(\.rawValue) { problems.append("codes") }
        for code in codes {
            guard let raw = code["code"]?.stringValue, let value = C(rawValue: raw) else { continue }
            let status = (value.status as? any RawRepresentable)?.rawValue as? String
            let actual: JSONValue = .object(JSONObject([
                ("category", .string(value.category.rawValue)), ("retryable", .bool(value.isRetryable)),
                ("message", .string(value.defaultMessage)), ("status", status.map { .string($0) } ?? .null),
            ]))
            for key in ["category", "retryable", "message", "status"] where actual[key] != code[key] {
                problems.append("\(raw).\(key) \(actual[key].map { "\($0)" } ?? "nil")")
            }
        }
        if let table = vector["normalize"]?.objectValue {
            guard let normalizing = C.self as? any NormalizingErrorCatalog.Type else { return "no normalize" }
            for (kind, code) in table {
                guard let failureKind = FailureKind(rawValue: kind) else { continue }
                let actual = normalizing.code(for: failureKind).rawValue
                if .string(actual) != code { problems.append("normalize \(kind) → \(actual)") }
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private func retryPolicy(_ vector: JSONValue) -> String? {
        guard let policy = vector["lifecycle"]?.stringValue.flatMap({ Self.retryPolicies[$0] }) else {
            return "no generated Swift retry policy"
        }
        let retries = (vector["retries"]?.arrayValue ?? []).compactMap(\.int64Value)
        let base = (vector["base_delays_ns"]?.arrayValue ?? []).compactMap(\.int64Value)
        let seeded = (vector["seeded_delays_ns"]?.arrayValue ?? []).compactMap(\.int64Value)
        var generator = SplitMix64(seed: UInt64(vector["jitter_seed"]?.int64Value ?? 0))
        var problems: [String] = []
        if .int(Int64(policy.maxRetries)) != vector["max_retries"] { problems.append("maxRetries \(policy.maxRetries)") }
        if .string(policy.jitter.rawValue) != vector["jitter"] { problems.append("jitter \(policy.jitter)") }
        for (index, n) in retries.enumerated() {
            if index < base.count, policy.baseDelay(beforeRetry: Int(n)) != .nanoseconds(base[index]) {
                problems.append("baseDelay(\(n))")
            }
            let delay = policy.delay(beforeRetry: Int(n), using: &generator)
            if index < seeded.count, delay != .nanoseconds(seeded[index]) { problems.append("delay(\(n), seeded)") }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
