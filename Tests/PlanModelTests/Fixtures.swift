import PlanModel

/// A small valid plan: three owners, two workstreams, four actions, 2025/26 Q1 closed.
func samplePlan() -> Plan {
    let at = Timestamp(iso: "2025-07-10T10:00:00Z")!
    return Plan(
        id: "test", title: "Test plan", partnership: "Test CSP",
        period: Period(start: Day(iso: "2025-04-01")!, end: Day(iso: "2027-03-31")!),
        owners: [Owner(id: "police", name: "Police"), Owner(id: "council", name: "Council"),
                 Owner(id: "health", name: "Health")],
        workstreams: [Workstream(id: "knife", name: "Knife crime"), Workstream(id: "da", name: "Domestic abuse")],
        actions: [
            Action(id: "WSA-01", group: .wholeSystem, title: "Needs assessment", owner: "council", status: .green,
                   due: Day(iso: "2026-03-31"),
                   reviews: [Review(quarter: Quarter("2025/26 Q1")!, status: .amber, commentary: "Started", by: "a", on: at)]),
            Action(id: "PRI-01", group: .primary, title: "Schools programme", owner: "council", status: .red,
                   workstreams: ["knife"], partners: ["police"], due: Day(iso: "2025-09-30"),
                   reviews: [Review(quarter: Quarter("2025/26 Q1")!, status: .green, commentary: "Fine", by: "a", on: at)]),
            Action(id: "SEC-01", group: .secondary, title: "Safety Net meetings", owner: "health", status: .complete,
                   due: Day(iso: "2025-06-30")),
            Action(id: "TER-01", group: .tertiary, title: "Offender management", owner: "police", status: .amber,
                   workstreams: ["knife", "da"]),
        ],
        quarters: [QuarterRecord(quarter: Quarter("2025/26 Q1")!, state: .closed, closedOn: at, closedBy: "a", board: "CSP")]
    )
}
