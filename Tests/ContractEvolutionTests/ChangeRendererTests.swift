import ContractEvolution
import ContractSchema
import Foundation
import Testing

@Suite struct ChangeRendererTests {
    private func renderer(_ name: String) throws -> ChangeRenderer {
        let old = try DiffFixtures.contract("Tests/Fixtures/diff/\(name).old.yaml")
        let new = try DiffFixtures.contract("Tests/Fixtures/diff/\(name).new.yaml")
        return ChangeRenderer(old: old, new: new, changes: ContractDiff.compare(old: old, new: new))
    }

    @Test func textGroupsChangesByClassWithBothLocationsOnEachLine() throws {
        let text = try renderer("state_became_terminal").text()
        let lines = text.split(separator: "\n").map(String.init)
        let both = try #require(lines.firstIndex { $0.hasPrefix("Breaking for consumers and producers") })
        let producers = try #require(lines.firstIndex { $0.hasPrefix("Breaking for producers") })
        #expect(both < producers)
        let change = lines[both + 1]
        #expect(change.contains("Tests/Fixtures/diff/state_became_terminal.old.yaml:"))
        #expect(change.contains(" -> ") && change.contains("Tests/Fixtures/diff/state_became_terminal.new.yaml:"))
        #expect(change.contains("[state_became_terminal] OrderStatus.failed"))
    }

    @Test func jsonHasTheStableKeysForEveryChange() throws {
        let data = Data(try renderer("field_renamed").json().utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["breaking"] as? Bool == true)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(Set(changes[0].keys) == ["kind", "class", "subject", "message", "old", "new"])
        #expect(changes[0]["class"] as? String == "breaking_both")
        let old = try #require(changes[0]["old"] as? [String: Any])
        #expect(Set(old.keys) == ["file", "line", "column"])
    }

    @Test func markdownHasATablePerClass() throws {
        let markdown = try renderer("version_bump_too_small").markdown()
        #expect(markdown.hasPrefix("### Contract changes: Orders 1.0.0 → 1.1.0\n"))
        #expect(markdown.contains("#### Breaking for consumers (1)\n\n| Change | Subject | Details | Old | New |"))
        #expect(markdown.contains("#### Version (1)"))
        #expect(markdown.contains("| `enum_value_added` | `Channel.mail` |"))
    }

    @Test func noChangesSaysSo() throws {
        let contract = try DiffFixtures.contract("schema/execution.yaml")
        let renderer = ChangeRenderer(old: contract, new: contract, changes: [])
        #expect(renderer.text() == "Execution 1.1.0 → 1.1.0: no changes\n")
        #expect(renderer.markdown().hasSuffix("No changes.\n"))
    }
}
