import ContractRunStores
import Foundation

/// A process that begins one tracked run and never ends it by itself: the SIGKILL sweep tests start
/// it, wait for `started <run id>` on standard output, kill it with SIGKILL and check that the next
/// sweep closes the run it left running.
///
/// Usage: RunTrackerChild DATABASE   (any location `RunDatabase` reads)
@main
enum RunTrackerChild {
    static func main() async {
        guard CommandLine.arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: RunTrackerChild DATABASE\n".utf8))
            exit(2)
        }
        do {
            let database = try RunDatabase(CommandLine.arguments[1])
            try await database.withStore { store in
                let tracker = RunTracker(store: store)
                try await tracker.withRun(source: .heartbeat, sourceRef: "sigkill-test") {
                    FileHandle.standardOutput.write(Data("started \(RunTracker.currentRunID ?? "?")\n".utf8))
                    try await Task.sleep(for: .seconds(3600))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("RunTrackerChild: \(error)\n".utf8))
            exit(1)
        }
    }
}
