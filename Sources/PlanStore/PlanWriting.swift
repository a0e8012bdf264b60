import PlanModel

/// The plan-file fields, written with `JSONWriter` in sorted key order. Optional fields that are
/// nil are left out; lists and text are always written, empty or not.
extension JSONWriter {
    mutating func plan(_ plan: Plan) {
        var o = beginObject()
        key("actions", in: &o); list(plan.actions) { $0.action($1) }
        if !plan.author.isEmpty { key("author", in: &o); string(plan.author) }
        if let changeLog = plan.changeLog { key("changeLog", in: &o); list(changeLog) { $0.fieldChange($1) } }
        if !plan.conflicts.isEmpty { key("conflicts", in: &o); list(plan.conflicts) { $0.mergeConflict($1) } }
        if !plan.contact.isEmpty { key("contact", in: &o); string(plan.contact) }
        key("description", in: &o); string(plan.description)
        key("financialYearStartMonth", in: &o); number(String(plan.financialYearStartMonth))
        if !plan.frozenQuarters.isEmpty { key("frozenQuarters", in: &o); list(plan.frozenQuarters) { $0.frozenQuarter($1) } }
        if !plan.fundingLines.isEmpty { key("fundingLines", in: &o); list(plan.fundingLines) { $0.fundingLine($1) } }
        if let order = plan.groupOrder { key("groupOrder", in: &o); list(order) { $0.string($1.rawValue) } }
        key("groups", in: &o); map(plan.groups) { $0.groupInfo($1) }
        key("id", in: &o); string(plan.id)
        if !plan.indicators.isEmpty { key("indicators", in: &o); list(plan.indicators) { $0.indicator($1) } }
        key("owners", in: &o); list(plan.owners) { $0.owner($1) }
        key("partnership", in: &o); string(plan.partnership)
        key("period", in: &o); period(plan.period)
        if let population = plan.population { key("population", in: &o); number(String(population)) }
        key("quarters", in: &o); list(plan.quarters) { $0.quarterRecord($1) }
        key("ragDefinitions", in: &o); map(plan.ragDefinitions) { $0.string($1) }
        key("removedActions", in: &o); list(plan.removedActions) { $0.removedAction($1) }
        key("schemaVersion", in: &o); number(String(plan.schemaVersion))
        if !plan.statusWords.isEmpty { key("statusWords", in: &o); map(plan.statusWords) { $0.string($1) } }
        key("title", in: &o); string(plan.title)
        key("workstreams", in: &o); list(plan.workstreams) { $0.workstream($1) }
        endObject(o)
    }

    mutating func action(_ action: Action) {
        var o = beginObject()
        if let changeLog = action.changeLog { key("changeLog", in: &o); list(changeLog) { $0.fieldChange($1) } }
        key("commentary", in: &o); string(action.commentary)
        if let restricted = action.commentaryRestricted { key("commentaryRestricted", in: &o); bool(restricted) }
        if let created = action.created { key("created", in: &o); timestamp(created) }
        if let decision = action.decisionNeeded { key("decisionNeeded", in: &o); string(decision) }
        key("description", in: &o); string(action.description)
        if let due = action.due { key("due", in: &o); day(due) }
        key("dueDateChanges", in: &o); list(action.dueDateChanges) { $0.dueDateChange($1) }
        if let funding = action.funding { key("funding", in: &o); self.funding(funding) }
        if !action.fundingLines.isEmpty { key("fundingLines", in: &o); list(action.fundingLines) { $0.fundingLine($1) } }
        key("group", in: &o); string(action.group)
        key("id", in: &o); string(action.id)
        if !action.milestones.isEmpty { key("milestones", in: &o); list(action.milestones) { $0.milestone($1) } }
        key("outcomeMeasure", in: &o); string(action.outcomeMeasure)
        key("owner", in: &o); string(action.owner)
        key("partners", in: &o); list(action.partners) { $0.string($1) }
        key("reviews", in: &o); list(action.reviews) { $0.review($1) }
        if let start = action.start { key("start", in: &o); day(start) }
        key("status", in: &o); string(action.status.rawValue)
        key("title", in: &o); string(action.title)
        if let updated = action.updated { key("updated", in: &o); timestamp(updated) }
        if let updatedBy = action.updatedBy { key("updatedBy", in: &o); string(updatedBy) }
        key("workstreams", in: &o); list(action.workstreams) { $0.string($1) }
        endObject(o)
    }

