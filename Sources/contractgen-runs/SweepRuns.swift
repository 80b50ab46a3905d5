import ArgumentParser
import ContractRunStores
import Foundation

struct SweepRuns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Close runs left running by a process that died.",
        discussion: """
        Every run still running that started more than --older-than seconds ago is finished with \
        status timeout and code stale_run ("The run was interrupted and did not finish."). A run that \
        finished meanwhile is left as it is. Prints the runs it closed.
        """
    )

    @OptionGroup var options: DatabaseOptions

    @Option(help: ArgumentHelp("Close runs running for longer than this many seconds.", valueName: "seconds"))
    var olderThan: Int = Int(RunStoreDefaults.staleThreshold.components.seconds)

    func validate() throws {
        guard olderThan >= 0 else { throw ValidationError("--older-than must be 0 or more seconds, got \(olderThan)") }
    }

    func run() async throws {
        let threshold = Duration.seconds(olderThan)
        let swept = try await options.withStore { try await $0.sweepStale(olderThan: threshold, now: Date()) }
        switch options.format {
        case .json:
            let runs = try swept.map { try $0.jsonString() }
            standardOutput("{\"swept\":[\(runs.joined(separator: ","))]}\n")
        case .table:
            standardOutput(RunTable.render(swept))
            standardError("swept \(swept.count) stale run\(swept.count == 1 ? "" : "s")\n")
        }
    }
}
