import Localization
import Screening

/// Emergency warnings: shown the moment one holds; the person may stop, carry on, or go back
/// to change the answer.
extension Interviewer {

    /// What the person chose at an emergency warning.
    enum EmergencyChoice {
        case carryOn
        /// Back to the question just answered, to change an answer given by mistake.
        case back
        case end(Outcome)
    }

    /// Shows each emergency trigger the moment it holds, and lets the person stop, carry on, or
    /// go back to change the answer.
    func checkEmergencies() -> EmergencyChoice {
        let fired = navigator.firedTriggers(answers).filter {
            $0.trigger.urgency == .emergency && !record.acknowledgedTriggers.contains($0.trigger.id)
        }
        guard !fired.isEmpty else { return .carryOn }
        let words = messages.interview
        console.line()
        console.line(style.alert(words.emergencyBanner))
        for f in fired {
            console.line(style.bold(words.emergencyWarning(message: f.trigger.message)))
            record.acknowledgedTriggers.append(f.trigger.id)
        }
        console.line(words.emergencyCannotHelp)
        persist()
        while true {
            console.line(words.emergencyChoice)
            console.line(style.dim(words.emergencyBack(back: messages.keys.back[0])))
            console.write("> ")
            guard let input = console.readLine() else { return .end(leave(.endOfInput)) }
            if Messages.isOne(of: messages.keys.stop, input) {
                record.status = .stoppedAtEmergency
                persist()
                return .end(.stoppedAtEmergency(fired))
            }
            if Messages.isOne(of: messages.keys.carryOn, input) { return .carryOn }
            if Messages.isOne(of: messages.keys.back, input) {
                // Warned again if the changed answer still raises it.
                record.acknowledgedTriggers.removeAll { id in fired.contains { $0.trigger.id == id } }
                return .back
            }
            console.line(words.emergencyRetry)
        }
    }
}
