import ContractSchemaLoader
@testable import ContractValidation
import Testing

/// A validator's plan owns every plan object its types refer to, and those refer to each other without
/// counting: plans of models that refer to each other (and to themselves) are freed with the validator,
/// and are alive as long as it is.
@Suite struct PlanOwnershipTests {
    static let schema = """
        contract: Trees
        version: 1.0.0
        enums:
          Color:
            values: [red, green]
        models:
          Node:
            fields:
              color: { type: Color }
              children: { type: "list<Node>" }
              by_name: { type: "map<Leaf>", required: false }
          Leaf:
            fields:
              parent: { type: Node, nullable: true }
        """

    @Test func plansThatReferToEachOtherAreFreedWithTheValidator() throws {
        let result = SchemaLoader().load(text: Self.schema, file: "trees.yaml")
        let contract = try #require(result.contract, "\(result.diagnostics)")
        weak var root: ModelPlan?
        weak var other: AnyObject?
        do {
            let validator = try RecordValidator(contract: contract, model: "Node")
            root = validator.plan
            other = validator.plan.owned.first { ($0 as? ModelPlan)?.name == "Leaf" }
            #expect(validator.plan.owned.count >= 4, "Leaf, Color, the list's and map's elements")
            // Judged through the references, nested: the plans are alive while the validator is.
            let record = #"{"color":"red","children":[{"color":"green","children":[]}],"by_name":{"a":{"parent":{"color":"red","children":[]}}}}"#
            #expect(validator.validate(Array(record.utf8)) == nil)
            let wrong = #"{"color":"red","children":[],"by_name":{"a":{"parent":{"color":"blue","children":[]}}}}"#
            #expect(validator.validate(Array(wrong.utf8))?.path == "$.by_name.a.parent.color")
            #expect(root != nil && other != nil)
        }
        #expect(root == nil, "the validator's plan was not freed")
        #expect(other == nil, "a plan it owned was not freed")
    }
}
