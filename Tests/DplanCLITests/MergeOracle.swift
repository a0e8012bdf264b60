import PlanModel

/// What a merge of three plan versions must give, worked out field by field from the versions
/// themselves without the merge's code: the model the merge simulation checks every merge
/// against. Actions are known by who created them and when (an id may be renumbered), the rest
/// by their content; a review is one statement (status and words, credited to its author), and a
/// review missing from a version holds the action's status and no words. A quarter one side
/// closed keeps the reviews it closed with: an update the other side gave it is a conflict.
struct MergeOracle {
    /// One fact about a plan: an action's field, a milestone's state, a funding line, a review.
    struct Fact: Hashable {
        var item: String
        var field: String
    }

    /// A plan's facts by item and field, with the action ids they belong to (for conflict paths).
    struct Facts {
        var values: [Fact: String] = [:]
        var sets: [Fact: Set<String>] = [:]
        var actionIDs: [String: String] = [:]
        var deleted: Set<String> = []
        var audit: [String: Set<String>] = [:]
        /// Each review's status, words and author, by action item and quarter.
        var reviews: [String: String] = [:]
        /// When each closed quarter was closed.
        var closed: [String: String] = [:]

        init(_ plan: Plan) {
            for action in plan.actions {
                let item = MergeOracle.key(action)
                actionIDs[item] = action.id
                let fields: [(String, String)] = [
                    ("title", action.title), ("description", action.description), ("owner", action.owner),
                    ("status", action.status.rawValue), ("commentary", action.commentary), ("due", action.due?.description ?? ""),
                    ("outcomeMeasure", action.outcomeMeasure), ("decisionNeeded", action.decisionNeeded ?? ""),
                    ("restricted", action.commentaryRestricted == true ? "yes" : "no"),
                ]
                for (field, value) in fields { values[Fact(item: item, field: field)] = value }
                sets[Fact(item: item, field: "partners")] = Set(action.partners)
                sets[Fact(item: item, field: "workstreams")] = Set(action.workstreams)
                for milestone in action.milestones {
                    values[Fact(item: item, field: "milestone \(milestone.title) due \(milestone.due)")] = milestone.isDone ? "done" : "open"
                }
                for line in action.fundingLines { values[Fact(item: item, field: "funding \(line.source)")] = "\(line.year) \(line.amount)" }
                for review in action.reviews {
                    values[Fact(item: item, field: "review \(review.quarter)")] = "\(review.status.rawValue)|\(review.commentary)"
                    reviews["\(item) \(review.quarter)"] = "\(review.status.rawValue)|\(review.commentary)|\(review.by)"
                }
                audit[item] = Set((action.changeLog ?? []).map { "\($0.field)|\($0.from)|\($0.to)|\($0.by)|\($0.on)" })
            }
            for line in plan.fundingLines { values[Fact(item: "plan", field: "funding \(line.source)")] = "\(line.year) \(line.amount)" }
            audit["plan"] = Set((plan.changeLog ?? []).map { "\($0.field)|\($0.from)|\($0.to)|\($0.by)|\($0.on)" })
            deleted = Set(plan.removedActions.map { "\($0.id) \($0.by) \($0.on)" })
            for record in plan.quarters where record.state == .closed { closed[record.quarter.description] = record.closedOn?.description ?? "" }
        }

        /// A fact's value, a missing review reading as the action's status with no words.
        func value(_ fact: Fact) -> String? {
            if let value = values[fact] { return value }
            guard actionIDs[fact.item] != nil, fact.field.hasPrefix("review ") else { return nil }
            return (values[Fact(item: fact.item, field: "status")] ?? "") + "|"
        }
    }

    /// An action's key: its creation stamp and creator, or its id when it has none (older plans).
    static func key(_ action: Action) -> String {
        guard let created = action.created, let entry = action.changeLog?.first(where: { $0.field == "created" }) else { return action.id }
        return "\(created) \(entry.by) \(entry.to)"
    }

    /// What is wrong with `merged`, counted by kind, against the base and the two sides.
    struct Findings {
        var spuriousConflicts: [String] = []
        var expectedConflicts = 0
        var lostEdits: [String] = []
        var lostAuditEntries: [String] = []
        var leaks: [String] = []
    }

    let base: Facts, ours: Facts, theirs: Facts
    let oursPlan: Plan, theirsPlan: Plan

    init(base: Plan, ours: Plan, theirs: Plan) {
        self.base = Facts(base)
        self.ours = Facts(ours)
        self.theirs = Facts(theirs)
        oursPlan = ours
        theirsPlan = theirs
    }

