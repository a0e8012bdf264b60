import Foundation
import PlanModel

/// How `PlanMerge` merges an action's reviews (docs/reliability.md, "Merging"):
/// - a review is the lead's statement — status, words, author, time, owner, "no update" mark, who
///   entered it — merged as one unit, and the board's view (`board`) and the restricted mark
///   (kept with the words it covers by `keepRestricted`), merged field by field; two different statements for one quarter are one conflict whose sides are
///   whole reviews, never one side's status with the other's words or author;
/// - a quarter one side closed keeps the reviews it closed with: an update the other side made
///   to it meanwhile is a conflict (keep the close, or keep the update and reopen the quarter).
extension PlanMerge {
    /// The fields of a review that are the lead's statement.
    static let statementKeys: Set<String> = ["status", "commentary", "by", "on", "owner", "noUpdateProvided", "enteredBy"]

    /// One review both sides hold (or one side added, or removed): the statement whole, the rest
    /// (the board's view) field by field, the restricted mark with the words it covers.
    static func mergeReview(_ base: Any?, _ mine: Any?, _ theirs: Any?, path: String, context: inout Context) -> Any? {
        guard let m = mine as? [String: Any], let t = theirs as? [String: Any], !same(m, t) else {
            return mergeValue(base, mine, theirs, path: path, field: "", context: &context)
        }
        let b = base as? [String: Any] ?? [:]
        func statement(_ review: [String: Any]) -> [String: Any] { review.filter { statementKeys.contains($0.key) } }
        var rest: [String: Any] = [:]
        let mark = context.conflicts.count
        for key in Set(m.keys).union(t.keys).union(b.keys).subtracting(statementKeys).sorted() {
            if let value = mergeValue(b[key], m[key], t[key], path: "\(path).\(key)", field: key, context: &context) { rest[key] = value }
        }
        // The restricted mark goes with the words it covers: merged as a field (one side marking
        // or clearing it) only while both sides hold the same words; else the chosen words' own.
        let sameWords = same(m["commentary"], t["commentary"])
        func withMark(_ said: [String: Any], from side: [String: Any]) -> [String: Any] {
            var result = said.merging(rest) { $1 }
            result["restricted"] = sameWords ? rest["restricted"] : side["restricted"]
            return result
        }
        if let agreed = saidWithoutClash(statement(b), statement(m), statement(t)) {
            return withMark(agreed, from: same(agreed["commentary"], m["commentary"]) ? m : t)
        }
        context.reviewClashes.insert(path)
        let (ours, theirs) = (withMark(statement(m), from: m), withMark(statement(t), from: t))
        if context.resolutions[path] != nil, let decided = decidedReview(path) { context.decidedReviews.append(decided) }
        switch context.resolutions[path] {
        case .ours?: return ours
        case .theirs?: return theirs
        case nil:
            context.conflicts.insert(reviewConflict(path: path, base: base, ours: ours, theirs: theirs), at: mark)
            return ours
        }
    }

    /// The merged statement when the sides do not clash: the same, or changed on one side only;
    /// the lead's update over "no update provided" (a close, or a board's view given first); a
    /// side that only stamped the base's statement again gives way; the same words recorded
    /// twice, with the later stamp. Nil when they clash.
    private static func saidWithoutClash(_ b: [String: Any], _ m: [String: Any], _ t: [String: Any]) -> [String: Any]? {
        if same(m, t) || same(b, t) { return m }
        if same(b, m) { return t }
        if (m["noUpdateProvided"] != nil) != (t["noUpdateProvided"] != nil) { return m["noUpdateProvided"] == nil ? m : t }
        // Who, when, and the owner at the time are the statement's stamp, not what it says.
        let stampKeys: Set<String> = ["by", "on", "enteredBy", "owner"]
        func content(_ s: [String: Any]) -> [String: Any] { s.filter { !stampKeys.contains($0.key) } }
        func stamp(_ s: [String: Any]) -> String { "\(s["on"] as? String ?? "") \(s["by"] as? String ?? "")" }
        if same(content(m), content(t)) { return stamp(m) >= stamp(t) ? m : t }
        // A side that only stated again what the base said (a new stamp, the same words) said nothing new.
        if !b.isEmpty, same(content(b), content(m)) { return t }
        if !b.isEmpty, same(content(b), content(t)) { return m }
        return nil
    }

