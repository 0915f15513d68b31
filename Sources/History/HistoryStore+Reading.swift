import Foundation
import GRDB
import Screening

/// Reading the history: people, listings (from `screening` and `nutrientScore` alone, never a
/// screening's answers or assessment) and one screening in full.
extension HistoryStore {
    /// The person a screening of `name`, born `birthDate`, belongs to: the same name and date of
    /// birth; else, when only one person has that name, that person (whose date of birth, if
    /// missing, the screening then gives); else, when `creating`, a new person.
    static func person(_ db: Database, name: String, birthDate: CalendarDate?, creating: Bool) throws -> PersonRecord? {
        let key = PersonName.key(name)
        let named = try PersonRecord.filter(Column("nameKey") == key).order(Column("id")).fetchAll(db)
        if let exact = named.first(where: { $0.birthDate == birthDate?.iso }) { return exact }
        if named.count == 1, birthDate == nil || named[0].birthDate == nil { return named[0] }
        guard creating else { return nil }
        var person = PersonRecord(id: nil, name: name, nameKey: key, birthDate: birthDate?.iso)
        try person.insert(db)
        return person
    }

    /// The people whose name matches `name` (all when nil) and, when given, born on `birthDate`,
    /// by name.
    public func people(named name: String? = nil, born birthDate: CalendarDate? = nil) throws(HistoryError) -> [HistoryPerson] {
        try reading { db in
            var request = PersonRecord.order(Column("nameKey"), Column("birthDate"))
            if let name { request = request.filter(Column("nameKey") == PersonName.key(name)) }
            if let birthDate { request = request.filter(Column("birthDate") == birthDate.iso) }
            return try request.fetchAll(db).map(HistoryPerson.init)
        }
    }

    /// The person's screenings, oldest first.
    public func screenings(of person: HistoryPerson) throws(HistoryError) -> [ScreeningEntry] {
        try reading { db in try Self.entries(db, of: person) }
    }

    /// The screening with this id, in full: its answers and assessment inflated (or, kept
    /// before v3 and not yet compressed, as they are).
    public func screening(id: Int64) throws(HistoryError) -> StoredScreening? {
        try reading { db -> StoredScreening? in
            guard let row = try ScreeningRecord.fetchOne(db, key: id), let person = try PersonRecord.fetchOne(db, key: row.personId) else {
                return nil
            }
            var (answers, json) = (row.answers, row.assessment)
            if let content = try ScreeningContentRecord.fetchOne(db, key: id) {
                do throws(Deflate.Damaged) {
                    (answers, json) = (try Deflate.text(content.answers), try Deflate.text(content.assessment))
                } catch {
                    throw HistoryError.damaged(path: path, detail: "screening #\(id): \(error.detail)")
                }
            }
            var assessment =
                row.assessmentSchemaVersion <= Assessment.currentSchemaVersion
                ? try? JSONDecoder().decode(Assessment.self, from: Data(json.utf8)) : nil
            assessment?.completed = ISO8601.parse(row.completed)
            let entry = try Self.entries(db, of: HistoryPerson(person), where: "id = ?", [id]).first
            return entry.map { StoredScreening(entry: $0, answers: answers, assessment: assessment) }
        }
    }

    /// Up to `limit` screenings of the person `name` (born `birthDate`) completed before
    /// `completed`, oldest first: what a new screening is compared with (the last of them in full
    /// through `screening(id:)`).
    public func earlier(name: String, birthDate: CalendarDate?, before completed: Date, limit: Int) throws(HistoryError) -> [ScreeningEntry] {
        try reading { db in
            guard let person = try Self.person(db, name: name, birthDate: birthDate, creating: false) else { return [] }
            return try Self.entries(db, of: HistoryPerson(person), where: "completed < ?", [ISO8601.format(completed)], last: limit)
        }
    }

    func reading<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try queue.read(body) } catch { throw HistoryError(error, path: path) }
    }

    /// The columns of `screening` a listing reads: never `answers` or `assessment`.
    static let listed = "id, completed, questionnaireID, questionnaireVersion, contentHash, triage, source, recorded"

    /// The person's screenings that meet `condition` (SQL on `screening`, with `arguments`),
    /// oldest first, only the `last` ones when given; their scores read in one query.
    private static func entries(
        _ db: Database, of person: HistoryPerson, where condition: String = "1", _ arguments: StatementArguments = [], last: Int? = nil
    ) throws -> [ScreeningEntry] {
        let chosen =
            "SELECT \(listed) FROM screening WHERE personId = ? AND (\(condition)) ORDER BY completed DESC" + (last.map { " LIMIT \($0)" } ?? "")
        let all: StatementArguments = [person.id] + arguments
        var scores: [Int64: [ScreeningEntry.NutrientScore]] = [:]
        let scored = try Row.fetchCursor(
            db,
            sql: "SELECT screeningId, nutrientID, name, band, score FROM nutrientScore "
                + "WHERE screeningId IN (SELECT id FROM (\(chosen))) ORDER BY screeningId, position",
            arguments: all)
        while let row = try scored.next() {
            scores[row["screeningId"], default: []].append(
                ScreeningEntry.NutrientScore(id: row["nutrientID"], name: row["name"], band: Band(rawValue: row["band"]) ?? .low, score: row["score"])
            )
        }
        return try Row.fetchAll(db, sql: chosen, arguments: all).reversed().map { row in
            let id: Int64 = row["id"]
            return ScreeningEntry(
                id: id, person: person, completed: ISO8601.parse(row["completed"]) ?? Date(timeIntervalSince1970: 0),
                questionnaireID: row["questionnaireID"], questionnaireVersion: row["questionnaireVersion"], contentHash: row["contentHash"],
                triage: (row["triage"] as String?).flatMap(Urgency.init(rawValue:)), scores: scores[id] ?? [],
                source: ScreeningSource(rawValue: row["source"]) ?? .import,
                recorded: ISO8601.parse(row["recorded"]) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