    mutating func indicator(_ indicator: Indicator) {
        var o = beginObject()
        if !indicator.actions.isEmpty { key("actions", in: &o); list(indicator.actions) { $0.string($1) } }
        if let baseline = indicator.baseline {
            key("baseline", in: &o)
            var b = beginObject()
            key("period", in: &b); string(baseline.period)
            key("value", in: &b); number("\(baseline.value)")
            endObject(b)
        }
        key("better", in: &o); string(indicator.better.rawValue)
        if let changeLog = indicator.changeLog { key("changeLog", in: &o); list(changeLog) { $0.fieldChange($1) } }
        if let created = indicator.created { key("created", in: &o); timestamp(created) }
        key("description", in: &o); string(indicator.description)
        if !indicator.groups.isEmpty { key("groups", in: &o); list(indicator.groups) { $0.string($1) } }
        key("id", in: &o); string(indicator.id)
        if let measure = indicator.measure { key("measure", in: &o); string(measure.rawValue) }
        key("name", in: &o); string(indicator.name)
        if let owner = indicator.owner { key("owner", in: &o); string(owner) }
        if let restricted = indicator.restricted { key("restricted", in: &o); bool(restricted) }
        key("source", in: &o); string(indicator.source)
        if let n = indicator.suppressBelow { key("suppressBelow", in: &o); number(String(n)) }
        if let target = indicator.target {
            key("target", in: &o)
            var t = beginObject()
            key("by", in: &t); quarter(target.by)
            key("value", in: &t); number("\(target.value)")
            endObject(t)
        }
        if let tolerance = indicator.tolerance { key("tolerance", in: &o); number("\(tolerance)") }
        key("unit", in: &o); string(indicator.unit)
        if let updated = indicator.updated { key("updated", in: &o); timestamp(updated) }
        if let updatedBy = indicator.updatedBy { key("updatedBy", in: &o); string(updatedBy) }
        key("values", in: &o); list(indicator.values) { $0.indicatorValue($1) }
        if !indicator.workstreams.isEmpty { key("workstreams", in: &o); list(indicator.workstreams) { $0.string($1) } }
        endObject(o)
    }

    mutating func indicatorValue(_ value: IndicatorValue) {
        var o = beginObject()
        key("by", in: &o); string(value.by)
        key("note", in: &o); string(value.note)
        key("on", in: &o); timestamp(value.on)
        if let provisional = value.provisional { key("provisional", in: &o); bool(provisional) }
        key("quarter", in: &o); quarter(value.quarter)
        key("value", in: &o); number("\(value.value)")
        endObject(o)
    }

    mutating func review(_ review: Review) {
        var o = beginObject()
        if let board = review.board { key("board", in: &o); boardView(board) }
        key("by", in: &o); string(review.by)
        key("commentary", in: &o); string(review.commentary)
        if let enteredBy = review.enteredBy { key("enteredBy", in: &o); string(enteredBy) }
        if let none = review.noUpdateProvided { key("noUpdateProvided", in: &o); bool(none) }
        key("on", in: &o); timestamp(review.on)
        if let owner = review.owner { key("owner", in: &o); string(owner) }
        key("quarter", in: &o); quarter(review.quarter)
        if let restricted = review.restricted { key("restricted", in: &o); bool(restricted) }
        key("status", in: &o); string(review.status.rawValue)
        endObject(o)
    }

    mutating func boardView(_ board: BoardView) {
        var o = beginObject()
        key("by", in: &o); string(board.by)
        key("on", in: &o); timestamp(board.on)
        key("reason", in: &o); string(board.reason)
        key("status", in: &o); string(board.status.rawValue)
        endObject(o)
    }

    mutating func period(_ period: Period) {
        var o = beginObject()
        key("end", in: &o); day(period.end)
        key("start", in: &o); day(period.start)
        endObject(o)
    }

