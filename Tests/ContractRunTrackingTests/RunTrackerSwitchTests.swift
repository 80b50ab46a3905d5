import ContractRunTracking
import ContractRuntime
import Testing

@Suite struct RunTrackerSwitchTests {
    static let variable = "PROXYCAST_EXECUTION_TRACKER_ENABLED"

    @Test(arguments: ["0", "false", "off", "no", "FALSE", " Off ", "No"])
    func theseValuesTurnTrackingOff(_ value: String) {
        #expect(!RunTrackerConfiguration.isEnabled(byEnvironmentValue: value))
    }

    @Test(arguments: [nil, "", "1", "true", "on", "yes", "anything"] as [String?])
    func otherValuesAndNoValueLeaveTrackingOn(_ value: String?) {
        #expect(RunTrackerConfiguration.isEnabled(byEnvironmentValue: value))
    }

    @Test func theServiceChoosesTheVariableName() {
        let off = RunTrackerConfiguration().enabled(byEnvironmentVariable: Self.variable, environment: [Self.variable: "off"])
        let on = RunTrackerConfiguration().enabled(byEnvironmentVariable: Self.variable, environment: ["OTHER": "off"])
        #expect(!off.isEnabled)
        #expect(on.isEnabled)
    }

    @Test func aDisabledTrackerRecordsNothingAndLeavesTheBodyUnchanged() async throws {
        struct Boom: Error, Equatable {}
        let store = InMemoryRunStore()
        let tracker = RunTracker(store: store, configuration: RunTrackerConfiguration()
            .enabled(byEnvironmentVariable: Self.variable, environment: [Self.variable: "0"]))
        let updates = tracker.updates()
        #expect(try await tracker.withRun(source: .chat) { "value" } == "value")
        await #expect(throws: Boom()) { try await tracker.withRun(source: .chat) { throw Boom() } }
        // The timeout still applies: the body behaves the same with tracking on or off.
        await #expect(throws: ContractTimeoutError.self) {
            try await tracker.withRun(source: .chat, timeout: .milliseconds(20)) { try await Task.sleep(for: .seconds(30)) }
        }
        // Metadata is not checked when nothing is recorded.
        let big: JSONObject = ["t": .string(String(repeating: "x", count: 10_000))]
        try await tracker.withRun(source: .chat, metadata: big) {}
        #expect(try await store.list(RunQuery()).runs.isEmpty)
        #expect(updates.droppedCount == 0)
    }
}