    /// A clash of two reviews: one conflict, credited to each review's author.
    private static func reviewConflict(path: String, base: Any?, ours: [String: Any], theirs: [String: Any]) -> MergeConflict {
        func on(_ review: [String: Any]) -> Timestamp? { (review["on"] as? String).flatMap { Timestamp(iso: $0) } }
        return MergeConflict(path: path, base: compact(base), ours: compact(ours), theirs: compact(theirs),
                             oursBy: ours["by"] as? String, oursOn: on(ours), theirsBy: theirs["by"] as? String, theirsOn: on(theirs))
    }

    /// The action and quarter of a review's path.
    private static func decidedReview(_ path: String) -> (id: String, quarter: Quarter)? {
        MergeConflict(path: path, base: nil, ours: nil, theirs: nil).wholeReview.map { ($0.actionID, $0.quarter) }
    }

    /// An action whose latest review clashed: its status and commentary are that review's, so
    /// they are not conflicts of their own; deciding the review decides them.
    static func followReview(_ action: inout Action, context: inout Context) {
        guard let latest = action.reviews.max(by: { $0.quarter < $1.quarter }),
              context.reviewClashes.contains("actions[id=\(action.id)].reviews[quarter=\(latest.quarter)]") else { return }
        action.status = latest.board?.status ?? latest.status
        var fields = ["actions[id=\(action.id)].status"]
        if !latest.commentary.isBlank {
            action.commentary = latest.commentary
            if latest.restricted == true { action.commentaryRestricted = true }
            fields.append("actions[id=\(action.id)].commentary")
        }
        context.conflicts.removeAll { fields.contains($0.path) }
    }

    /// A quarter closed on one side only (its frozen copy is that side's) keeps the reviews that
    /// side holds for it: where the merge made another (the other side updated the quarter while
    /// it was being closed), the review is one conflict — ours meanwhile — unless one already is.
    static func keepClosedReviews(_ plan: inout Plan, mine: Plan, theirs: Plan, context: inout Context) {
        for frozen in plan.frozenQuarters {
            let quarter = frozen.quarter
            func closed(_ side: Plan) -> Bool { side.quarters.contains { $0.quarter == quarter && $0.state == .closed && $0.closedOn == frozen.closedOn } }
            guard closed(mine) != closed(theirs) else { continue }
            let closer = closed(mine) ? mine : theirs
            for index in plan.actions.indices {
                let id = plan.actions[index].id
                let path = "actions[id=\(id)].reviews[quarter=\(quarter)]"
                let merged = plan.actions[index].review(for: quarter)
                // Each side's review with the restricted mark as merged (a mark is set and cleared
                // on every review holding its words, closed or not); on the safe side for other words.
                func review(_ side: Plan) -> Review? {
                    guard var review = side.actions.first(where: { $0.id == id })?.review(for: quarter) else { return nil }
                    review.restricted = review.commentary == merged?.commentary ? merged?.restricted
                        : (review.restricted == true || merged?.restricted == true ? true : nil)
                    return review
                }
                guard let kept = review(closer), merged != kept, !context.conflicts.contains(where: { $0.path == path }) else { continue }
                let (my, their) = (review(mine), review(theirs))
                switch context.resolutions[path] {
                case .ours?: plan.actions[index].setReview(my, quarter: quarter)
                case .theirs?: plan.actions[index].setReview(their, quarter: quarter)
                case nil:
                    plan.actions[index].setReview(my, quarter: quarter)
                    let action = plan.actions[index]
                    context.conflicts.append(MergeConflict(path: path, base: nil, ours: my.flatMap { reviewJSON($0, in: action) },
                                                           theirs: their.flatMap { reviewJSON($0, in: action) },
                                                           oursBy: my?.by, oursOn: my?.on, theirsBy: their?.by, theirsOn: their?.on))
                }
                if context.resolutions[path] != nil { context.decidedReviews.append((id, quarter)) }
            }
        }
    }

    /// A review as the plan file writes it, compact.
    private static func reviewJSON(_ review: Review, in action: Action) -> String? {
        var action = action
        action.reviews = [review]
        let tree = try? JSONSerialization.jsonObject(with: PlanCoding.encode(action)) as? [String: Any]
        return compact((tree?["reviews"] as? [Any])?.first)
    }
}

extension Action {
    /// Puts `review` in as the review of `quarter` (nil takes it out), oldest first.
    fileprivate mutating func setReview(_ review: Review?, quarter: Quarter) {
        reviews.removeAll { $0.quarter == quarter }
        guard let review else { return }
        reviews.insert(review, at: reviews.firstIndex { $0.quarter > quarter } ?? reviews.endIndex)
    }
}
