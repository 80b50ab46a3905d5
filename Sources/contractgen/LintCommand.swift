import ArgumentParser
import ContractRuntime
import ContractSchema

/// `contractgen lint`: report every problem in one or more schemas.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check schemas and report every finding as file:line:column.",
        discussion: """
        Reads each UTF-8 schema (a leading byte-order mark is allowed), refuses YAML the schema language \
        does not allow (anchors, aliases, tags, merge keys, duplicate keys, tabs) and checks the contract: \
        unknown keys and names (with a suggestion, or the valid names), unknown references, duplicate \
        names and codes, codes that miss the catalog's pattern, unreachable states, terminal states with \
        exits, dead-end states, rules that do not type-check, and names that collide once turned into \
        Swift. YAML syntax errors and keys at the wrong indentation are reported as such, naming where the \
        block concerned began; each mistake gives one finding, not the findings that follow from it.

        An error catalog's `pattern` is matched in linear time, so it may use only literal characters, \
        `.`, `\\d \\w \\s \\D \\W \\S`, metacharacters escaped with `\\`, classes (`[a-z0-9_]`, `[^...]`), \
        groups (`(...)`, `(?:...)`), `|`, the quantifiers `* + ? {n} {n,} {n,m}` and `^`/`$` at its ends. \
        Backreferences, lookaround, named groups, possessive quantifiers, Unicode properties and inline \
        options are refused with their location. A pattern may be 1,000 bytes long, repeat at most 1,000 \
        times per count and compile to at most 10,000 instructions.

        Findings go to standard error, sorted by position, one per line:
          schema/execution.yaml:13:5: error: unknown key `initail` in lifecycle `TaskStatus`; did you mean `initial`?

        Without a file it reads schema/execution.yaml in the current directory (exit 2 when there is none).

        Exit codes: 0 no errors (warnings may be printed), 1 errors found, 2 a file could not be read \
        or the arguments are wrong. With --strict, warnings count as errors.

        Examples:
          contractgen lint
          contractgen lint schema/*.yaml
        """
    )

    @OptionGroup var schema: SchemaOptions

    @Flag(help: "Treat warnings as errors (exit 1 when any warning is printed).")
    var strict = false

    func run() throws {
        let results = try SchemaSession(options: schema).loadAll(missingDefault: .nameTheFile(command: "lint", example: "path/to/contract.yaml"))
        var code = SchemaSession.report(results)
        if strict, code == .success, results.contains(where: { !$0.result.diagnostics.isEmpty }) {
            code = ExitCode(1)
        }
        if code == .success {
            Console.standardError("\(Plural.counted(results.count, "schema")) clean\n")
        }
        throw code
    }
}
