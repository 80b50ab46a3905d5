import ArgumentParser
import ContractRunStores
import Foundation

struct ShowRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run with its error and metadata.",
        discussion: """
        Reads only, like list. Exits with 1 when no run has the id, or when its row holds no valid run \
        (the problems are printed by id).
        """
    )

    @OptionGroup var options: DatabaseOptions

    @Argument(help: "The run's id.")
    var id: String

    func run() async throws {
        let id = self.id
        guard let run = try await options.withStore(access: .readOnly, { try await $0.get(id: id) }) else {
            throw RunsFailure(message: "no run with id '\(id)' in \(try options.location())", exitCode: 1)
        }
        switch options.format {
        case .json: standardOutput(try run.jsonString() + "\n")
        case .table: standardOutput(try RunTable.details(run))
        }
    }
}
