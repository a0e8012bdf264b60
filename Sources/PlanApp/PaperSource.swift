import PlanModel

/// What a paper is made from: the plan and the time it is dated.
public struct PaperSource: Sendable {
    public var plan: Plan
    public var now: Timestamp
    /// The closed quarter whose frozen state this is; nil for the plan as it is.
    public var frozen: Quarter?
}

extension ExportRequest {
    /// The plan this request's paper on `plan` is made from. A closed quarter's paper, and the
    /// annual report on a year whose last quarter is closed, come from the plan as it stood when
    /// that quarter closed and are dated with the close (`FrozenQuarter`), so exporting one again
    /// after later edits gives the same bytes; any other paper comes from the plan as it is, now.
    /// The request then names the quarter it meant (a default worked out on `now` would
    /// otherwise be worked out again on the close day). A public paper of a closed quarter
    /// withholds what is restricted now, too (`Plan.keepingRestrictions(of:)`).
    public func paperSource(for plan: Plan, now: Timestamp) -> (source: PaperSource, request: ExportRequest) {
        let live = (PaperSource(plan: plan, now: now, frozen: nil), self)
        guard plan.loadProblems().isEmpty else { return live }  // refused later, with the reason
        if let year {
            guard let frozen = plan.frozen(year) else { return live }
            return (PaperSource(plan: published(frozen.plan, current: plan), now: frozen.closedOn, frozen: frozen.quarter), self)
        }
        let reported = quarter ?? plan.reportingQuarter(on: now.day)
        guard let frozen = plan.frozen(reported) else { return live }
        var request = self
        request.quarter = reported
        return (PaperSource(plan: published(frozen.plan, current: plan), now: frozen.closedOn, frozen: reported), request)
    }

    /// A past state of the plan as this request may show it: with today's restrictions when public.
    public func published(_ past: Plan, current: Plan) -> Plan {
        isPublic ? past.keepingRestrictions(of: current) : past
    }
}
