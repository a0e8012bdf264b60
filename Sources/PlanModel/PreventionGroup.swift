/// The four prevention groups every action belongs to, always shown in this order.
///
/// The names and aims default to the Hillingdon Serious Violence Strategy 2024–27's four
/// delivery themes; a plan may rename them (Warwickshire: "prevent before it happens",
/// "respond to immediate risk", "long-term support").
public enum PreventionGroup: String, CaseIterable, Codable, Sendable, Comparable {
    case wholeSystem = "whole-system"
    case primary
    case secondary
    case tertiary

    /// Name used when the plan does not rename the group.
    public var defaultName: String {
        switch self {
        case .wholeSystem: "Whole system approach"
        case .primary: "Primary prevention"
        case .secondary: "Secondary prevention"
        case .tertiary: "Tertiary prevention"
        }
    }

    /// Aim used when the plan gives none (wording from the Hillingdon strategy).
    public var defaultAim: String {
        switch self {
        case .wholeSystem:
            "A whole system, public health approach to serious violence, evidence based and supported by a co-ordinated community response."
        case .primary:
            "Prevent serious violence before it occurs by changing attitudes and behaviours; aimed at the population as a whole."
        case .secondary:
            "Early intervention at the point of identifying risk of violence; aimed at populations identified as at risk."
        case .tertiary:
            "Intervention at the point of harm, from rehabilitation to enforcement; aimed at those who have committed violence or been victimised."
        }
    }

    /// Prefix for generated action ids, e.g. `PRI-03`.
    public var idPrefix: String {
        switch self {
        case .wholeSystem: "WSA"
        case .primary: "PRI"
        case .secondary: "SEC"
        case .tertiary: "TER"
        }
    }

    /// Position in the fixed display order.
    public var order: Int {
        switch self {
        case .wholeSystem: 0
        case .primary: 1
        case .secondary: 2
        case .tertiary: 3
        }
    }

    /// Finds a group by its id ("primary"), its id prefix ("PRI") or its default name, ignoring case.
    public init?(matching text: String) {
        let key = text.trimmingSpaces().lowercased()
        guard let group = PreventionGroup.allCases.first(where: {
            $0.rawValue == key || $0.idPrefix.lowercased() == key || $0.defaultName.lowercased() == key
        }) else { return nil }
        self = group
    }

    public static func < (lhs: PreventionGroup, rhs: PreventionGroup) -> Bool { lhs.order < rhs.order }
}

/// A plan's own name and aim for one prevention group.
public struct GroupInfo: Equatable, Sendable {
    public var name: String
    public var aim: String

    public init(name: String, aim: String) {
        self.name = name
        self.aim = aim
    }
}
