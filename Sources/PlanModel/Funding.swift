import Foundation  // Decimal for amounts

/// Where an action's money comes from, as older files hold it: one source and one amount.
/// New funding is recorded as `FundingLine`s; this object still loads and is written back as read.
public struct Funding: Equatable, Sendable {
    public var source: String
    /// Amount in pounds sterling, when known.
    public var amount: Decimal?

    public init(source: String, amount: Decimal? = nil) {
        self.source = source
        self.amount = amount
    }
}

/// One line of funding: a source, the financial year, the amount in pounds, and optionally how
/// much of it is labour and non-labour (the Serious Violence Duty grant is allocated that way).
/// Ids (`F1`, `F2`…) are unique within their list so a merge pairs them.
public struct FundingLine: Equatable, Sendable, Identifiable {
    public var id: String
    public var source: String
    public var year: FinancialYear
    public var amount: Decimal
    public var labour: Decimal?
    public var nonLabour: Decimal?

    public init(id: String, source: String, year: FinancialYear, amount: Decimal, labour: Decimal? = nil, nonLabour: Decimal? = nil) {
        self.id = id
        self.source = source
        self.year = year
        self.amount = amount
        self.labour = labour
        self.nonLabour = nonLabour
    }

    /// Why the line cannot be recorded, or nil: no source, a negative amount, or a split that
    /// does not add up to the amount.
    public var problem: (field: String, message: String)? {
        if source.isBlank { return ("source", "must not be empty") }
        for (field, value) in [("amount", amount), ("labour", labour), ("nonLabour", nonLabour)] {
            if let value, value < 0 { return (field, "must not be negative, found \(value)") }
        }
        if let labour, let nonLabour, labour + nonLabour != amount {
            return ("nonLabour", "labour \(pounds(labour)) and non-labour \(pounds(nonLabour)) add up to \(pounds(labour + nonLabour)), not the amount \(pounds(amount))")
        }
        if let part = labour ?? nonLabour, part > amount {
            return (labour != nil ? "labour" : "nonLabour", "\(pounds(part)) is more than the amount \(pounds(amount))")
        }
        return nil
    }

    /// "F1 Home Office SVD grant 2023/24 £10,000 (labour £4,000, non-labour £6,000)".
    public var summary: String {
        var split: [String] = []
        if let labour { split.append("labour \(pounds(labour))") }
        if let nonLabour { split.append("non-labour \(pounds(nonLabour))") }
        return "\(id) \(source) \(year) \(pounds(amount))" + (split.isEmpty ? "" : " (\(split.joined(separator: ", ")))")
    }
}

/// Money by source and financial year, for reports.
public struct FundingTotal: Equatable, Sendable {
    public var source: String
    /// Nil for the single funding object of older files, which names no year.
    public var year: FinancialYear?
    public var amount: Decimal
    public var labour: Decimal
    public var nonLabour: Decimal

    public init(source: String, year: FinancialYear?, amount: Decimal, labour: Decimal = 0, nonLabour: Decimal = 0) {
        self.source = source
        self.year = year
        self.amount = amount
        self.labour = labour
        self.nonLabour = nonLabour
    }
}

/// Which list of funding lines an operation works on: the plan's own or an action's.
public enum FundingHolder: Equatable, Sendable {
    case plan
    case action(String)
}

extension Plan {
    /// Totals by source and financial year over the plan's own lines and every given action's
    /// (its lines and, from older files, its single funding object with an amount), sorted by
    /// year then source. `actions` defaults to the whole plan.
    public func fundingTotals(actions: [Action]? = nil) -> [FundingTotal] {
        struct Key: Hashable { var source: String; var year: FinancialYear? }
        var totals: [Key: FundingTotal] = [:]
        func add(_ source: String, _ year: FinancialYear?, _ amount: Decimal, _ labour: Decimal?, _ nonLabour: Decimal?) {
            let key = Key(source: source, year: year)
            var total = totals[key] ?? FundingTotal(source: source, year: year, amount: 0)
            total.amount += amount
            total.labour += labour ?? 0
            total.nonLabour += nonLabour ?? 0
            totals[key] = total
        }
        for line in fundingLines { add(line.source, line.year, line.amount, line.labour, line.nonLabour) }
        for action in actions ?? self.actions {
            for line in action.fundingLines { add(line.source, line.year, line.amount, line.labour, line.nonLabour) }
            if let old = action.funding, let amount = old.amount { add(old.source, nil, amount, nil, nil) }
        }
        return totals.values.sorted {
            ($0.year?.startYear ?? Int.max, $0.source) < ($1.year?.startYear ?? Int.max, $1.source)
        }
    }

    /// The funding lines of the plan or of one action.
    public func fundingLines(of holder: FundingHolder) throws(PlanEditError) -> [FundingLine] {
        switch holder {
        case .plan: return fundingLines
        case .action(let id):
            guard let index = actionIndex(id: id) else { throw .unknownAction(id) }
            return actions[index].fundingLines
        }
    }

    /// Adds a funding line with the next free id (`F1`, `F2`…) to the plan or an action, audited
    /// on the plan's or the action's trail. Refused when the line has a problem (`FundingLine.problem`).
    @discardableResult
    public mutating func addFundingLine(to holder: FundingHolder, source: String, year: FinancialYear, amount: Decimal,
                                        labour: Decimal?, nonLabour: Decimal?, context: EditContext) throws -> String {
        let existing = try fundingLines(of: holder)
        let highest = existing.compactMap { $0.id.hasPrefix("F") ? Int($0.id.dropFirst()) : nil }.max() ?? 0
        var line = FundingLine(id: "F\(highest + 1)", source: source.trimmingSpaces(), year: year, amount: amount,
                               labour: labour, nonLabour: nonLabour)
        // A split given in part is completed: the rest of the amount is the other part.
        if let labour, nonLabour == nil, labour <= amount { line.nonLabour = amount - labour }
        if let nonLabour, labour == nil, nonLabour <= amount { line.labour = amount - nonLabour }
        if let problem = line.problem { throw PlanEditError.invalidFunding(field: problem.field, message: problem.message) }
        switch holder {
        case .plan:
            fundingLines.append(line)
            logPlanChange("fundingLines[id=\(line.id)]", from: "", to: line.summary, context)
        case .action(let id):
            try editAction(id: id, context: context) { $0.fundingLines.append(line) }
        }
        return line.id
    }

    /// Removes a funding line from the plan or an action, audited.
    public mutating func removeFundingLine(from holder: FundingHolder, id lineID: String, context: EditContext) throws {
        let existing = try fundingLines(of: holder)
        guard let index = existing.firstIndex(where: { $0.id.lowercased() == lineID.trimmingSpaces().lowercased() }) else {
            throw PlanEditError.unknownFundingLine(lineID)
        }
        switch holder {
        case .plan:
            let line = fundingLines.remove(at: index)
            logPlanChange("fundingLines[id=\(line.id)]", from: line.summary, to: "", context)
        case .action(let id):
            try editAction(id: id, context: context) { $0.fundingLines.remove(at: index) }
        }
    }
}
