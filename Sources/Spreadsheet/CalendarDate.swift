/// A date (and time of day) as a spreadsheet stores it: a serial number of days.
public struct CalendarDate: Equatable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds after midnight, 0 for a plain date.
    public var secondsOfDay: Int

    public init(year: Int, month: Int, day: Int, secondsOfDay: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.secondsOfDay = secondsOfDay
    }

    /// The day a serial number means, or nil when it is before the system's first day or after
    /// 9999-12-31. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the 29 February 1900
    /// Excel pretends existed (read as 1900-02-28); in the 1904 system serial 0 is 1904-01-01.
    public init?(serial: Double, system: DateSystem) {
        guard serial.isFinite, serial >= (system == .from1900 ? 1 : 0), serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        let epoch: Int
        switch system {
        case .from1900:
            epoch = -25_569  // 1899-12-30 as days since 1970-01-01
            if days < 60 { days += 1 }
        case .from1904:
            epoch = -24_107  // 1904-01-01
        }
        self = CalendarDate(daysSinceEpoch: epoch + days + seconds / 86_400, secondsOfDay: seconds % 86_400)
    }

    /// The serial number of this date in `system` (for writing dates into a workbook).
    public func serial(in system: DateSystem) -> Double {
        let days = daysSinceEpoch
        let whole: Int
        switch system {
        case .from1900:
            whole = days + 25_569 - (days + 25_569 <= 60 ? 1 : 0)
        case .from1904:
            whole = days + 24_107
        }
        return Double(whole) + Double(secondsOfDay) / 86_400
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when there is a time of day.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard secondsOfDay > 0 else { return date }
        return date + " \(pad(secondsOfDay / 3600, 2)):\(pad(secondsOfDay / 60 % 60, 2)):\(pad(secondsOfDay % 60, 2))"
    }

    init(daysSinceEpoch days: Int, secondsOfDay: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: doy - (153 * mp + 2) / 5 + 1,
                  secondsOfDay: secondsOfDay)
    }

    var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }
}

/// Where a workbook counts its date serial numbers from (`workbookPr date1904`).
public enum DateSystem: Sendable {
    /// Excel's default on Windows and LibreOffice's: serial 1 is 1900-01-01.
    case from1900
    /// Older Mac workbooks: serial 0 is 1904-01-01.
    case from1904
}
