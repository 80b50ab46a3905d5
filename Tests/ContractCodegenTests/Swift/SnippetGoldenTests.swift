import ContractCodegen
import ContractSchema
import Testing

/// One small schema per construct, each with a golden file under Golden/Swift.
@Suite struct SnippetGoldenTests {
    static let snippets: [(name: String, schema: String)] = [
        ("lifecycle", """
            contract: Snippet
            version: 1.0.0
            lifecycles:
              JobStatus:
                initial: waiting
                states:
                  waiting: { doc: Not started. }
                  in_progress: {}
                  done: { terminal: true, outcome: success }
                  gave_up: { terminal: true, outcome: failure }
                transitions:
                  waiting: [in_progress, gave_up]
                  in_progress: [done, gave_up]
                legacy: { finished: done }
            """),
        ("guarded_lifecycle", """
            contract: Snippet
            version: 1.0.0
            lifecycles:
              AttemptStatus:
                initial: RUNNING
                states:
                  RUNNING: {}
                  FAILED: {}
                  DEAD: { terminal: true, outcome: failure }
                transitions:
                  RUNNING: [FAILED]
                  FAILED:
                    - { to: RUNNING, when: "attempts < limit" }
                    - { to: DEAD, when: "attempts >= limit" }
                record: Attempt
            models:
              Attempt:
                fields:
                  status: { type: AttemptStatus }
                  attempts: { type: int }
                  limit: { type: int }
            """),
        ("closed_and_open_enums", """
            contract: Snippet
            version: 1.0.0
            enums:
              Color:
                values:
                  red: { doc: Warm. }
                  dark_blue: {}
              Channel:
                doc: Where a message goes.
                open: true
                values:
                  email: {}
                  push_notification: {}
            """),
        ("error_catalog", """
            contract: Snippet
            version: 1.0.0
            lifecycles:
              CallStatus:
                initial: open
                states:
                  open: {}
                  closed: { terminal: true, outcome: success }
                  broken: { terminal: true, outcome: failure }
                transitions:
                  open: [closed, broken]
            errors:
              CallError:
                pattern: "C[0-9]{2}"
                codes:
                  C01: { name: bad_request, category: client, retryable: false, message: The request is invalid. }
                  C02: { name: upstream_down, category: dependency, retryable: true, status: broken }
            """),
        ("normalize_table", """
            contract: Snippet
            version: 1.0.0
            errors:
              CallError:
                codes:
                  C01: { name: bad_request, category: client, retryable: false }
                  C02: { name: too_slow, category: timeout, retryable: true }
                  C03: { name: broken, category: system, retryable: false }
                normalize: { validation: C01, timeout: C02, default: C03 }
            """),
        ("retry_policies", """
            contract: RetrySnippet
            version: 1.0.0
            lifecycles:
              UploadStatus:
                initial: sending
                states:
                  sending: {}
                  sent: { terminal: true, outcome: success }
                transitions:
                  sending: [sent]
                retry: { max_retries: 5, initial_delay_ms: 200, multiplier: 1.5, max_delay_ms: 10000, jitter: full }
              FetchStatus:
                initial: fetching
                states:
                  fetching: {}
                  fetched: { terminal: true, outcome: success }
                transitions:
                  fetching: [fetched]
                retry: { max_retries: 2, initial_delay_ms: 50, max_delay_ms: 50 }
            errors:
              UploadError:
                lifecycle: UploadStatus
                codes:
                  U01: { name: rejected, category: client, retryable: false }
                  U02: { name: gave_up, category: system, retryable: false }
                normalize: { retry_exhausted: U02, default: U01 }
            """),
        ("model_field_types", """
            contract: Snippet
            version: 1.0.0
            models:
              Sample:
                doc: Every kind of field.
                additional_keys: allow
                fields:
                  name: { type: string }
                  flag: { type: bool, default: true }
                  count: { type: int, required: false, default: 5 }
                  ratio: { type: double, default: 0.5 }
                  seen_at: { type: timestamp }
                  seen_at_list: { type: list<timestamp>, default: [] }
                  seen_by_name: { type: map<timestamp>, nullable: true, required: false }
                  payload: { type: json, nullable: true }
                  tags: { type: list<string>, default: [] }
                  scores: { type: map<double>, default: {} }
                  default: { type: string, required: false, default: "x\\"y" }
            """),
        ("rules", """
            contract: Snippet
            version: 1.0.0
            enums:
              Level:
                values:
                  low: {}
                  none: {}
            models:
              Measure:
                fields:
                  value: { type: int }
                  limit: { type: double, nullable: true }
                  level: { type: Level, nullable: true }
                  label: { type: string }
                  checked: { type: bool }
                rules:
                  - id: value_below_limit
                    check: "limit == null or value <= limit"
                  - id: value_not_half
                    check: "value != 2.5 and value not in [1, 1.5]"
                  - id: level_known
                    check: "level in [low, none] or level == null"
                    message: level must be low or none when set.
                  - id: label_short
                    check: "not checked implies label in ['a', 'b']"
            """),
    ]

    @Test(arguments: snippets.map(\.name))
    func snippetGeneratesItsGoldenFile(_ name: String) throws {
        let schema = try #require(Self.snippets.first { $0.name == name }).schema
        let contract = try Golden.contract(schema, file: "\(name).yaml")
        try Golden.check(Golden.generate(contract, schemaPath: "\(name).yaml"),
                         against: "Tests/ContractCodegenTests/Golden/Swift/\(name).swift")
    }
}
