import Foundation

/// ISO-8601 times as answers files and session records carry them: written in UTC to the second;
/// read as `2026-03-01T10:00:00Z`, with optional fractional seconds, a `±hh:mm` offset instead of
/// `Z`, or a date alone (`2026-03-01`, midnight UTC).
public enum ISO8601 {
    public static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        if scanner.atEnd { return UTCTime(year: year, month: month, day: day).date }
        guard scanner.skip("T") || scanner.skip("t"), let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"), let second = scanner.number(digits: 2),
            let moment = UTCTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).date
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            var scale = 0.1
            var any = false
            while let digit = scanner.digit() { (fraction, scale, any) = (fraction + Double(digit) * scale, scale / 10, true) }
            guard any else { return nil }
        }
        var offset = 0
        if scanner.skip("Z") || scanner.skip("z") {
        } else if let sign = scanner.skip("+") ? 1 : scanner.skip("-") ? -1 : nil {
            guard let hours = scanner.number(digits: 2), hours < 24, scanner.skip(":"), let minutes = scanner.number(digits: 2), minutes < 60
            else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        return moment.addingTimeInterval(fraction - TimeInterval(offset))
    }

    public static func format(_ date: Date) -> String { UTCTime(date).iso8601 }
}

/// Reads ASCII digits and punctuation from the front of a byte string.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func number(digits: Int) -> Int? {
        var value = 0
        for _ in 0..<digits {
            guard let d = digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }
}
