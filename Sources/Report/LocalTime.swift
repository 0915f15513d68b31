import Foundation

/// A moment as a reader on this computer reads it: the local date and time with its zone.
public enum LocalTime {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// "1 March 2026, 11:00 UTC+01:00 (Europe/Paris)", or "1 March 2026, 10:00 UTC" in UTC.
    public static func readable(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day = "\(parts.day ?? 1) \(monthNames[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0, ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Universal", "Zulu"].contains(zone.identifier) { return "\(day), \(time) UTC" }
        let sign = offset < 0 ? "−" : "+"
        let zoneText = String(format: "UTC%@%02d:%02d", sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
        return "\(day), \(time) \(zoneText) (\(zone.identifier))"
    }

    /// A calendar date (`YYYY-MM-DD`) as "14 March 1958", with the age in whole years on `day`.
    public static func birthDate(_ text: String, on day: Date, in zone: TimeZone) -> (readable: String, age: Int)? {
        let fields = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard text.count >= 10, fields.count == 3, (1...12).contains(fields[1]), (1...31).contains(fields[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.dateComponents([.year, .month, .day], from: day)
        guard let year = today.year, let month = today.month, let date = today.day else { return nil }
        let age = year - fields[0] - ((month, date) < (fields[1], fields[2]) ? 1 : 0)
        guard age >= 0 else { return nil }
        return ("\(fields[2]) \(monthNames[fields[1] - 1]) \(fields[0])", age)
    }
}