    mutating func owner(_ owner: Owner) {
        var o = beginObject()
        if let contact = owner.contact { key("contact", in: &o); string(contact) }
        key("id", in: &o); string(owner.id)
        key("name", in: &o); string(owner.name)
        if let role = owner.role { key("role", in: &o); string(role) }
        endObject(o)
    }

    mutating func workstream(_ workstream: Workstream) {
        var o = beginObject()
        if let description = workstream.description { key("description", in: &o); string(description) }
        key("id", in: &o); string(workstream.id)
        key("name", in: &o); string(workstream.name)
        endObject(o)
    }

    mutating func groupInfo(_ info: GroupInfo) {
        var o = beginObject()
        key("aim", in: &o); string(info.aim)
        key("name", in: &o); string(info.name)
        endObject(o)
    }

    mutating func quarterRecord(_ record: QuarterRecord) {
        var o = beginObject()
        if let board = record.board { key("board", in: &o); string(board) }
        if let closedBy = record.closedBy { key("closedBy", in: &o); string(closedBy) }
        if let closedOn = record.closedOn { key("closedOn", in: &o); timestamp(closedOn) }
        key("quarter", in: &o); quarter(record.quarter)
        if let reopenings = record.reopenings { key("reopenings", in: &o); list(reopenings) { $0.reopening($1) } }
        if let sent = record.returnsSent { key("returnsSent", in: &o); list(sent) { $0.returnSent($1) } }
        key("state", in: &o); string(record.state.rawValue)
        if let summary = record.summary { key("summary", in: &o); string(summary) }
        endObject(o)
    }

    mutating func returnSent(_ sent: ReturnSent) {
        var o = beginObject()
        key("by", in: &o); string(sent.by)
        if let file = sent.file { key("file", in: &o); string(file) }
        key("on", in: &o); timestamp(sent.on)
        key("owner", in: &o); string(sent.owner)
        if let reminder = sent.reminder { key("reminder", in: &o); bool(reminder) }
        if let to = sent.to { key("to", in: &o); string(to) }
        if let via = sent.via { key("via", in: &o); string(via.rawValue) }
        endObject(o)
    }

    mutating func frozenQuarter(_ frozen: FrozenQuarter) {
        var o = beginObject()
        key("closedBy", in: &o); string(frozen.closedBy)
        key("closedOn", in: &o); timestamp(frozen.closedOn)
        key("plan", in: &o); plan(frozen.plan)
        key("quarter", in: &o); quarter(frozen.quarter)
        endObject(o)
    }

    mutating func reopening(_ reopening: QuarterReopening) {
        var o = beginObject()
        key("by", in: &o); string(reopening.by)
        key("on", in: &o); timestamp(reopening.on)
        key("reason", in: &o); string(reopening.reason)
        endObject(o)
    }

    mutating func funding(_ funding: Funding) {
        var o = beginObject()
        if let amount = funding.amount { key("amount", in: &o); number("\(amount)") }
        key("source", in: &o); string(funding.source)
        endObject(o)
    }

    mutating func fundingLine(_ line: FundingLine) {
        var o = beginObject()
        key("amount", in: &o); number("\(line.amount)")
        key("id", in: &o); string(line.id)
        if let labour = line.labour { key("labour", in: &o); number("\(labour)") }
        if let nonLabour = line.nonLabour { key("nonLabour", in: &o); number("\(nonLabour)") }
        key("source", in: &o); string(line.source)
        key("year", in: &o); string(line.year.description)
        endObject(o)
    }

    mutating func milestone(_ milestone: Milestone) {
        var o = beginObject()
        if let by = milestone.doneBy { key("doneBy", in: &o); string(by) }
        if let on = milestone.doneOn { key("doneOn", in: &o); timestamp(on) }
        key("due", in: &o); day(milestone.due)
        key("id", in: &o); string(milestone.id)
        key("title", in: &o); string(milestone.title)
        endObject(o)
    }

