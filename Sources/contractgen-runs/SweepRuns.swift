import ArgumentParser
import ContractRunStores
import Foundation

struct SweepRuns: AsyncParsableCommand {
    /// The thresholds `--older-than` accepts, in seconds: up to ten years (of 365 days).
    static let olderThanRange = 0...315_360_000

    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Close runs left running by a process that died.",
        discussion: """
        Every run still running that started more than --older-than seconds ago is finished with \
        status timeout and code stale_run ("The run was interrupted and did not finish."). A run that \
        finished meanwhile is left as it is. Prints the runs it closed.

        Writes rows but never creates or migrates: the database must hold the current agent_runs \
        table (see `contractgen runs init`). A stale row that holds no valid run is left as it is and \
        reported by id (exit code 1).
        """
    )

    @OptionGroup var options: DatabaseOptions

    @Option(help: ArgumentHelp("Close runs running for longer than this many seconds "
                               + "(\(olderThanRange.lowerBound)…\(olderThanRange.upperBound); default "
                               + "\(RunStoreDefaults.staleThreshold.components.seconds)).",
                               valueName: "seconds"),
            transform: IntegerArgument.inRange(olderThanRange, unit: "seconds"))
    var olderThan: Int = Int(RunStoreDefaults.staleThreshold.components.seconds)

    func run() async throws {
        let threshold = Duration.seconds(olderThan)
        let sweep = try await options.withStore(access: .readWrite) {
            try await $0.sweepStale(olderThan: threshold, now: Date())
        }
        switch options.format {
        case .json:
            let runs = try sweep.swept.map { try $0.jsonString() }
            standardOutput("{\"swept\":[\(runs.joined(separator: ","))],"
                           + "\"unreadable\":\(try UnreadableRunReport.json(sweep.unreadable))}\n")
        case .table:
            standardOutput(RunTable.render(sweep.swept))
            standardError(UnreadableRunReport.lines(sweep.unreadable))
            standardError("swept \(sweep.swept.count) stale run\(sweep.swept.count == 1 ? "" : "s")\n")
        }
        if !sweep.unreadable.isEmpty { throw ExitCode(1) }
    }
}
