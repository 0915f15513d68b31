import Foundation
import History
import Interview
import Screening

/// `history forget` beyond the history: the person's interview sessions in the state folder,
/// finished or not, which hold their name, date of birth and every answer. A session is theirs by
/// name and date of birth, as the history tells whose a screening is; it is deleted unless a
/// running process holds it. What is left, and why, is named.
struct SessionForgetting {
    /// What became of the sessions under the person's name.
    struct Outcome {
        /// The state folder the sessions are in.
        var folder: String
        var deleted = 0
        /// Sessions a running nutriscreen process holds.
        var held: [String] = []
        /// Sessions without a date of birth, under a name another person in the history shares.
        var unsure: [String] = []
        /// Sessions whose deletion failed, with the reason.
        var failed: [(path: String, reason: String)] = []
    }

    /// Deletes `person`'s sessions from `store`; `others` are the people of the same name still
    /// in the history, whose sessions stay.
    static func forget(_ person: HistoryPerson, others: [HistoryPerson], in store: SessionStore) -> Outcome {
        store.removeLeftovers(now: Clock.system.now)
        var outcome = Outcome(folder: store.directory)
        var birthItems: [String: String?] = [:]
        for record in store.all().sessions where PersonName.key(record.name ?? "") == PersonName.key(person.name) {
            // The item the session's questionnaire names as the date of birth (none when it cannot
            // be read any more: the name alone then says whose it is).
            let item =
                birthItems[record.questionnairePath]
                ?? (try? QuestionnaireLoader.load(path: record.questionnairePath))?.report.person.birthDate
            birthItems[record.questionnairePath] = item
            var born: String?
            if let item, case .string(let iso)? = record.answers[item] { born = iso }
            let path = store.path(of: record)
            let theirs: Bool
            if let born {
                theirs = born == person.birthDate?.iso || (person.birthDate == nil && !others.contains { $0.birthDate?.iso == born })
            } else {
                theirs = others.isEmpty
                if !theirs { outcome.unsure.append(path) }
            }
            guard theirs else { continue }
            do throws(SessionStore.DiscardFailure) {
                try store.discard(id: record.id)
                outcome.deleted += 1
            } catch {
                switch error {
                case .busy: outcome.held.append(path)
                case .failed(let reason): outcome.failed.append((path, reason))
                }
            }
        }
        return outcome
    }
}
