import ContractRunStorePostgres
import Testing

@Suite struct PostgresURLTests {
    @Test func aFullURLGivesEverySetting() throws {
        let url = try PostgresURL("postgres://postgres:p%40ss@127.0.0.1:5433/contracts_test")
        #expect(url.host == "127.0.0.1")
        #expect(url.port == 5433)
        #expect(url.username == "postgres")
        #expect(url.password == "p@ss")
        #expect(url.database == "contracts_test")
    }

    @Test func thePortDefaultsTo5432() throws {
        #expect(try PostgresURL("postgresql://u@db/x").port == 5432)
    }

    @Test func unusableURLsAreRefusedWithTheReason() {
        #expect(throws: PostgresURLError.unsupportedScheme("mysql")) { try PostgresURL("mysql://u@h/db") }
        #expect(throws: PostgresURLError.missingUser) { try PostgresURL("postgres://h/db") }
        #expect(throws: PostgresURLError.unsupportedSSLMode("verify-full")) {
            try PostgresURL("postgres://u@h/db?sslmode=verify-full")
        }
    }
}