    mutating func dueDateChange(_ change: DueDateChange) {
        var o = beginObject()
        key("by", in: &o); string(change.by)
        if let from = change.from { key("from", in: &o); day(from) }
        key("on", in: &o); timestamp(change.on)
        key("reason", in: &o); string(change.reason)
        key("to", in: &o); day(change.to)
        endObject(o)
    }

    mutating func fieldChange(_ change: FieldChange) {
        var o = beginObject()
        key("by", in: &o); string(change.by)
        key("field", in: &o); string(change.field)
        key("from", in: &o); string(change.from)
        key("on", in: &o); timestamp(change.on)
        key("to", in: &o); string(change.to)
        endObject(o)
    }

    mutating func removedAction(_ removed: RemovedAction) {
        var o = beginObject()
        key("by", in: &o); string(removed.by)
        key("group", in: &o); string(removed.group)
        key("id", in: &o); string(removed.id)
        key("on", in: &o); timestamp(removed.on)
        key("owner", in: &o); string(removed.owner)
        key("status", in: &o); string(removed.status.rawValue)
        key("title", in: &o); string(removed.title)
        endObject(o)
    }

    mutating func mergeConflict(_ conflict: MergeConflict) {
        var o = beginObject()
        if let base = conflict.base { key("base", in: &o); jsonValue(base) }
        if let ours = conflict.ours { key("ours", in: &o); jsonValue(ours) }
        if let by = conflict.oursBy { key("oursBy", in: &o); string(by) }
        if let on = conflict.oursOn { key("oursOn", in: &o); timestamp(on) }
        key("path", in: &o); string(conflict.path)
        if let theirs = conflict.theirs { key("theirs", in: &o); jsonValue(theirs) }
        if let by = conflict.theirsBy { key("theirsBy", in: &o); string(by) }
        if let on = conflict.theirsOn { key("theirsOn", in: &o); timestamp(on) }
        endObject(o)
    }

    /// A value held as JSON text, written on one line in the compact sorted form; text that is
    /// not JSON (a value built in code by mistake) is written as a string, so the file stays valid.
    private mutating func jsonValue(_ text: String) {
        if let compact = PlanMerge.compactJSON(text) { number(compact) } else { string(text) }
    }

    // MARK: - Values with a format

    /// `YYYY-MM-DD`, as `Day.description` writes it.
    mutating func day(_ day: Day) {
        asciiString { $0.dayDigits(day) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, as `Timestamp.description` writes it.
    mutating func timestamp(_ timestamp: Timestamp) {
        asciiString { w in
            let day = timestamp.day
            let seconds = timestamp.secondsSinceEpoch - day.daysSinceEpoch * 86_400
            w.dayDigits(day)
            w.character(UInt8(ascii: "T"))
            w.digits(seconds / 3600, width: 2)
            w.character(UInt8(ascii: ":"))
            w.digits(seconds / 60 % 60, width: 2)
            w.character(UInt8(ascii: ":"))
            w.digits(seconds % 60, width: 2)
            w.character(UInt8(ascii: "Z"))
        }
    }

    /// `2025/26 Q2`, as `Quarter.description` writes it.
    mutating func quarter(_ quarter: Quarter) {
        asciiString { w in
            w.digits(quarter.year, width: 4)
            w.character(UInt8(ascii: "/"))
            w.digits((quarter.year + 1) % 100, width: 2)
            w.character(0x20)
            w.character(UInt8(ascii: "Q"))
            w.digits(quarter.number, width: 1)
        }
    }

    private mutating func dayDigits(_ day: Day) {
        digits(day.year, width: 4)
        character(UInt8(ascii: "-"))
        digits(day.month, width: 2)
        character(UInt8(ascii: "-"))
        digits(day.day, width: 2)
    }

    // MARK: - Containers

    mutating func list<T>(_ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        var l = beginList()
        for item in items {
            self.item(in: &l)
            write(&self, item)
        }
        endList(l)
    }

    /// A map with its keys in byte order, as sorted-key JSON encoders write them.
    private mutating func map<T>(_ map: [String: T], _ write: (inout JSONWriter, T) -> Void) {
        var o = beginObject()
        for (name, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(text: name, in: &o)
            write(&self, value)
        }
        endObject(o)
    }
}
