/// One thing wrong with a plan, located by a JSON path such as `actions[12].owner`.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension Plan {
    /// The problems a plan cannot even be read past: every command works out quarters from the
    /// period and the financial year's first month, and reports from indicator values, so a plan
    /// with one of these is refused when it is loaded, by every command (an ordinary problem is
    /// refused only before a change).
    public func loadProblems() -> [Problem] {
        calendarProblems() + indicatorValueProblems() + frozenQuarters.enumerated().flatMap { i, frozen in
            frozen.plan.loadProblems().map { Problem(path: "frozenQuarters[\(i)].plan.\($0.path)", message: $0.message) }
        }
    }

    /// The period's years and the financial year's first month, without which no quarter can be
    /// worked out.
    func calendarProblems() -> [Problem] {
        var problems: [Problem] = []
        if let problem = Period.problem(with: period.start) { problems.append(Problem(path: "period.start", message: problem)) }
        if let problem = Period.problem(with: period.end) { problems.append(Problem(path: "period.end", message: problem)) }
        if !(1...12).contains(financialYearStartMonth) {
            problems.append(Problem(path: "financialYearStartMonth", message: "expected a month from 1 to 12, found \(financialYearStartMonth)"))
        }
        return problems
    }

    /// Every problem with the plan's content, in file order. Empty when the plan is valid.
    public func validate() -> [Problem] {
        var problems: [Problem] = []
        func report(_ path: String, _ message: String) { problems.append(Problem(path: path, message: message)) }

        checkPlanFields(report: report)
        let ownerIDs = checkIDs(owners.map(\.id), list: "owners", report: report)
        for (i, owner) in owners.enumerated() {
            if owner.name.isBlank { report("owners[\(i)].name", "must not be empty") }
            if !owner.id.isBlank, let problem = Owner.idProblem(owner.id) { report("owners[\(i)].id", "\"\(owner.id)\" \(problem)") }
        }
        let workstreamIDs = checkIDs(workstreams.map(\.id), list: "workstreams", report: report)
        _ = checkIDs(actions.map(\.id), list: "actions", report: report)

        // Which quarters the period holds cannot be known without a period in sensible years and
        // a month to start the financial year: those checks wait until both are put right.
        let calendarKnown = calendarProblems().isEmpty
        let first = firstQuarter, last = lastQuarter
        func inPeriod(_ quarter: Quarter) -> Bool {  // isInPeriod, hoisted
            !calendarKnown || (period.start <= period.end && first <= quarter && quarter <= last)
        }
        for (i, action) in actions.enumerated() {
            checkAction(action, at: i, ownerIDs: ownerIDs, workstreamIDs: workstreamIDs, inPeriod: inPeriod, report: report)
        }
        checkQuarterRecords(inPeriod: inPeriod, report: report)
        return problems + indicatorProblems(ownerIDs: ownerIDs, workstreamIDs: workstreamIDs, inPeriod: inPeriod) + measureProblems()
            + conflictProblems() + frozenQuarterProblems()
    }

    /// The plan's own fields: schema version, names, period, financial year, status and group keys.
    private func checkPlanFields(report: (String, String) -> Void) {
        if schemaVersion != Plan.currentSchemaVersion {
            report("schemaVersion", "expected \(Plan.currentSchemaVersion), found \(schemaVersion)")
        }
        if id.isBlank { report("id", "must not be empty") }
        if title.isBlank { report("title", "must not be empty") }
        if partnership.isBlank { report("partnership", "must not be empty") }
        let calendar = calendarProblems()
        calendar.filter { $0.path == "period.start" }.forEach { report($0.path, $0.message) }
        if period.end < period.start {
            report("period.end", "end \(period.end) is before start \(period.start)")
        }
        calendar.filter { $0.path != "period.start" }.forEach { report($0.path, $0.message) }
        let statusKeys = Status.allCases.map(\.rawValue)
        for key in ragDefinitions.keys.sorted() where !statusKeys.contains(key) {
            report("ragDefinitions.\(key)", "unknown status; expected one of \(statusKeys.joined(separator: ", "))")
        }
        for key in statusWords.keys.sorted() where !statusKeys.contains(key) {
            report("statusWords.\(key)", "unknown status; expected one of \(statusKeys.joined(separator: ", "))")
        }
        let groupKeys = PreventionGroup.allCases.map(\.rawValue)
        for key in groups.keys.sorted() where !groupKeys.contains(key) {
            report("groups.\(key)", "unknown prevention group; expected one of \(groupKeys.joined(separator: ", "))")
        }
        if let groupOrder, Set(groupOrder).count != groupOrder.count || groupOrder.count != PreventionGroup.allCases.count {
            report("groupOrder", "expected each of \(groupKeys.joined(separator: ", ")) once, found \(groupOrder.map(\.rawValue).joined(separator: ", "))")
        }
        checkFundingLines(fundingLines, path: "fundingLines", report: report)
    }

    /// One action (`actions[i]`): its fields, the owners and workstreams it names, its funding
    /// lines, milestones, due-date changes and reviews. Paths are only spelled out for problems:
    /// a valid 10,000-action plan builds none.
    private func checkAction(_ action: Action, at i: Int, ownerIDs: Set<String>, workstreamIDs: Set<String>,
                             inPeriod: (Quarter) -> Bool, report: (String, String) -> Void) {
        func path(_ field: String) -> String { "actions[\(i)].\(field)" }
        if action.title.isBlank { report(path("title"), "must not be empty") }
        if action.preventionGroup == nil {
            let groupKeys = PreventionGroup.allCases.map(\.rawValue)
            report(path("group"), "unknown prevention group \"\(action.group)\"; expected one of \(groupKeys.joined(separator: ", "))")
        }
        if !ownerIDs.contains(action.owner) {
            report(path("owner"), "unknown owner \"\(action.owner)\"")
        }
        for (j, partner) in action.partners.enumerated() where !ownerIDs.contains(partner) {
            report(path("partners[\(j)]"), "unknown owner \"\(partner)\"")
        }
        for (j, workstream) in action.workstreams.enumerated() where !workstreamIDs.contains(workstream) {
            report(path("workstreams[\(j)]"), "unknown workstream \"\(workstream)\"")
        }
        if let start = action.start, let due = action.due, due < start {
            report(path("due"), "due \(due) is before start \(start)")
        }
        if !action.fundingLines.isEmpty { checkFundingLines(action.fundingLines, path: path("fundingLines"), report: report) }
        if !action.milestones.isEmpty {
            _ = checkIDs(action.milestones.map(\.id), list: path("milestones"), report: report)
            for (j, milestone) in action.milestones.enumerated() where milestone.title.isBlank {
                report(path("milestones[\(j)].title"), "must not be empty")
            }
        }
        for (j, change) in action.dueDateChanges.enumerated() where change.reason.isBlank {
            report(path("dueDateChanges[\(j)].reason"), "a due-date change needs a reason")
        }
        let reviews = action.reviews
        for j in reviews.indices {
            let quarter = reviews[j].quarter
            if let earlier = reviews[..<j].firstIndex(where: { $0.quarter == quarter }) {
                report(path("reviews[\(j)].quarter"), "second review for \(quarter) (first is reviews[\(earlier)])")
            }
            if !inPeriod(quarter) {
                report(path("reviews[\(j)].quarter"), "\(quarter) is outside the plan period \(period.start) to \(period.end)")
            }
            if let board = reviews[j].board, board.reason.isBlank {
                report(path("reviews[\(j)].board.reason"), "the board's view needs its reason")
            }
        }
    }

    /// The closed-quarter records: each quarter once, within the plan period.
    private func checkQuarterRecords(inPeriod: (Quarter) -> Bool, report: (String, String) -> Void) {
        var recorded: [Quarter: Int] = [:]
        for (i, record) in quarters.enumerated() {
            if let first = recorded[record.quarter] {
                report("quarters[\(i)].quarter", "\(record.quarter) is listed twice (first at quarters[\(first)])")
            } else {
                recorded[record.quarter] = i
            }
            if !inPeriod(record.quarter) {
                report("quarters[\(i)].quarter", "\(record.quarter) is outside the plan period \(period.start) to \(period.end)")
            }
        }
    }
}

/// Reports duplicate ids and lines with a problem (`FundingLine.problem`) in a list of funding lines.
private func checkFundingLines(_ lines: [FundingLine], path: String, report: (String, String) -> Void) {
    _ = checkIDs(lines.map(\.id), list: path, report: report)
    for (i, line) in lines.enumerated() {
        if let problem = line.problem { report("\(path)[\(i)].\(problem.field)", problem.message) }
    }
}

/// Reports empty and duplicate ids in one list and returns the set of ids.
func checkIDs(_ ids: [String], list: String, report: (String, String) -> Void) -> Set<String> {
    var firstIndex: [String: Int] = [:]
    for (i, id) in ids.enumerated() {
        if id.isBlank {
            report("\(list)[\(i)].id", "must not be empty")
        } else if let first = firstIndex[id] {
            report("\(list)[\(i)].id", "duplicate id \"\(id)\" (first used at \(list)[\(first)])")
        } else {
            firstIndex[id] = i
        }
    }
    return Set(firstIndex.keys)
}
