import Localization

/// A checked questionnaire in a compact binary form, so a later run can skip reading and checking
/// the YAML (about two thirds of the time to the first prompt went there).
///
/// An archive names the program build that wrote it and the SHA-256 of the questionnaire file it
/// came from, and ends with a checksum; `decode` refuses any other build or file, and anything
/// damaged, so a stale or broken archive only ever means loading the file again. Locations are stored as line and column and name the path
/// the questionnaire is read from now.
public enum QuestionnaireArchive {
    /// Bumped whenever the layout below changes.
    static let formatVersion: UInt64 = 11
    static let magic = Array("NutriScreen questionnaire archive\n".utf8)

    /// `questionnaire` as bytes; `build` identifies the program writing them.
    public static func encode(_ questionnaire: Questionnaire, build: String) -> [UInt8] {
        var w = ArchiveWriter()
        w.unsigned(formatVersion)
        w.string(build)
        w.string(questionnaire.contentHash)
        w.string(questionnaire.language.rawValue)
        w.string(questionnaire.id)
        w.string(questionnaire.version)
        w.int(questionnaire.schemaVersion)
        w.string(questionnaire.title)
        w.string(questionnaire.description)
        w.array(questionnaire.sections) { w, section in
            w.string(section.id)
            w.string(section.title)
            w.array(section.items, write)
        }
        w.array(questionnaire.computed, write)
        w.array(questionnaire.levels) { w, level in
            w.string(level.urgency.rawValue)
            w.string(level.headline)
            w.string(level.advice)
        }
        w.array(questionnaire.triggers) { w, trigger in
            w.string(trigger.id)
            write(&w, trigger.condition)
            w.string(trigger.urgency.rawValue)
            w.string(trigger.message)
            w.strings(trigger.references)
            w.optional(trigger.sign, write)
            w.bool(trigger.inferred)
        }
        w.array(questionnaire.nutrients, write)
        w.array(questionnaire.instruments, write)
        w.array(questionnaire.advice) { w, advice in
            w.string(advice.id)
            w.optional(advice.condition, write)
            w.optional(advice.exception, write)
            write(&w, advice.fit)
            w.string(advice.text)
            w.strings(advice.references)
        }
        w.array(questionnaire.contexts) { w, context in
            w.string(context.id)
            write(&w, context.condition)
            w.string(context.reason)
            w.strings(context.references)
        }
        w.array(questionnaire.tests) { w, test in
            w.string(test.id)
            w.string(test.name)
            w.string(test.checks)
            w.optional(test.condition, write)
            w.string(test.tier.rawValue)
            write(&w, test.location)
        }
        w.array(questionnaire.otherCauses) { w, cause in
            w.string(cause.id)
            write(&w, cause.condition)
            w.string(cause.text)
            w.strings(cause.tests)
            w.strings(cause.references)
            w.optional(cause.known) { w, known in
                w.string(known.context)
                w.string(known.name)
                w.optional(known.text) { $0.string($1) }
                w.strings(known.tests)
                w.strings(known.references)
            }
            write(&w, cause.location)
        }
        w.array(questionnaire.references) { w, reference in
            w.string(reference.id)
            w.string(reference.citation)
            w.optional(reference.url) { $0.string($1) }
        }
        questionnaire.report.write(to: &w)
        w.array(questionnaire.scoring.restrictions) { w, restriction in
            w.string(restriction.kind.rawValue)
            w.strings(restriction.beside.map(\.rawValue))
            w.string(restriction.reason)
            w.strings(restriction.references)
        }
        let bytes = magic + w.bytes
        return bytes + checksum(bytes)
    }

    /// FNV-1a (64-bit) of `bytes`, little-endian. Every step is a bijection of the running state,
    /// so any one changed byte always changes it; a damaged archive is refused, never misread.
    static func checksum(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return (0..<8).map { UInt8(truncatingIfNeeded: hash >> UInt64(8 * $0)) }
    }

    /// The questionnaire in `bytes`, or nil unless `build` wrote them from a file whose SHA-256
    /// is `contentHash` (nil: whatever SHA-256 they name, for a caller that knows the file is
    /// unchanged without reading it). Its locations and `path` name `path`.
    public static func decode(_ bytes: [UInt8], build: String, contentHash: String?, path: String) -> Questionnaire? {
        guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        guard checksum(body).elementsEqual(bytes[body.endIndex...]) else { return nil }
        var r = ArchiveReader(Array(body[magic.count...]))
        let decoder = Decoder(path: path)
        do throws(ArchiveReader.Malformed) {
            guard try r.unsigned() == formatVersion, try r.string() == build else { return nil }
            let storedHash = try r.string()
            if let contentHash, storedHash != contentHash { return nil }
            guard let language = Language(rawValue: try r.string()) else { return nil }
            var questionnaire = try decoder.questionnaire(&r, contentHash: storedHash)
            questionnaire.language = language
            // Trees no deeper than the parser allows (checked while decoding), and computed values
            // that read only earlier ones, so evaluation stays as shallow as for a checked file.
            return r.isAtEnd && EvaluationDepth.isSafe(questionnaire.computed) ? questionnaire : nil
        } catch {
            return nil
        }
    }

