import ContractRuntime
import Testing

/// The conformance cases under `Tests/Fixtures/json/suite`; see the README there.
@Suite struct JSONSuiteTests {
    @Test func theSuiteHasEnoughCasesOfEachKind() {
        #expect(JSONFixtures.suiteFiles(prefix: "y_").count >= 60)
        #expect(JSONFixtures.suiteFiles(prefix: "n_").count >= 120)
        #expect(JSONFixtures.suiteFiles(prefix: "i_").count >= 20)
    }

    @Test(arguments: JSONFixtures.suiteFiles(prefix: "y_"))
    func acceptedCaseParses(file: String) throws {
        let bytes = try JSONFixtures.bytes(file)
        #expect(throws: Never.self) { try JSONValue(strictUTF8: bytes) }
    }

    @Test(arguments: JSONFixtures.suiteFiles(prefix: "n_"))
    func rejectedCaseFailsWithItsListedCategory(file: String) throws {
        let expected = try #require(try JSONFixtures.expectedCategories()[file], "n_categories.txt has no line for \(file)")
        let error = try #require(readError(try JSONFixtures.bytes(file)), "\(file) parsed")
        #expect(error.category.rawValue == expected, "\(file): \(error)")
    }

    @Test(arguments: JSONFixtures.suiteFiles(prefix: "i_"))
    func implementationDefinedCaseFollowsTheDocumentedPolicy(file: String) throws {
        let policy = try #require(try JSONFixtures.implementationDefinedPolicy()[file], "README.md has no row for \(file)")
        let error = readError(try JSONFixtures.bytes(file))
        if policy.accept {
            #expect(error == nil, "\(file): \(String(describing: error))")
        } else {
            #expect(error?.category.rawValue == policy.category, "\(file): \(String(describing: error))")
        }
    }

    @Test(arguments: JSONFixtures.suiteFiles(prefix: "n_"))
    func rejectedCaseAlsoFailsWhenSkipped(file: String) throws {
        let bytes = try JSONFixtures.bytes(file)
        #expect(throws: JSONReadError.self) {
            try JSONReader.withReader(reading: bytes) { reader in
                try reader.skipValue()
                try reader.expectEnd()
            }
        }
    }

    @Test(arguments: JSONFixtures.suiteFiles(prefix: "y_"))
    func acceptedCaseAlsoPassesWhenSkipped(file: String) throws {
        let bytes = try JSONFixtures.bytes(file)
        try JSONReader.withReader(reading: bytes) { reader in
            try reader.skipValue()
            try reader.expectEnd()
        }
    }
}