    /// Checks a merge's result: every conflict recorded is one the model expects (the same fact
    /// changed differently on both sides, or an action deleted on one side and changed on the
    /// other), every one-sided change is present, no audit entry or deletion record is lost, and
    /// no words restricted on every side that has them are published.
    func check(_ merged: Plan) -> Findings {
        var findings = Findings()
        let result = Facts(merged)
        var expected = Set<String>()
        // An action's status and words are its latest review's: while two reviews of it are in
        // conflict, either side's stands.
        let inReviewConflict = Set(merged.conflicts.compactMap { $0.wholeReview?.actionID })
        for item in Set(ours.actionIDs.keys).union(theirs.actionIDs.keys) {
            checkAction(item, merged: result, inReviewConflict: inReviewConflict, expected: &expected, findings: &findings)
        }
        for fact in Set(ours.values.keys).union(theirs.values.keys).union(base.values.keys) where fact.item == "plan" {
            compare(fact, merged: result, expected: &expected, findings: &findings)
        }
        for conflict in merged.conflicts {
            let subject = conflict.actionID ?? conflict.subject
            let field = conflict.field.isEmpty ? "(deleted or changed)" : conflict.field
            if expected.contains("\(subject) \(Self.oracleField(field))") { findings.expectedConflicts += 1 } else {
                findings.spuriousConflicts.append("\(conflict.path): ours \(conflict.ours ?? "-") theirs \(conflict.theirs ?? "-") base \(conflict.base ?? "-")")
            }
        }
        for (item, entries) in ours.audit.merging(theirs.audit, uniquingKeysWith: { $0.union($1) }) {
            guard let present = result.audit[item] else { continue }  // deleted, or in conflict
            for entry in entries.subtracting(present) { findings.lostAuditEntries.append("\(item): \(entry)") }
        }
        // A deletion record one side dropped (it kept the action when settling a conflict) goes.
        let dropped = base.deleted.subtracting(ours.deleted).union(base.deleted.subtracting(theirs.deleted))
        for record in ours.deleted.union(theirs.deleted).subtracting(result.deleted).subtracting(dropped) where merged.conflicts.isEmpty {
            findings.lostAuditEntries.append("deletion record \(record)")
        }
        findings.leaks = leaks(merged)
        findings.lostEdits += miscredited(result) + rewrittenClosedQuarters(merged)
        return findings
    }

    /// The field as the model names it: review paths as "review Q status".
    static func oracleField(_ path: String) -> String {
        if path.hasPrefix("reviews[quarter="), let close = path.firstIndex(of: "]") {
            let quarter = path[path.index(path.startIndex, offsetBy: 16)..<close]
            return "review \(quarter)"
        }
        if path == "commentaryRestricted" { return "restricted" }
        return path
    }

    private func checkAction(_ item: String, merged: Facts, inReviewConflict: Set<String>, expected: inout Set<String>, findings: inout Findings) {
        let inBase = base.actionIDs[item] != nil, inOurs = ours.actionIDs[item] != nil, inTheirs = theirs.actionIDs[item] != nil
        let changed = { (side: Facts) in
            side.values.filter { $0.key.item == item } != self.base.values.filter { $0.key.item == item }
                || side.audit[item] != self.base.audit[item]
        }
        if inBase && (!inOurs || !inTheirs) {
            let keeper = inOurs ? ours : theirs
            if changed(keeper), let id = merged.actionIDs[item] ?? keeper.actionIDs[item] {
                expected.insert("\(id) (deleted or changed)")
            } else if merged.actionIDs[item] != nil, !changed(keeper) {
                findings.lostEdits.append("\(item): deleted on one side, unchanged on the other, but still here")
            }
            return
        }
        guard let id = merged.actionIDs[item] else {
            findings.lostEdits.append("\(item) (\(ours.actionIDs[item] ?? theirs.actionIDs[item] ?? "")): missing from the merge")
            return
        }
        let facts = Set(ours.values.keys).union(theirs.values.keys).union(base.values.keys).filter { $0.item == item }
        for fact in facts {
            if let quarter = closedOnOneSide.first(where: { fact.field == "review \($0.key)" }) {
                closedReview(item, quarter: quarter.key, closer: quarter.value, id: id, merged: merged, expected: &expected, findings: &findings)
            } else if inReviewConflict.contains(id), ["status", "commentary"].contains(fact.field),
                      [ours.value(fact), theirs.value(fact)].contains(merged.value(fact)) {
                if ours.value(fact) != base.value(fact), theirs.value(fact) != base.value(fact) { expected.insert("\(id) \(fact.field)") }
            } else {
                compare(fact, id: id, merged: merged, expected: &expected, findings: &findings)
            }
        }
        for field in ["partners", "workstreams"] {
            let fact = Fact(item: item, field: field)
            let b = base.sets[fact] ?? [], o = ours.sets[fact] ?? b, t = theirs.sets[fact] ?? b
            let want = b.intersection(o).intersection(t).union(o.subtracting(b)).union(t.subtracting(b))
            if merged.sets[fact] != want { findings.lostEdits.append("\(id) \(field): \(merged.sets[fact] ?? []) not \(want)") }
        }
    }

