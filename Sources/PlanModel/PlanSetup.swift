/// Setting a plan up: its title and partnership, group names, aims and order, the words it uses
/// for statuses, workstreams and owners. One set of rules for the command line and the front end;
/// every change is written to the plan's audit trail (`changeLog`) with who and when.
extension Plan {
    /// The prevention groups in the order this plan shows them (`groupOrder`, else the fixed order).
    public var orderedGroups: [PreventionGroup] {
        guard let groupOrder, Set(groupOrder) == Set(PreventionGroup.allCases), groupOrder.count == PreventionGroup.allCases.count else {
            return PreventionGroup.allCases
        }
        return groupOrder
    }

    /// Where `group` comes in this plan's order (0 first).
    public func position(of group: PreventionGroup) -> Int {
        orderedGroups.firstIndex(of: group) ?? group.order
    }

    /// The plan's own word for a status ("Blue" for complete), or nil when it uses the usual word.
    public func statusWord(_ status: Status) -> String? {
        statusWords[status.rawValue].flatMap { $0.isBlank ? nil : $0 }
    }

    /// The status as this plan says it: "Complete", or "Complete (Blue)" when the plan has its own word.
    public func statusLabel(_ status: Status) -> String {
        statusWord(status).map { "\(status.label) (\($0))" } ?? status.label
    }

    /// Appends one change to the plan's audit trail.
    mutating func logPlanChange(_ field: String, from: String, to: String, _ context: EditContext) {
        guard from != to else { return }
        changeLog = (changeLog ?? []) + [FieldChange(field: field, from: from, to: to, by: context.by, on: context.now)]
    }

    /// Changes the plan's title, partnership, description and financial-year start month (nil
    /// leaves a field as it is). The start month may only change while no quarter has history,
    /// since every recorded quarter would come to mean other months.
    public mutating func setDetails(title: String?, partnership: String?, description: String?, fyStartMonth: Int?,
                                    context: EditContext) throws(PlanEditError) {
        var changed = self
        if let title {
            guard !title.isBlank else { throw .emptyField("title") }
            changed.title = title.trimmingSpaces()
            changed.logPlanChange("title", from: self.title, to: changed.title, context)
        }
        if let partnership {
            guard !partnership.isBlank else { throw .emptyField("partnership") }
            changed.partnership = partnership.trimmingSpaces()
            changed.logPlanChange("partnership", from: self.partnership, to: changed.partnership, context)
        }
        if let description {
            changed.description = description.trimmingSpaces()
            changed.logPlanChange("description", from: self.description, to: changed.description, context)
        }
        if let month = fyStartMonth, month != financialYearStartMonth {
            guard (1...12).contains(month) else { throw .monthOutOfRange(month) }
            let used = (actions.flatMap { $0.reviews.map(\.quarter) } + quarters.map(\.quarter)).sorted()
            if let first = used.first { throw .financialYearHasHistory(first) }
            changed.financialYearStartMonth = month
            changed.logPlanChange("financialYearStartMonth", from: "\(financialYearStartMonth)", to: "\(month)", context)
        }
        self = changed
    }

    /// Sets who the board paper is from and how to reach them, for its cover (nil leaves a field
    /// as it is; an empty text removes it).
    public mutating func setPaperAuthor(author: String?, contact: String?, context: EditContext) {
        if let author {
            let new = author.trimmingSpaces()
            logPlanChange("author", from: self.author, to: new, context)
            self.author = new
        }
        if let contact {
            let new = contact.trimmingSpaces()
            logPlanChange("contact", from: self.contact, to: new, context)
            self.contact = new
        }
    }

    /// Gives a prevention group this plan's name and/or aim, and/or moves it to `position`
    /// (1 = shown first). A name another group already answers to is refused, so `--group NAME`
    /// always means one group.
    public mutating func setGroup(_ group: PreventionGroup, name: String?, aim: String?, position: Int?,
                                  context: EditContext) throws(PlanEditError) {
        var changed = self
        if name != nil || aim != nil {
            let newName = name?.trimmingSpaces() ?? self.name(of: group)
            guard !newName.isEmpty else { throw .emptyField("name") }
            if let other = PreventionGroup.allCases.first(where: { $0 != group && (self.group(named: newName) == $0) }) {
                throw .groupNameTaken(newName, other.rawValue)
            }
            let info = GroupInfo(name: newName, aim: aim?.trimmingSpaces() ?? self.aim(of: group))
            changed.groups[group.rawValue] = info
            changed.logPlanChange("groups.\(group.rawValue).name", from: self.name(of: group), to: info.name, context)
            changed.logPlanChange("groups.\(group.rawValue).aim", from: self.aim(of: group), to: info.aim, context)
        }
        if let position {
            guard (1...PreventionGroup.allCases.count).contains(position) else { throw .groupPositionOutOfRange(position) }
            var order = orderedGroups
            order.removeAll { $0 == group }
            order.insert(group, at: position - 1)
            changed.groupOrder = order == PreventionGroup.allCases ? nil : order
            changed.logPlanChange("groupOrder", from: orderedGroups.map(\.rawValue).joined(separator: ", "),
                                  to: order.map(\.rawValue).joined(separator: ", "), context)
        }
        self = changed
    }

