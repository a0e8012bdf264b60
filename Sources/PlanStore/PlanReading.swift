import Foundation  // Decimal
import PlanModel

/// The plan-file fields, read straight from bytes (see `JSONReader`). Field rules match
/// docs/plan-format.md: required fields must be present and not null; optional fields may be
/// absent or null; lists and maps default to empty; unknown fields are skipped.
extension JSONReader {
    mutating func plan() throws(JSONReadFailure) -> Plan {
        var object = try beginObject("the plan (an object)")
        var schemaVersion: Int?, id: String?, title: String?, partnership: String?, period: Period?
        var plan = Plan(id: "", title: "", partnership: "", period: Period(start: Day(daysSinceEpoch: 0), end: Day(daysSinceEpoch: 0)),
                        ragDefinitions: [:])
        while let key = try nextKey(&object) {
            if self.key(key, is: "actions") {
                plan.actions = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.action() }
            } else if self.key(key, is: "schemaVersion") {
                schemaVersion = try integer()
            } else if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "title") {
                title = try string()
            } else if self.key(key, is: "partnership") {
                partnership = try string()
            } else if self.key(key, is: "description") {
                plan.description = try optionalString() ?? ""
            } else if self.key(key, is: "author") {
                plan.author = try optionalString() ?? ""
            } else if self.key(key, is: "contact") {
                plan.contact = try optionalString() ?? ""
            } else if self.key(key, is: "period") {
                period = try self.period()
            } else if self.key(key, is: "financialYearStartMonth") {
                plan.financialYearStartMonth = try skipNull() ? 4 : integer()
            } else if self.key(key, is: "population") {
                plan.population = try skipNull() ? nil : integer()
            } else if self.key(key, is: "ragDefinitions") {
                plan.ragDefinitions = try map { (r: inout JSONReader) throws(JSONReadFailure) in try r.string() }
            } else if self.key(key, is: "fundingLines") {
                plan.fundingLines = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.fundingLine() }
            } else if self.key(key, is: "groupOrder") {
                plan.groupOrder = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.preventionGroup() }
            } else if self.key(key, is: "statusWords") {
                plan.statusWords = try map { (r: inout JSONReader) throws(JSONReadFailure) in try r.string() }
            } else if self.key(key, is: "groups") {
                plan.groups = try map { (r: inout JSONReader) throws(JSONReadFailure) in try r.groupInfo() }
            } else if self.key(key, is: "owners") {
                plan.owners = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.owner() }
            } else if self.key(key, is: "workstreams") {
                plan.workstreams = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.workstream() }
            } else if self.key(key, is: "quarters") {
                plan.quarters = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.quarterRecord() }
            } else if self.key(key, is: "indicators") {
                plan.indicators = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.indicator() }
            } else if self.key(key, is: "removedActions") {
                plan.removedActions = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.removedAction() }
            } else if self.key(key, is: "changeLog") {
                plan.changeLog = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.fieldChange() }
            } else if self.key(key, is: "conflicts") {
                plan.conflicts = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.mergeConflict() }
            } else if self.key(key, is: "frozenQuarters") {
                plan.frozenQuarters = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.frozenQuarter() }
            } else {
                try skipUnknownField(key)
            }
        }
        plan.schemaVersion = try required(schemaVersion, "schemaVersion", object)
        plan.id = try required(id, "id", object)
        plan.title = try required(title, "title", object)
        plan.partnership = try required(partnership, "partnership", object)
        plan.period = try required(period, "period", object)
        return plan
    }

    mutating func action() throws(JSONReadFailure) -> Action {
        var object = try beginObject()
        var id: String?, group: String?, title: String?, owner: String?, status: Status?
        var action = Action(id: "", group: .primary, title: "", owner: "")
        while let key = try nextKey(&object) {
            if self.key(key, is: "reviews") {
                action.reviews = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.review() }
            } else if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "group") {
                group = try repeatedString()
            } else if self.key(key, is: "title") {
                title = try string()
            } else if self.key(key, is: "owner") {
                owner = try repeatedString()
            } else if self.key(key, is: "status") {
                status = try self.status()
            } else if self.key(key, is: "commentary") {
                action.commentary = try optionalString() ?? ""
            } else if self.key(key, is: "description") {
                action.description = try optionalString() ?? ""
            } else if self.key(key, is: "outcomeMeasure") {
                action.outcomeMeasure = try optionalString() ?? ""
            } else if self.key(key, is: "workstreams") {
                action.workstreams = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.repeatedString() }
            } else if self.key(key, is: "partners") {
                action.partners = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.repeatedString() }
            } else if self.key(key, is: "start") {
                action.start = try skipNull() ? nil : day()
            } else if self.key(key, is: "due") {
                action.due = try skipNull() ? nil : day()
            } else if self.key(key, is: "created") {
                action.created = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "updated") {
                action.updated = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "updatedBy") {
                action.updatedBy = try skipNull() ? nil : repeatedString()
            } else if self.key(key, is: "commentaryRestricted") {
                action.commentaryRestricted = try skipNull() ? nil : bool()
            } else if self.key(key, is: "funding") {
                action.funding = try skipNull() ? nil : funding()
            } else if self.key(key, is: "decisionNeeded") {
                action.decisionNeeded = try optionalString()
            } else if self.key(key, is: "fundingLines") {
                action.fundingLines = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.fundingLine() }
            } else if self.key(key, is: "milestones") {
                action.milestones = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.milestone() }
            } else if self.key(key, is: "dueDateChanges") {
                action.dueDateChanges = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.dueDateChange() }
            } else if self.key(key, is: "changeLog") {
                action.changeLog = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.fieldChange() }
            } else {
                try skipUnknownField(key)
            }
        }
        action.id = try required(id, "id", object)
        action.group = try required(group, "group", object)
        action.title = try required(title, "title", object)
        action.owner = try required(owner, "owner", object)
        action.status = try required(status, "status", object)
        return action
    }

    mutating func indicator() throws(JSONReadFailure) -> Indicator {
        var object = try beginObject()
        var id: String?, name: String?, unit: String?, better: Polarity?
        var indicator = Indicator(id: "", name: "", unit: "", better: .lower)
        while let key = try nextKey(&object) {
            if self.key(key, is: "values") {
                indicator.values = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.indicatorValue() }
            } else if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "name") {
                name = try string()
            } else if self.key(key, is: "unit") {
                unit = try string()
            } else if self.key(key, is: "better") {
                better = try formatted(Polarity.expectedFormat) { Polarity(rawValue: String(decoding: $0, as: UTF8.self)) }
            } else if self.key(key, is: "description") {
                indicator.description = try optionalString() ?? ""
            } else if self.key(key, is: "source") {
                indicator.source = try optionalString() ?? ""
            } else if self.key(key, is: "owner") {
                indicator.owner = try optionalString()
            } else if self.key(key, is: "baseline") {
                indicator.baseline = try skipNull() ? nil : baseline()
            } else if self.key(key, is: "target") {
                indicator.target = try skipNull() ? nil : target()
            } else if self.key(key, is: "tolerance") {
                indicator.tolerance = try skipNull() ? nil : decimal("a percentage such as 10")
            } else if self.key(key, is: "groups") {
                indicator.groups = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.repeatedString() }
            } else if self.key(key, is: "workstreams") {
                indicator.workstreams = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.repeatedString() }
            } else if self.key(key, is: "actions") {
                indicator.actions = try list { (r: inout JSONReader) throws(JSONReadFailure) in try r.repeatedString() }
            } else if self.key(key, is: "restricted") {
                indicator.restricted = try skipNull() ? nil : bool()
            } else if self.key(key, is: "measure") {
                indicator.measure = try skipNull() ? nil
                    : formatted(NationalMeasure.expectedFormat) { NationalMeasure(rawValue: String(decoding: $0, as: UTF8.self)) }
            } else if self.key(key, is: "suppressBelow") {
                indicator.suppressBelow = try skipNull() ? nil : integer()
            } else if self.key(key, is: "created") {
                indicator.created = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "updated") {
                indicator.updated = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "updatedBy") {
                indicator.updatedBy = try skipNull() ? nil : repeatedString()
            } else if self.key(key, is: "changeLog") {
                indicator.changeLog = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.fieldChange() }
            } else {
                try skipUnknownField(key)
            }
        }
        indicator.id = try required(id, "id", object)
        indicator.name = try required(name, "name", object)
        indicator.unit = try required(unit, "unit", object)
        indicator.better = try required(better, "better", object)
        return indicator
    }

    mutating func indicatorValue() throws(JSONReadFailure) -> IndicatorValue {
        var object = try beginObject()
        var quarter: Quarter?, value: Decimal?, note: String?, provisional: Bool?, by: String?, on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "quarter") {
                quarter = try self.quarter()
            } else if self.key(key, is: "value") {
                value = try decimal("a number")
            } else if self.key(key, is: "note") {
                note = try optionalString()
            } else if self.key(key, is: "provisional") {
                provisional = try skipNull() ? nil : bool()
            } else if self.key(key, is: "by") {
                by = try repeatedString()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        return IndicatorValue(quarter: try required(quarter, "quarter", object), value: try required(value, "value", object),
                              note: note ?? "", provisional: provisional, by: try required(by, "by", object),
                              on: try required(on, "on", object))
    }

    mutating func baseline() throws(JSONReadFailure) -> Baseline {
        var object = try beginObject()
        var value: Decimal?, period: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "value") {
                value = try decimal("a number")
            } else if self.key(key, is: "period") {
                period = try string()
            } else {
                try skipUnknownField(key)
            }
        }
        return Baseline(value: try required(value, "value", object), period: try required(period, "period", object))
    }

    mutating func target() throws(JSONReadFailure) -> Target {
        var object = try beginObject()
        var value: Decimal?, by: Quarter?
        while let key = try nextKey(&object) {
            if self.key(key, is: "value") {
                value = try decimal("a number")
            } else if self.key(key, is: "by") {
                by = try quarter()
            } else {
                try skipUnknownField(key)
            }
        }
        return Target(value: try required(value, "value", object), by: try required(by, "by", object))
    }

    mutating func review() throws(JSONReadFailure) -> Review {
        var object = try beginObject()
        var quarter: Quarter?, status: Status?, commentary: String?, by: String?, on: Timestamp?
        var owner: String?, noUpdateProvided: Bool?, restricted: Bool?, board: BoardView?, enteredBy: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "quarter") {
                quarter = try self.quarter()
            } else if self.key(key, is: "status") {
                status = try self.status()
            } else if self.key(key, is: "commentary") {
                commentary = try string()
            } else if self.key(key, is: "by") {
                by = try repeatedString()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else if self.key(key, is: "owner") {
                owner = try skipNull() ? nil : repeatedString()
            } else if self.key(key, is: "noUpdateProvided") {
                noUpdateProvided = try skipNull() ? nil : bool()
            } else if self.key(key, is: "restricted") {
                restricted = try skipNull() ? nil : bool()
            } else if self.key(key, is: "enteredBy") {
                enteredBy = try skipNull() ? nil : repeatedString()
            } else if self.key(key, is: "board") {
                board = try skipNull() ? nil : boardView()
            } else {
                try skipUnknownField(key)
            }
        }
        var review = Review(quarter: try required(quarter, "quarter", object), status: try required(status, "status", object),
                      commentary: try required(commentary, "commentary", object), by: try required(by, "by", object),
                      on: try required(on, "on", object), owner: owner, noUpdateProvided: noUpdateProvided, restricted: restricted)
        review.board = board
        review.enteredBy = enteredBy
        return review
    }

    mutating func boardView() throws(JSONReadFailure) -> BoardView {
        var object = try beginObject()
        var status: Status?, reason: String?, by: String?, on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "status") {
                status = try self.status()
            } else if self.key(key, is: "reason") {
                reason = try string()
            } else if self.key(key, is: "by") {
                by = try repeatedString()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        return BoardView(status: try required(status, "status", object), reason: try required(reason, "reason", object),
                         by: try required(by, "by", object), on: try required(on, "on", object))
    }

    mutating func period() throws(JSONReadFailure) -> Period {
        var object = try beginObject()
        var start: Day?, end: Day?
        while let key = try nextKey(&object) {
            if self.key(key, is: "start") {
                start = try day()
            } else if self.key(key, is: "end") {
                end = try day()
            } else {
                try skipUnknownField(key)
            }
        }
        return Period(start: try required(start, "start", object), end: try required(end, "end", object))
    }

    mutating func owner() throws(JSONReadFailure) -> Owner {
        var object = try beginObject()
        var id: String?, name: String?, role: String?, contact: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "name") {
                name = try string()
            } else if self.key(key, is: "role") {
                role = try optionalString()
            } else if self.key(key, is: "contact") {
                contact = try optionalString()
            } else {
                try skipUnknownField(key)
            }
        }
        return Owner(id: try required(id, "id", object), name: try required(name, "name", object), role: role, contact: contact)
    }

    mutating func workstream() throws(JSONReadFailure) -> Workstream {
        var object = try beginObject()
        var id: String?, name: String?, description: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "name") {
                name = try string()
            } else if self.key(key, is: "description") {
                description = try optionalString()
            } else {
                try skipUnknownField(key)
            }
        }
        return Workstream(id: try required(id, "id", object), name: try required(name, "name", object), description: description)
    }

    mutating func groupInfo() throws(JSONReadFailure) -> GroupInfo {
        var object = try beginObject()
        var name: String?, aim: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "name") {
                name = try string()
            } else if self.key(key, is: "aim") {
                aim = try string()
            } else {
                try skipUnknownField(key)
            }
        }
        return GroupInfo(name: try required(name, "name", object), aim: try required(aim, "aim", object))
    }

    mutating func quarterRecord() throws(JSONReadFailure) -> QuarterRecord {
        var object = try beginObject()
        var quarter: Quarter?, state: QuarterState?, closedOn: Timestamp?, closedBy: String?, board: String?
        var reopenings: [QuarterReopening]?, summary: String?, returnsSent: [ReturnSent]?
        while let key = try nextKey(&object) {
            if self.key(key, is: "quarter") {
                quarter = try self.quarter()
            } else if self.key(key, is: "state") {
                state = try quarterState()
            } else if self.key(key, is: "closedOn") {
                closedOn = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "closedBy") {
                closedBy = try optionalString()
            } else if self.key(key, is: "board") {
                board = try optionalString()
            } else if self.key(key, is: "reopenings") {
                reopenings = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.reopening() }
            } else if self.key(key, is: "summary") {
                summary = try optionalString()
            } else if self.key(key, is: "returnsSent") {
                returnsSent = try skipNull() ? nil : list { (r: inout JSONReader) throws(JSONReadFailure) in try r.returnSent() }
            } else {
                try skipUnknownField(key)
            }
        }
        var record = QuarterRecord(quarter: try required(quarter, "quarter", object), state: try required(state, "state", object),
                                   closedOn: closedOn, closedBy: closedBy, board: board)
        record.reopenings = reopenings
        record.summary = summary
        record.returnsSent = returnsSent
        return record
    }

    mutating func returnSent() throws(JSONReadFailure) -> ReturnSent {
        var object = try beginObject()
        var owner: String?, to: String?, on: Timestamp?, by: String?, reminder: Bool?, via: ReturnVia?, file: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "owner") {
                owner = try repeatedString()
            } else if self.key(key, is: "to") {
                to = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else if self.key(key, is: "by") {
                by = try repeatedString()
            } else if self.key(key, is: "reminder") {
                reminder = try skipNull() ? nil : bool()
            } else if self.key(key, is: "via") {
                via = try skipNull() ? nil : returnVia()
            } else if self.key(key, is: "file") {
                file = try optionalString()
            } else {
                try skipUnknownField(key)
            }
        }
        // An emailed return names its address; a return written to a file names the file.
        if via == .file { _ = try required(file, "file", object) } else { _ = try required(to, "to", object) }
        return ReturnSent(owner: try required(owner, "owner", object), to: to, on: try required(on, "on", object),
                          by: try required(by, "by", object), reminder: reminder, via: via, file: file)
    }

    mutating func returnVia() throws(JSONReadFailure) -> ReturnVia {
        try formatted("\"file\" or \"email\"") { ReturnVia(rawValue: String(decoding: $0, as: UTF8.self)) }
    }

    mutating func frozenQuarter() throws(JSONReadFailure) -> FrozenQuarter {
        var object = try beginObject()
        var quarter: Quarter?, closedOn: Timestamp?, closedBy: String?, plan: Plan?
        while let key = try nextKey(&object) {
            if self.key(key, is: "quarter") {
                quarter = try self.quarter()
            } else if self.key(key, is: "closedOn") {
                closedOn = try timestamp()
            } else if self.key(key, is: "closedBy") {
                closedBy = try string()
            } else if self.key(key, is: "plan") {
                plan = try self.plan()
            } else {
                try skipUnknownField(key)
            }
        }
        return FrozenQuarter(quarter: try required(quarter, "quarter", object), closedOn: try required(closedOn, "closedOn", object),
                             closedBy: try required(closedBy, "closedBy", object), plan: try required(plan, "plan", object))
    }

    mutating func reopening() throws(JSONReadFailure) -> QuarterReopening {
        var object = try beginObject()
        var by: String?, on: Timestamp?, reason: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "by") {
                by = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else if self.key(key, is: "reason") {
                reason = try string()
            } else {
                try skipUnknownField(key)
            }
        }
        return QuarterReopening(by: try required(by, "by", object), on: try required(on, "on", object),
                                reason: try required(reason, "reason", object))
    }

    mutating func funding() throws(JSONReadFailure) -> Funding {
        var object = try beginObject()
        var source: String?, amount: Decimal?
        while let key = try nextKey(&object) {
            if self.key(key, is: "source") {
                source = try string()
            } else if self.key(key, is: "amount") {
                amount = try skipNull() ? nil : decimal()
            } else {
                try skipUnknownField(key)
            }
        }
        return Funding(source: try required(source, "source", object), amount: amount)
    }

    mutating func fundingLine() throws(JSONReadFailure) -> FundingLine {
        var object = try beginObject()
        var id: String?, source: String?, year: FinancialYear?, amount: Decimal?, labour: Decimal?, nonLabour: Decimal?
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "source") {
                source = try string()
            } else if self.key(key, is: "year") {
                year = try formatted(FinancialYear.expectedFormat) { FinancialYear(String(decoding: $0, as: UTF8.self)) }
            } else if self.key(key, is: "amount") {
                amount = try decimal()
            } else if self.key(key, is: "labour") {
                labour = try skipNull() ? nil : decimal()
            } else if self.key(key, is: "nonLabour") {
                nonLabour = try skipNull() ? nil : decimal()
            } else {
                try skipUnknownField(key)
            }
        }
        return FundingLine(id: try required(id, "id", object), source: try required(source, "source", object),
                           year: try required(year, "year", object), amount: try required(amount, "amount", object),
                           labour: labour, nonLabour: nonLabour)
    }

    mutating func milestone() throws(JSONReadFailure) -> Milestone {
        var object = try beginObject()
        var id: String?, title: String?, due: Day?, doneOn: Timestamp?, doneBy: String?
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "title") {
                title = try string()
            } else if self.key(key, is: "due") {
                due = try day()
            } else if self.key(key, is: "doneOn") {
                doneOn = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "doneBy") {
                doneBy = try optionalString()
            } else {
                try skipUnknownField(key)
            }
        }
        return Milestone(id: try required(id, "id", object), title: try required(title, "title", object),
                         due: try required(due, "due", object), doneOn: doneOn, doneBy: doneBy)
    }

    mutating func preventionGroup() throws(JSONReadFailure) -> PreventionGroup {
        try formatted("one of \(PreventionGroup.allCases.map(\.rawValue).joined(separator: ", "))") {
            PreventionGroup(rawValue: String(decoding: $0, as: UTF8.self))
        }
    }

    mutating func dueDateChange() throws(JSONReadFailure) -> DueDateChange {
        var object = try beginObject()
        var from: Day?, to: Day?, reason: String?, by: String?, on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "from") {
                from = try skipNull() ? nil : day()
            } else if self.key(key, is: "to") {
                to = try day()
            } else if self.key(key, is: "reason") {
                reason = try string()
            } else if self.key(key, is: "by") {
                by = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        return DueDateChange(from: from, to: try required(to, "to", object), reason: try required(reason, "reason", object),
                             by: try required(by, "by", object), on: try required(on, "on", object))
    }

    mutating func fieldChange() throws(JSONReadFailure) -> FieldChange {
        var object = try beginObject()
        var field: String?, from: String?, to: String?, by: String?, on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "field") {
                field = try string()
            } else if self.key(key, is: "from") {
                from = try string()
            } else if self.key(key, is: "to") {
                to = try string()
            } else if self.key(key, is: "by") {
                by = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        return FieldChange(field: try required(field, "field", object), from: try required(from, "from", object),
                           to: try required(to, "to", object), by: try required(by, "by", object), on: try required(on, "on", object))
    }

    mutating func removedAction() throws(JSONReadFailure) -> RemovedAction {
        var object = try beginObject()
        var id: String?, title: String?, group: String?, owner: String?, status: Status?, by: String?, on: Timestamp?
        while let key = try nextKey(&object) {
            if self.key(key, is: "id") {
                id = try string()
            } else if self.key(key, is: "title") {
                title = try string()
            } else if self.key(key, is: "group") {
                group = try string()
            } else if self.key(key, is: "owner") {
                owner = try string()
            } else if self.key(key, is: "status") {
                status = try self.status()
            } else if self.key(key, is: "by") {
                by = try string()
            } else if self.key(key, is: "on") {
                on = try timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        return RemovedAction(id: try required(id, "id", object), title: try required(title, "title", object),
                             group: try required(group, "group", object), owner: try required(owner, "owner", object),
                             status: try required(status, "status", object), by: try required(by, "by", object),
                             on: try required(on, "on", object))
    }

    mutating func mergeConflict() throws(JSONReadFailure) -> MergeConflict {
        var object = try beginObject()
        var path: String?
        var conflict = MergeConflict(path: "", base: nil, ours: nil, theirs: nil)
        while let key = try nextKey(&object) {
            if self.key(key, is: "path") {
                path = try string()
            } else if self.key(key, is: "base") {
                conflict.base = try jsonValue()
            } else if self.key(key, is: "ours") {
                conflict.ours = try jsonValue()
            } else if self.key(key, is: "theirs") {
                conflict.theirs = try jsonValue()
            } else if self.key(key, is: "oursBy") {
                conflict.oursBy = try optionalString()
            } else if self.key(key, is: "oursOn") {
                conflict.oursOn = try skipNull() ? nil : timestamp()
            } else if self.key(key, is: "theirsBy") {
                conflict.theirsBy = try optionalString()
            } else if self.key(key, is: "theirsOn") {
                conflict.theirsOn = try skipNull() ? nil : timestamp()
            } else {
                try skipUnknownField(key)
            }
        }
        conflict.path = try required(path, "path", object)
        return conflict
    }

    /// Any JSON value, kept as compact JSON text with sorted keys (the form `PlanMerge` records).
    private mutating func jsonValue() throws(JSONReadFailure) -> String {
        let start = valueStart()
        let text = try rawValue()
        guard let compact = PlanMerge.compactJSON(text) else {
            throw JSONReadFailure(offset: start, message: "expected a JSON value")
        }
        return compact
    }

    // MARK: - Values with a format

    mutating func day() throws(JSONReadFailure) -> Day {
        try formatted(Day.expectedFormat) { Day(isoUTF8: $0) }
    }

    mutating func timestamp() throws(JSONReadFailure) -> Timestamp {
        try formatted(Timestamp.expectedFormat) { Timestamp(isoUTF8: $0) }
    }

    mutating func quarter() throws(JSONReadFailure) -> Quarter {
        try formatted(Quarter.expectedFormat) { Quarter(utf8: $0) }
    }

    mutating func status() throws(JSONReadFailure) -> Status {
        try formatted(Status.expectedFormat) { bytes in Self.statuses.first { $0.utf8.elementsEqual(bytes) }?.status }
    }

    /// Each status with its file spelling as bytes, to match without making a String.
    private static let statuses = Status.allCases.map { (status: $0, utf8: Array($0.rawValue.utf8)) }

    mutating func quarterState() throws(JSONReadFailure) -> QuarterState {
        try formatted("\"open\" or \"closed\"") { QuarterState(rawValue: String(decoding: $0, as: UTF8.self)) }
    }

    mutating func decimal(_ expected: String = "an amount in pounds") throws(JSONReadFailure) -> Decimal {
        let start = valueStart()
        let text = try numberText()
        guard let value = Decimal(string: text), !value.isNaN else {
            throw JSONReadFailure(offset: start, message: "expected \(expected), found \(text)")
        }
        return value
    }

    // MARK: - Helpers

    /// A string, or nil for null.
    private mutating func optionalString() throws(JSONReadFailure) -> String? {
        try skipNull() ? nil : string()
    }

    /// A string that must parse as `expected`; the message quotes what was found.
    private mutating func formatted<T>(_ expected: String, _ parse: (UnsafeBufferPointer<UInt8>) -> T?) throws(JSONReadFailure) -> T {
        let start = valueStart()
        var found = ""
        let parsed: T? = try withStringBytes(expected) { bytes in
            let value = parse(bytes)
            if value == nil { found = String(decoding: bytes, as: UTF8.self) }
            return value
        }
        guard let parsed else { throw JSONReadFailure(offset: start, message: "expected \(expected), found \"\(found)\"") }
        return parsed
    }

    mutating func list<T>(_ item: (inout JSONReader) throws(JSONReadFailure) -> T) throws(JSONReadFailure) -> [T] {
        if try skipNull() { return [] }
        var list = try beginList()
        var items: [T] = []
        while try nextItem(&list) { items.append(try item(&self)) }
        return items
    }

    private mutating func map<T>(_ value: (inout JSONReader) throws(JSONReadFailure) -> T) throws(JSONReadFailure) -> [String: T] {
        if try skipNull() { return [:] }
        var object = try beginObject()
        var result: [String: T] = [:]
        while let key = try nextKey(&object) {
            let name = key.text(in: self)
            result[name] = try value(&self)
        }
        return result
    }

    func required<T>(_ value: T?, _ field: String, _ object: Container) throws(JSONReadFailure) -> T {
        guard let value else {
            throw JSONReadFailure(offset: object.offset, message: "missing required field", missingField: field)
        }
        return value
    }
}
