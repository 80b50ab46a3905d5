import ContractRuntime
import Foundation
import Testing

/// Messages name a schema type's values with the article its name takes, the same in every path.
@Suite struct ValueWordingTests {
    @Test(arguments: [("TaskStatus", "a"), ("ExecutionStatus", "an"), ("Order", "an"), ("AgentRun", "an"),
                      ("ItemKind", "an"), ("Update", "an"), ("Unknown", "an"), ("User", "a"), ("UnitPrice", "a"),
                      ("Usage", "a"), ("Utility", "a"), ("Batch", "a"), ("HTTPCall", "a")])
    func theArticleFollowsTheSoundOfTheName(name: String, article: String) {
        #expect(ValueWording.article(for: name) == article)
        #expect(ValueWording.object(of: name) == "\(article) \(name) object")
        #expect(ValueWording.wireValue(of: name) == "\(article) \(name) value (a string)")
    }

    @Test func theRuntimesTypesDescribeThemselvesWithTheSameWords() {
        #expect(String.jsonDescription == "a string")
        #expect(Int64.jsonDescription == "an integer")
        #expect(Date.jsonDescription == "an RFC 3339 timestamp string")
        #expect([Int64].jsonDescription == "an array")
        #expect(Int64?.jsonDescription == "an integer or null")
    }
}
