import Foundation

extension Report {
    /// The indicators' values as a long table: one row per indicator per quarter, up to the
    /// quarter reported on. A public table leaves out restricted indicators, shows small counts
    /// as "fewer than N" and, unless names were asked for, leaves out the By column.
    public func indicatorsCSV(excel: Bool) throws -> Data {
        let names = !isPublic || indicators.flatMap(\.values).contains { !$0.by.isEmpty }
        var rows = [["Indicator", "Name", "Unit", "Quarter", "Value", "Provisional", "Note"] + (names ? ["By"] : []) + ["On"]]
        for row in indicators {
            for point in row.values {
                rows.append([row.id, row.name, row.unit, point.quarter, point.value, point.provisional ? "yes" : "no", point.note]
                            + (names ? [point.by] : []) + [point.on])
            }
        }
        return try writeCSV(rows, excel: excel)
    }
}