    // MARK: Writing

    private static func write(_ w: inout ArchiveWriter, _ item: Item) {
        w.string(item.id)
        w.string(item.text)
        w.optional(item.help) { $0.string($1) }
        w.unsigned(QuestionKinds.tag(of: item.kind))
        item.kind.write(to: &w)
        w.bool(item.required)
        w.optional(item.condition, write)
        w.optional(item.shortText) { $0.string($1) }
        w.bool(item.alwaysAsked)
        w.optional(item.calculated, write)
        write(&w, item.location)
    }

    private static func write(_ w: inout ArchiveWriter, _ computed: ComputedValue) {
        w.string(computed.id)
        w.optional(computed.title) { $0.string($1) }
        switch computed.definition {
        case .expression(let condition):
            w.unsigned(0)
            write(&w, condition)
        case .sum(let rules):
            w.unsigned(1)
            w.array(rules, write)
        }
        write(&w, computed.type)
        write(&w, computed.location)
    }

    private static func write(_ w: inout ArchiveWriter, _ type: ValueType) {
        switch type {
        case .bool: w.unsigned(0)
        case .number: w.unsigned(1)
        case .text: w.unsigned(2)
        case .choice(let item):
            w.unsigned(3)
            w.string(item)
        case .selection(let item):
            w.unsigned(4)
            w.string(item)
        case .string: w.unsigned(5)
        case .list: w.unsigned(6)
        case .date: w.unsigned(7)
        }
    }

    private static func write(_ w: inout ArchiveWriter, _ rule: PointRule) {
        w.optional(rule.id) { $0.string($1) }
        write(&w, rule.condition)
        w.double(rule.points)
        w.string(rule.kind.rawValue)
        w.string(rule.reason)
        w.strings(rule.references)
    }

    private static func write(_ w: inout ArchiveWriter, _ nutrient: Nutrient) {
        w.string(nutrient.id)
        w.string(nutrient.name)
        w.string(nutrient.summary)
        w.array(nutrient.rules, write)
        w.double(nutrient.thresholds.possible)
        w.double(nutrient.thresholds.likely)
        w.strings(nutrient.tests)
        w.array(nutrient.foods) { w, food in
            w.string(food.text)
            write(&w, food.fit)
        }
        w.array(nutrient.notes) { w, note in
            w.string(note.text)
            write(&w, note.fit)
        }
        write(&w, nutrient.location)
    }

    private static func write(_ w: inout ArchiveWriter, _ fit: Fit) {
        w.strings(fit.notFor)
        w.strings(fit.onlyFor)
    }

    private static func write(_ w: inout ArchiveWriter, _ instrument: Instrument) {
        w.string(instrument.id)
        w.string(instrument.name)
        w.string(instrument.total)
        w.double(instrument.maximum)
        w.string(instrument.cutoff)
        w.array(instrument.results) { w, rule in
            write(&w, rule.condition)
            w.string(rule.result)
            w.string(rule.meaning)
            w.bool(rule.positive)
        }
        w.string(instrument.otherwise)
        w.string(instrument.otherwiseMeaning)
        w.optional(instrument.condition, write)
        w.strings(instrument.references)
        w.optional(instrument.code) { w, code in
            w.string(code.system)
            w.string(code.code)
            w.string(code.display)
        }
        write(&w, instrument.location)
    }

    private static func write(_ w: inout ArchiveWriter, _ condition: Condition) {
        w.string(condition.source)
        write(&w, condition.expression)
        write(&w, condition.location)
    }

    private static func write(_ w: inout ArchiveWriter, _ expression: Expression) {
        w.int(expression.offset)
        switch expression.node {
        case .number(let value):
            w.unsigned(0)
            w.double(value)
        case .string(let text):
            w.unsigned(1)
            w.string(text)
        case .bool(let value):
            w.unsigned(2)
            w.bool(value)
        case .name(let id):
            w.unsigned(3)
            w.string(id)
        case .list(let elements):
            w.unsigned(4)
            w.array(elements, write)
        case .not(let operand):
            w.unsigned(5)
            write(&w, operand)
        case .negate(let operand):
            w.unsigned(6)
            write(&w, operand)
        case .binary(let op, let left, let right):
            w.unsigned(7)
            w.string(op.rawValue)
            write(&w, left)
            write(&w, right)
        case .call(let function, let id):
            w.unsigned(8)
            w.string(function.rawValue)
            w.string(id)
        }
    }

    private static func write(_ w: inout ArchiveWriter, _ location: SourceLocation) {
        w.int(location.line)
        w.int(location.column)
    }
}