    /// Three-way rule on one fact: a one-sided change must be there; both changed differently is
    /// the only conflict.
    private func compare(_ fact: Fact, id: String? = nil, merged: Facts, expected: inout Set<String>, findings: inout Findings) {
        var b = base.value(fact), o = ours.value(fact), t = theirs.value(fact)
        let m = merged.value(fact)
        // A review only one side holds (none in the base) is that side's addition, whatever the
        // other side's status now reads (it may have moved on in another quarter).
        if fact.field.hasPrefix("review "), base.values[fact] == nil, (ours.values[fact] == nil) != (theirs.values[fact] == nil) {
            (b, o, t) = (nil, ours.values[fact], theirs.values[fact])
        }
        let subject = id ?? "plan"
        if o != b, t != b, o != t {
            expected.insert("\(subject) \(fact.field)")
            if m != o && m != t { findings.lostEdits.append("\(subject) \(fact.field): \(m ?? "-") is neither side's") }
            return
        }
        let want = o != b ? o : t
        if m == want { return }
        // A restricted mark cleared on one side stays on words the other side wrote.
        if fact.field == "restricted", m == "yes", base.value(Fact(item: fact.item, field: "commentary")) != merged.value(Fact(item: fact.item, field: "commentary")) {
            return
        }
        findings.lostEdits.append("\(subject) \(fact.field): \(m ?? "-"), expected \(want ?? "-") (base \(b ?? "-"), ours \(o ?? "-"), theirs \(t ?? "-"))")
    }

    /// Quarters closed on one side only since the base (the other side has no such close), with
    /// the side that closed them.
    var closedOnOneSide: [String: Facts] {
        var result: [String: Facts] = [:]
        for (quarter, on) in ours.closed where theirs.closed[quarter] != on && base.closed[quarter] != on { result[quarter] = ours }
        for (quarter, on) in theirs.closed where ours.closed[quarter] != on && base.closed[quarter] != on { result[quarter] = theirs }
        return result
    }

    /// A review of a quarter one side closed: the closer's, unless the other side changed it
    /// (then a conflict, either side's review meanwhile).
    private func closedReview(_ item: String, quarter: String, closer: Facts, id: String, merged: Facts,
                              expected: inout Set<String>, findings: inout Findings) {
        let key = "\(item) \(quarter)"
        let other = closer.closed == ours.closed ? theirs : ours
        let (kept, late, got) = (closer.reviews[key], other.reviews[key], merged.reviews[key])
        if late != base.reviews[key], late != kept {
            expected.insert("\(id) review \(quarter)")
            if got != kept && got != late { findings.lostEdits.append("\(id) review \(quarter): \(got ?? "-") is neither side's") }
        } else if got != kept {
            findings.lostEdits.append("\(id) review \(quarter) (closed on one side): \(got ?? "-"), expected the close's \(kept ?? "-")")
        }
    }

    /// Reviews whose status, words and author are no version's: one side's status credited to
    /// the other side's author, say.
    private func miscredited(_ merged: Facts) -> [String] {
        merged.reviews.compactMap { key, review in
            [ours.reviews[key], theirs.reviews[key], base.reviews[key]].contains(review) ? nil : "\(key): review \(review) is no side's"
        }
    }

    /// With no conflict left, every closed quarter's reviews are its frozen copy's.
    private func rewrittenClosedQuarters(_ merged: Plan) -> [String] {
        guard merged.conflicts.isEmpty else { return [] }
        return merged.frozenQuarters.flatMap { frozen in
            merged.actions.compactMap { action in
                // Known by creation, not id: a merge may have renumbered an action added since.
                guard let copy = frozen.plan.actions.first(where: { Self.key($0) == Self.key(action) }) else { return nil }
                let (live, kept) = (action.review(for: frozen.quarter), copy.review(for: frozen.quarter))
                return live?.status == kept?.status && live?.commentary == kept?.commentary && live?.by == kept?.by ? nil
                    : "\(action.id) review \(frozen.quarter): \(live?.commentary ?? "-") differs from the closed quarter's frozen copy"
            }
        }
    }

    /// Words the merge publishes that every side holding them had restricted.
    private func leaks(_ merged: Plan) -> [String] {
        var found: [String] = []
        for action in merged.actions {
            let item = Self.key(action)
            let sides = [oursPlan, theirsPlan].compactMap { plan in plan.actions.first { Self.key($0) == item } }
            for text in Set([action.commentary] + action.reviews.map(\.commentary)).map({ $0.trimmingSpaces() }) where !text.isEmpty {
                guard !action.isWithheld(text) else { continue }
                let holders = sides.filter { side in side.commentary.trimmingSpaces() == text || side.reviews.contains { $0.commentary.trimmingSpaces() == text } }
                if !holders.isEmpty, holders.allSatisfy({ $0.isWithheld(text) }) { found.append("\(action.id): \(text)") }
            }
        }
        return found
    }
}
