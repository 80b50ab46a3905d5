import ContractRuntime
import ContractSchema
import Testing

/// The retry policy generated from task_pipeline.yaml's `retry:`.
@Suite struct GeneratedRetryPolicyTests {
    @Test func taskPipelineHasTheSchemasPolicy() throws {
        let schema = try #require(try SeedSchemas.lifecycle("SubTaskStatus", in: "task_pipeline.yaml").retry)
        // The schema's declaration holds the runtime's policy; the generated one is the same value.
        #expect(ContractRuntime.RetryPolicy.taskPipeline == schema.policy)
        #expect(schema.initialDelayMilliseconds == 1000 && schema.maxDelayMilliseconds == 60_000)
    }

    @Test func taskPipelineWaitsInitialIntervalTimesTwoToTheN() {
        let policy = ContractRuntime.RetryPolicy.taskPipeline
        #expect((0..<8).map(policy.baseDelay(beforeRetry:))
                == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32), .seconds(60), .seconds(60)])
    }

    @Test func theCatalogBoundPolicyWrapsTheSamePolicy() {
        #expect(CatalogRetryPolicy<PipelineErrorCode>.taskPipeline.policy == .taskPipeline)
    }
}