    /// Sets this plan's word for a status and/or what the status means for it; an empty word
    /// goes back to the usual one.
    public mutating func setStatusWording(_ status: Status, word: String?, definition: String?, context: EditContext) {
        if let word {
            let new = word.trimmingSpaces()
            logPlanChange("statusWords.\(status.rawValue)", from: statusWords[status.rawValue] ?? "", to: new, context)
            statusWords[status.rawValue] = new.isEmpty ? nil : new
        }
        if let definition {
            let new = definition.trimmingSpaces()
            logPlanChange("ragDefinitions.\(status.rawValue)", from: ragDefinitions[status.rawValue] ?? "", to: new, context)
            ragDefinitions[status.rawValue] = new.isEmpty ? nil : new
        }
    }

    // MARK: - Workstreams

    /// The workstream a person means: its id or its name, ignoring case.
    public func findWorkstream(_ text: String) -> Workstream? {
        let key = text.trimmingSpaces().lowercased()
        return workstreams.first { $0.id.lowercased() == key } ?? workstreams.first { $0.name.lowercased() == key }
    }

    /// Adds a workstream; its id is made from the name unless given. Returns the id.
    @discardableResult
    public mutating func addWorkstream(name: String, id: String? = nil, description: String? = nil,
                                       context: EditContext) throws(PlanEditError) -> String {
        let name = name.trimmingSpaces()
        guard !name.isEmpty else { throw .emptyField("name") }
        if let id, !id.isBlank, workstreams.contains(where: { $0.id == id.trimmingSpaces() }) { throw .duplicateWorkstream(id) }
        if findWorkstream(name) != nil { throw .duplicateWorkstream(name) }
        let newID = id.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            ?? uniqueSlug(name, existing: Set(workstreams.map(\.id)), fallback: "workstream")
        let description = description.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        workstreams.append(Workstream(id: newID, name: name, description: description))
        logPlanChange("workstreams[id=\(newID)]", from: "", to: name, context)
        return newID
    }

    /// Renames a workstream or changes its description ("" removes the description).
    public mutating func setWorkstream(_ key: String, name: String?, description: String?, context: EditContext) throws(PlanEditError) {
        guard let found = findWorkstream(key), let index = workstreams.firstIndex(where: { $0.id == found.id }) else {
            throw .unknownWorkstream(key)
        }
        var changed = self
        if let name {
            let name = name.trimmingSpaces()
            guard !name.isEmpty else { throw .emptyField("name") }
            if let other = findWorkstream(name), other.id != found.id { throw .duplicateWorkstream(name) }
            changed.workstreams[index].name = name
            changed.logPlanChange("workstreams[id=\(found.id)].name", from: found.name, to: name, context)
        }
        if let description {
            let text = description.trimmingSpaces()
            changed.workstreams[index].description = text.isEmpty ? nil : text
            changed.logPlanChange("workstreams[id=\(found.id)].description", from: found.description ?? "", to: text, context)
        }
        self = changed
    }

    /// Removes a workstream. While actions use it this is refused (naming them) unless
    /// `fromActions`, which takes it off each of them first (on each action's audit trail).
    public mutating func removeWorkstream(_ key: String, fromActions: Bool, context: EditContext) throws {
        guard let found = findWorkstream(key) else { throw PlanEditError.unknownWorkstream(key) }
        let users = actions.filter { $0.workstreams.contains(found.id) }.map(\.id)
        if !users.isEmpty, !fromActions { throw PlanEditError.workstreamInUse(found.id, users) }
        var changed = self
        for id in users { try changed.editAction(id: id, context: context) { $0.workstreams.removeAll { $0 == found.id } } }
        changed.workstreams.removeAll { $0.id == found.id }
        changed.logPlanChange("workstreams[id=\(found.id)]", from: found.name, to: "", context)
        self = changed
    }

    // MARK: - Owners

