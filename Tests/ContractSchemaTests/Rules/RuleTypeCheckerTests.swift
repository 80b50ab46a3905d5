import Testing
@testable import ContractSchema
@testable import ContractSchemaLoader

private let taskStatus = RuleType.enumeration(name: "TaskStatus",
                                              values: ["pending", "running", "completed", "cancelled", "timed_out", "failed"])
private let errorCode = RuleType.enumeration(name: "ErrorCode", values: ["E001", "E002", "E003", "E004", "E005", "E006", "E007"])

/// The AIECS TaskStepResult model from `schema/execution.yaml`.
private let taskStepResult = RuleScope(modelName: "TaskStepResult", fields: [
    ("step", RuleOperand(type: .string, isNullable: false)),
    ("result", RuleOperand(type: .json, isNullable: false)),
    ("completed", RuleOperand(type: .bool, isNullable: false)),
    ("message", RuleOperand(type: .string, isNullable: false)),
    ("status", RuleOperand(type: taskStatus, isNullable: false)),
    ("error_code", RuleOperand(type: errorCode, isNullable: true)),
    ("error_message", RuleOperand(type: .string, isNullable: true)),
])

/// A model with one field of every other kind.
private let sampler = RuleScope(modelName: "Sampler", fields: [
    ("count", RuleOperand(type: .int, isNullable: false)),
    ("limit", RuleOperand(type: .int, isNullable: true)),
    ("ratio", RuleOperand(type: .double, isNullable: false)),
    ("started_at", RuleOperand(type: .timestamp, isNullable: false)),
    ("finished_at", RuleOperand(type: .timestamp, isNullable: true)),
    ("flag", RuleOperand(type: .bool, isNullable: true)),
    ("done", RuleOperand(type: .bool, isNullable: false)),
    ("name", RuleOperand(type: .string, isNullable: false)),
    ("tags", RuleOperand(type: .list(.string), isNullable: false)),
    ("labels", RuleOperand(type: .map(.string), isNullable: true)),
    ("owner", RuleOperand(type: .model("Owner"), isNullable: true)),
    ("payload", RuleOperand(type: .json, isNullable: true)),
    ("status", RuleOperand(type: taskStatus, isNullable: false)),
    ("previous", RuleOperand(type: taskStatus, isNullable: true)),
    ("mystery", RuleOperand(type: .unknown, isNullable: false)),
])

private func check(_ text: String, in scope: RuleScope) throws -> (resolved: RuleExpression, problems: [RuleProblem]) {
    RuleTypeChecker.check(try RuleParser.parse(text).get(), in: scope)
}

/// The problems found in `text`, as messages.
private func messages(_ text: String, in scope: RuleScope = sampler) throws -> [String] {
    try check(text, in: scope).problems.map(\.message)
}

/// The only problem found in `text`.
private func problem(_ text: String, in scope: RuleScope = sampler) throws -> RuleProblem? {
    let problems = try check(text, in: scope).problems
    #expect(problems.count == 1, "\(problems)")
    return problems.first
}

@Suite struct RuleTypeCheckerTests {
    // MARK: The TaskStepResult rules

    @Test func completedIffStatusCompletedResolvesTheLastNameAsAnEnumValue() throws {
        let (resolved, problems) = try check("completed == (status == completed)", in: taskStepResult)
        #expect(problems == [])
        let expected = RuleExpression.Kind.binary(
            .equal,
            RuleExpression(.field("completed"), span: 0..<9),
            RuleExpression(.binary(.equal, RuleExpression(.field("status"), span: 14..<20),
                                   RuleExpression(.enumValue(type: "TaskStatus", value: "completed"), span: 24..<33)),
                           span: 13..<34))
        #expect(resolved.kind == expected)
        #expect(resolved.isResolved)
    }

    @Test func errorCodeIffErrorMessageTypeChecks() throws {
        let (resolved, problems) = try check("(error_code == null) == (error_message == null)", in: taskStepResult)
        #expect(problems == [])
        #expect(resolved.referencedFields == ["error_code", "error_message"])
    }

    @Test func unsuccessfulHasErrorCodeResolvesTheListItemsAsStatuses() throws {
        let (resolved, problems) = try check("status in [failed, timed_out, cancelled] implies error_code != null", in: taskStepResult)
        #expect(problems == [])
        guard case .binary(.implies, let membership, _) = resolved.kind,
              case .membership(_, let items, negated: false) = membership.kind else {
            Issue.record("unexpected shape \(resolved)")
            return
        }
        #expect(items.map(\.kind) == ["failed", "timed_out", "cancelled"].map { .enumValue(type: "TaskStatus", value: $0) })
        #expect(resolved.referencedFields == ["status", "error_code"])
    }