    /// Adds an owner (lead agency or officer); its id is made from the name unless given. Returns the id.
    @discardableResult
    public mutating func addOwner(name: String, id: String? = nil, role: String? = nil, contact: String? = nil,
                                  context: EditContext) throws(PlanEditError) -> String {
        let name = name.trimmingSpaces()
        guard !name.isEmpty else { throw .emptyField("name") }
        if let id, !id.isBlank, owners.contains(where: { $0.id == id.trimmingSpaces() }) { throw .duplicateOwner(id) }
        if let id, !id.isBlank, let problem = Owner.idProblem(id.trimmingSpaces()) { throw .invalidOwnerID(id, problem) }
        if findOwner(name) != nil { throw .duplicateOwner(name) }
        let newID = id.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            ?? uniqueSlug(name, existing: Set(owners.map(\.id)), fallback: "owner")
        func optional(_ text: String?) -> String? { text.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } }
        owners.append(Owner(id: newID, name: name, role: optional(role), contact: optional(contact)))
        logPlanChange("owners[id=\(newID)]", from: "", to: name, context)
        return newID
    }

    /// Changes an owner's name, role or contact ("" removes a role or contact).
    public mutating func setOwner(_ key: String, name: String?, role: String?, contact: String?, context: EditContext) throws(PlanEditError) {
        guard let found = findOwner(key), let index = owners.firstIndex(where: { $0.id == found.id }) else { throw .unknownOwner(key) }
        var changed = self
        if let name {
            let name = name.trimmingSpaces()
            guard !name.isEmpty else { throw .emptyField("name") }
            if let other = findOwner(name), other.id != found.id { throw .duplicateOwner(name) }
            changed.owners[index].name = name
            changed.logPlanChange("owners[id=\(found.id)].name", from: found.name, to: name, context)
        }
        for (field, value, path) in [("role", role, \Owner.role), ("contact", contact, \Owner.contact)] {
            guard let value else { continue }
            let text = value.trimmingSpaces()
            changed.owners[index][keyPath: path] = text.isEmpty ? nil : text
            changed.logPlanChange("owners[id=\(found.id)].\(field)", from: found[keyPath: path] ?? "", to: text, context)
        }
        self = changed
    }

    /// Folds a duplicate owner into another everywhere: lead owner, partners, the owner recorded
    /// with reviews and deletion records. Each changed action's audit trail records it; the
    /// duplicate goes, and its role and contact fill the other's when that has none.
    public mutating func mergeOwner(_ duplicateKey: String, into keepKey: String, context: EditContext) throws {
        guard let duplicate = findOwner(duplicateKey) else { throw PlanEditError.unknownOwner(duplicateKey) }
        guard let keep = findOwner(keepKey) else { throw PlanEditError.unknownOwner(keepKey) }
        guard duplicate.id != keep.id else { throw PlanEditError.mergeOwnerWithItself(keep.id) }
        var changed = self
        for action in actions where action.owner == duplicate.id || action.partners.contains(duplicate.id)
            || action.reviews.contains(where: { $0.owner == duplicate.id }) {
            try changed.editAction(id: action.id, context: context) { action in
                if action.owner == duplicate.id { action.owner = keep.id }
                var partners: [String] = []
                for partner in action.partners.map({ $0 == duplicate.id ? keep.id : $0 })
                where partner != action.owner && !partners.contains(partner) { partners.append(partner) }
                action.partners = partners
                for r in action.reviews.indices where action.reviews[r].owner == duplicate.id { action.reviews[r].owner = keep.id }
            }
        }
        for r in changed.removedActions.indices where changed.removedActions[r].owner == duplicate.id {
            changed.removedActions[r].owner = keep.id
        }
        if let index = changed.owners.firstIndex(where: { $0.id == keep.id }) {
            if changed.owners[index].role == nil { changed.owners[index].role = duplicate.role }
            if changed.owners[index].contact == nil { changed.owners[index].contact = duplicate.contact }
        }
        changed.owners.removeAll { $0.id == duplicate.id }
        changed.logPlanChange("owners[id=\(duplicate.id)]", from: duplicate.name, to: "merged into \(keep.id) (\(keep.name))", context)
        self = changed
    }
}

/// An id made from a name ("Metropolitan Police Service" → `metropolitan-police-service`), with
/// `-2`, `-3`… added when it is already taken. A long name keeps its first words, up to 56
/// characters (a single longer word is cut), so that id and suffix stay within an owner id's 64.
public func uniqueSlug(_ name: String, existing: Set<String>, fallback: String) -> String {
    let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
    var base = words.first.map { String($0.prefix(56)) } ?? fallback
    for word in words.dropFirst() {
        guard base.count + 1 + word.count <= 56 else { break }
        base += "-" + word
    }
    var candidate = base
    var n = 2
    while existing.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
    return candidate
}