    // MARK: Names

    @Test func aNameComparedWithAnEnumIsAValueEvenWhenAFieldHasTheSameName() throws {
        let (resolved, problems) = try check("completed == status", in: taskStepResult)
        #expect(problems == [])
        #expect(resolved.kind == .binary(.equal, RuleExpression(.enumValue(type: "TaskStatus", value: "completed"), span: 0..<9),
                                         RuleExpression(.field("status"), span: 13..<19)))
    }

    @Test func aNameNotComparedWithAnEnumIsAField() throws {
        let (resolved, problems) = try check("completed and status == running", in: taskStepResult)
        #expect(problems == [])
        #expect(resolved.referencedFields == ["completed", "status"])
    }

    @Test func anUnknownFieldIsReportedWithASuggestion() throws {
        #expect(try problem("complted", in: taskStepResult)
            == RuleProblem(span: 0..<8, message: "unknown field `complted` in model TaskStepResult; did you mean `completed`?"))
    }

    @Test func anUnknownFieldWithNothingCloseListsTheModelsFields() throws {
        #expect(try messages("zzzzzz", in: taskStepResult) == [
            "unknown field `zzzzzz` in model TaskStepResult; valid fields are `step`, `result`, `completed`, `message`, "
                + "`status`, `error_code`, `error_message`",
        ])
    }

    @Test func theListOfFieldsStopsAtTenAndCountsTheRest() throws {
        #expect(try messages("zzzzzz") == [
            "unknown field `zzzzzz` in model Sampler; valid fields are `count`, `limit`, `ratio`, `started_at`, "
                + "`finished_at`, `flag`, `done`, `name`, `tags`, `labels` and 5 more",
        ])
    }

    @Test func aMisspelledEnumValueIsReportedAgainstTheEnum() throws {
        #expect(try problem("status == runing", in: taskStepResult)
            == RuleProblem(span: 10..<16, message: "`runing` is not a value of TaskStatus; did you mean `running`?"))
    }

    @Test func aMisspelledEnumValueInAListIsReportedAgainstTheEnum() throws {
        #expect(try problem("status in [failed, timedout]", in: taskStepResult)
            == RuleProblem(span: 19..<27, message: "`timedout` is not a value of TaskStatus; did you mean `timed_out`?"))
    }

    @Test func aNameThatIsNeitherValueNorFieldSaysBothAndListsTheValues() throws {
        #expect(try messages("status == zzzzzz", in: taskStepResult)
            == ["`zzzzzz` is not a value of TaskStatus nor a field of TaskStepResult; valid values are `pending`, "
                + "`running`, `completed`, `cancelled`, `timed_out`, `failed`"])
    }

    @Test func capitalizedKeywordsSuggestTheKeyword() throws {
        #expect(try messages("flag == True") == ["unknown field `True` in model Sampler; did you mean `true`?"])
        #expect(try messages("limit == None") == ["unknown field `None` in model Sampler; did you mean `null`?"])
    }

    @Test func aNameComparedWithAFieldOfUnresolvedTypeIsNotReported() throws {
        let (resolved, problems) = try check("mystery == whatever", in: sampler)
        #expect(problems == [])
        #expect(!resolved.isResolved)
    }

    @Test func referencedFieldsAreInFirstOccurrenceOrderWithoutDuplicates() throws {
        let (resolved, _) = try check("count > 1 and (ratio < 2.0 or count < 3) and name != 'x'", in: sampler)
        #expect(resolved.referencedFields == ["count", "ratio", "name"])
    }

    // MARK: Conditions

    @Test func logicalOperatorsNeedBoolOperands() throws {
        #expect(try problem("count and done")
            == RuleProblem(span: 0..<5, message: "`and` needs true/false conditions on both sides, but `count` is int"))
        #expect(try messages("done or name") == ["`or` needs true/false conditions on both sides, but `name` is string"])
        #expect(try messages("ratio implies done") == ["`implies` needs true/false conditions on both sides, but `ratio` is double"])
    }

    @Test func notNeedsABoolOperand() throws {
        #expect(try problem("not name") == RuleProblem(span: 4..<8, message: "`not` needs a true/false condition, but `name` is string"))
    }

    @Test func aNullableBoolMustBeComparedFirst() throws {
        #expect(try problem("flag and done") == RuleProblem(span: 0..<4, message: "`flag` may be null; compare it with true or false first"))
        #expect(try messages("flag == true and done") == [])
    }

    @Test func theWholeRuleMustBeABool() throws {
        #expect(try problem("count") == RuleProblem(span: 0..<5, message: "a rule must be a true/false condition, this is int"))
        #expect(try messages("flag") == ["`flag` may be null; compare it with true or false first"])
        #expect(try messages("done") == [])
    }

    @Test func nullIsNotACondition() throws {
        #expect(try messages("null or done") == ["`or` needs true/false conditions on both sides, but `null` is null"])
    }

    // MARK: Equality

    @Test func equalTypesCompare() throws {
        #expect(try messages("name == 'x' and count != 3 and done == false and started_at == finished_at and status == previous") == [])
    }

    @Test func intAndDoubleCompareNumerically() throws {
        #expect(try messages("count == ratio and ratio != 2 and count == 2.5") == [])
    }

    @Test func nullableOperandsCompareWithNull() throws {
        #expect(try messages("limit == null and null != finished_at and previous == null and flag != null") == [])
    }

    @Test func nullableFieldsOfOtherKindsCompareWithNull() throws {
        #expect(try messages("labels == null and owner != null and payload == null") == [])
    }

    @Test func aNonNullableJsonFieldComparesWithNullBecauseJsonHasNull() throws {
        #expect(try messages("result == null", in: taskStepResult) == [])
    }

    @Test func comparingANonNullableFieldWithNullIsAnError() throws {
        #expect(try problem("step == null", in: taskStepResult) == RuleProblem(
            span: 0..<12, message: "`step` is never null, so this comparison is always false; remove it or make the field nullable"))
        #expect(try messages("tags != null") == ["`tags` is never null, so this comparison is always true; remove it or make the field nullable"])
    }

    @Test func aComputedConditionIsNeverNull() throws {
        #expect(try messages("(count == 1) == null") == ["`count == 1` is never null, so this comparison is always false; remove it or make the field nullable"])
    }

    @Test func opaqueValuesOnlyCompareWithNull() throws {
        #expect(try problem("payload == 'x'") == RuleProblem(
            span: 0..<14, message: "`payload` is json; json, list, map and model values can only be compared with null"))
        #expect(try messages("tags == tags") == ["`tags` is list<string>; json, list, map and model values can only be compared with null"])
        #expect(try messages("labels != labels") == ["`labels` is map<string>; json, list, map and model values can only be compared with null"])
        #expect(try messages("owner == owner") == ["`owner` is Owner; json, list, map and model values can only be compared with null"])
    }

    @Test func anEnumComparedWithAStringSuggestsTheBareValue() throws {
        #expect(try problem("status == 'running'", in: taskStepResult) == RuleProblem(
            span: 10..<19, message: "`status` is TaskStatus; write the bare value `running` instead of the string `'running'`"))
    }

    @Test func anEnumComparedWithAStringThatIsNoValueSuggestsAValue() throws {
        #expect(try messages("'runing' != status", in: taskStepResult)
            == ["`status` is TaskStatus; compare it with a bare value such as `running`, not a string"])
    }

    @Test func twoConstantsCannotBeCompared() throws {
        #expect(try problem("1 == 2") == RuleProblem(
            span: 0..<6, message: "both sides of `==` are constants, so the result never changes; compare a field"))
        #expect(try messages("null == null") == ["both sides of `==` are constants, so the result never changes; compare a field"])
        #expect(try messages("'a' != 'b'") == ["both sides of `!=` are constants, so the result never changes; compare a field"])
    }

    @Test func differentTypesCannotBeCompared() throws {
        #expect(try problem("count == name") == RuleProblem(span: 0..<13, message: "cannot compare `count` (int) with `name` (string)"))
        #expect(try messages("status == error_code", in: taskStepResult)
            == ["cannot compare `status` (TaskStatus) with `error_code` (ErrorCode)"])
        #expect(try messages("done == 1") == ["cannot compare `done` (bool) with `1` (int)"])
    }

    // MARK: Ordering

    @Test func numbersAndTimestampsCanBeOrdered() throws {
        #expect(try messages("count < 10 and ratio >= count and 0.5 <= ratio and started_at < finished_at and limit > count") == [])
    }

    @Test func orderingWithTheNullLiteralIsAnError() throws {
        #expect(try problem("limit < null") == RuleProblem(
            span: 8..<12, message: "an ordering with `null` is always false; use `==` or `!=` to test for null"))
    }

    @Test func orderingOtherTypesIsAnError() throws {
        #expect(try problem("name < 'm'") == RuleProblem(span: 0..<4, message: "`<` compares numbers or timestamps, but `name` is string"))
        #expect(try messages("status >= previous") == ["`>=` compares numbers or timestamps, but `status` is TaskStatus"])
        #expect(try messages("done > false") == ["`>` compares numbers or timestamps, but `done` is bool"])
    }

    @Test func numbersAndTimestampsCannotBeOrderedAgainstEachOther() throws {
        #expect(try messages("count < started_at") == ["cannot order `count` (int) against `started_at` (timestamp)"])
    }

    @Test func orderingTwoConstantsIsAnError() throws {
        #expect(try messages("1 < 2") == ["both sides of `<` are constants, so the result never changes; compare a field"])
    }

    // MARK: Membership

    @Test func membershipAcceptsLiteralsOfTheFieldsType() throws {
        #expect(try messages("name in ['a', 'b'] and count not in [1, 2] and ratio in [0.5, 1] and done in [true]") == [])
    }

    @Test func membershipAcceptsNullableFields() throws {
        #expect(try messages("limit in [1, 2] and previous not in [failed]") == [])
    }

    @Test func anEmptyListIsAnError() throws {
        #expect(try problem("count in []") == RuleProblem(span: 0..<11, message: "the list after `in` is empty, so this is always false"))
        #expect(try messages("count not in []") == ["the list after `in` is empty, so this is always true"])
    }

    @Test func listItemsMustMatchTheFieldsType() throws {
        #expect(try problem("count in [1, 'two']") == RuleProblem(
            span: 13..<18, message: "list items must be int values like `count`, but `'two'` is string"))
    }

    @Test func bareNamesInAStringListShouldBeQuoted() throws {
        #expect(try problem("name in [alpha]") == RuleProblem(span: 9..<14, message: "list items must be string literals; write 'alpha' instead of `alpha`"))
        #expect(try messages("count in [alpha]") == ["list items must be int literals, but `alpha` is a name"])
    }

    @Test func enumListsTakeBareValuesNotStrings() throws {
        #expect(try messages("status in ['failed']", in: taskStepResult)
            == ["`status` is TaskStatus; write the bare value `failed` instead of the string `'failed'`"])
    }

    @Test func nullIsNeverAListItem() throws {
        #expect(try problem("limit in [1, null]") == RuleProblem(span: 13..<17, message: "`null` is never in a list; test `limit == null` separately"))
    }

    @Test func theLeftSideOfInMustBeAField() throws {
        #expect(try problem("1 in [1, 2]") == RuleProblem(span: 0..<1, message: "the left side of `in` must be a field, not `1`"))
        #expect(try messages("(count == 1) in [true]") == ["the left side of `in` must be a field, not `count == 1`"])
    }

    @Test func onlySimpleFieldsCanBeListMembers() throws {
        #expect(try problem("started_at in [1]") == RuleProblem(
            span: 0..<10, message: "`in` needs a string, int, double, bool or enum field, but `started_at` is timestamp"))
        #expect(try messages("payload in ['a']") == ["`in` needs a string, int, double, bool or enum field, but `payload` is json"])
    }

    @Test func anUnknownFieldBeforeInIsReportedOnce() throws {
        #expect(try messages("stauts in [failed]", in: taskStepResult) == ["unknown field `stauts` in model TaskStepResult; did you mean `status`?"])
    }

    // MARK: Reporting

    @Test func independentProblemsAreAllReportedInTextOrder() throws {
        let problems = try check("count and zzz == 1 and name < 2", in: sampler).problems
        #expect(problems.map(\.span.lowerBound) == [0, 10, 23])
        #expect(problems.map(\.message) == [
            "`and` needs true/false conditions on both sides, but `count` is int",
            "unknown field `zzz` in model Sampler; valid fields are `count`, `limit`, `ratio`, `started_at`, "
                + "`finished_at`, `flag`, `done`, `name`, `tags`, `labels` and 5 more",
            "`<` compares numbers or timestamps, but `name` is string",
        ])
    }

    @Test func aWrongComparisonIsNotReportedAgainByTheOperatorAroundIt() throws {
        #expect(try messages("not (count == name)") == ["cannot compare `count` (int) with `name` (string)"])
        #expect(try messages("done == (count == name)") == ["cannot compare `count` (int) with `name` (string)"])
    }

    @Test func aFieldOfUnresolvedTypeIsCompatibleWithEverything() throws {
        #expect(try messages("mystery == 1 and mystery < 'a' and mystery and mystery in [x]") == [])
    }

    @Test func alreadyResolvedExpressionsCheckAgainCleanly() throws {
        let (resolved, _) = try check("status in [failed] implies completed == (status == completed)", in: taskStepResult)
        let (again, problems) = RuleTypeChecker.check(resolved, in: taskStepResult)
        #expect(problems == [])
        #expect(again == resolved)
    }
}
