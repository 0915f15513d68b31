import Localization

/// Reading an archive: the layout `encode` writes, in order.
extension QuestionnaireArchive {
    /// Reads in the order written; every unknown tag or raw value is `Malformed`.
    struct Decoder {
        let path: String

        func questionnaire(_ r: inout ArchiveReader, contentHash: String) throws(ArchiveReader.Malformed) -> Questionnaire {
            let id = try r.string()
            let version = try r.string()
            let schemaVersion = try r.int()
            let title = try r.string()
            let description = try r.string()
            let sections = try r.array { (r) throws(ArchiveReader.Malformed) in
                Section(id: try r.string(), title: try r.string(), items: try r.array(item))
            }
            let computed = try r.array(computedValue)
            let levels = try r.array { (r) throws(ArchiveReader.Malformed) in
                TriageLevel(urgency: try known(Urgency(rawValue: try r.string())), headline: try r.string(), advice: try r.string())
            }
            let triggers = try r.array { (r) throws(ArchiveReader.Malformed) in
                Trigger(
                    id: try r.string(), condition: try condition(&r), urgency: try known(Urgency(rawValue: try r.string())),
                    message: try r.string(), references: try r.strings(), sign: try r.optional(condition), inferred: try r.bool())
            }
            let nutrients = try r.array(nutrient)
            let instruments = try r.array(instrument)
            let advice = try r.array { (r) throws(ArchiveReader.Malformed) in
                Advice(
                    id: try r.string(), condition: try r.optional(condition), exception: try r.optional(condition), fit: try fit(&r),
                    text: try r.string(),
                    references: try r.strings())
            }
            let contexts = try r.array { (r) throws(ArchiveReader.Malformed) in
                PersonContext(id: try r.string(), condition: try condition(&r), reason: try r.string(), references: try r.strings())
            }
            let tests = try r.array { (r) throws(ArchiveReader.Malformed) in
                LabTest(
                    id: try r.string(), name: try r.string(), checks: try r.string(), condition: try r.optional(condition),
                    tier: try known(TestTier(rawValue: try r.string())), location: try location(&r))
            }
            let otherCauses = try r.array { (r) throws(ArchiveReader.Malformed) in
                OtherCause(
                    id: try r.string(), condition: try condition(&r), text: try r.string(), tests: try r.strings(), references: try r.strings(),
                    known: try r.optional { (r) throws(ArchiveReader.Malformed) in
                        OtherCause.Known(
                            context: try r.string(), name: try r.string(),
                            text: try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }, tests: try r.strings(),
                            references: try r.strings())
                    },
                    location: try location(&r))
            }
            let references = try r.array { (r) throws(ArchiveReader.Malformed) in
                Reference(id: try r.string(), citation: try r.string(), url: try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() })
            }
            let report = try ReportConventions.read(from: &r)
            let scoring = Scoring(
                restrictions: try r.array { (r) throws(ArchiveReader.Malformed) in
                    Scoring.Restriction(
                        kind: try known(RuleKind(rawValue: try r.string())),
                        beside: try r.strings().map { (name) throws(ArchiveReader.Malformed) in try known(RuleKind(rawValue: name)) },
                        reason: try r.string(), references: try r.strings())
                })
            var questionnaire = Questionnaire(
                id: id, version: version, schemaVersion: schemaVersion, title: title, description: description, sections: sections,
                computed: computed, triggers: triggers, nutrients: nutrients, instruments: instruments, advice: advice, contexts: contexts,
                tests: tests,
                otherCauses: otherCauses, references: references, report: report, scoring: scoring, contentHash: contentHash,
                path: path)
            questionnaire.levels = levels
            return questionnaire
        }

        func item(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Item {
            let id = try r.string()
            let text = try r.string()
            let help = try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }
            let tag = Int(try r.unsigned())
            guard QuestionKinds.all.indices.contains(tag) else { throw ArchiveReader.Malformed() }
            let kind = try QuestionKinds.all[tag].read(from: &r)
            return Item(
                id: id, text: text, help: help, anyKind: kind, required: try r.bool(), condition: try r.optional(condition),
                shortText: try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }, alwaysAsked: try r.bool(),
                calculated: try r.optional(condition), location: try location(&r))
        }

        func computedValue(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> ComputedValue {
            let id = try r.string()
            let title = try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }
            let definition: ComputedValue.Definition =
                switch try r.unsigned() {
                case 0: .expression(try condition(&r))
                case 1: .sum(try r.array(rule))
                default: throw ArchiveReader.Malformed()
                }
            return ComputedValue(id: id, title: title, definition: definition, type: try valueType(&r), location: try location(&r))
        }

        func valueType(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> ValueType {
            switch try r.unsigned() {
            case 0: .bool
            case 1: .number
            case 2: .text
            case 3: .choice(item: try r.string())
            case 4: .selection(item: try r.string())
            case 5: .string
            case 6: .list
            case 7: .date
            default: throw ArchiveReader.Malformed()
            }
        }

        func rule(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> PointRule {
            PointRule(
                id: try r.optional { (r) throws(ArchiveReader.Malformed) in try r.string() }, condition: try condition(&r), points: try r.double(),
                kind: try known(RuleKind(rawValue: try r.string())), reason: try r.string(),
                references: try r.strings())
        }

        func fit(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Fit { Fit(notFor: try r.strings(), onlyFor: try r.strings()) }

        func nutrient(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Nutrient {
            let id = try r.string()
            let name = try r.string()
            let summary = try r.string()
            let rules = try r.array(rule)
            let thresholds = Thresholds(possible: try r.double(), likely: try r.double())
            let tests = try r.strings()
            let foods = try r.array { (r) throws(ArchiveReader.Malformed) in Food(try r.string(), fit: try fit(&r)) }
            let notes = try r.array { (r) throws(ArchiveReader.Malformed) in Note(try r.string(), fit: try fit(&r)) }
            return Nutrient(
                id: id, name: name, summary: summary, rules: rules, thresholds: thresholds, tests: tests, foods: foods, notes: notes,
                location: try location(&r))
        }

        func instrument(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Instrument {
            let id = try r.string()
            let name = try r.string()
            let total = try r.string()
            let maximum = try r.double()
            let cutoff = try r.string()
            let results = try r.array { (r) throws(ArchiveReader.Malformed) in
                Instrument.ResultRule(condition: try condition(&r), result: try r.string(), meaning: try r.string(), positive: try r.bool())
            }
            return Instrument(
                id: id, name: name, total: total, maximum: maximum, cutoff: cutoff, results: results,
                otherwise: try r.string(), otherwiseMeaning: try r.string(), condition: try r.optional(condition), references: try r.strings(),
                code: try r.optional { (r) throws(ArchiveReader.Malformed) in
                    Instrument.Code(system: try r.string(), code: try r.string(), display: try r.string())
                }, location: try location(&r))
        }

        func condition(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> Condition {
            Condition(source: try r.string(), expression: try expression(&r, depth: 0), location: try location(&r))
        }

        func expression(_ r: inout ArchiveReader, depth: Int) throws(ArchiveReader.Malformed) -> Expression {
            guard depth < Expression.maximumDepth else { throw ArchiveReader.Malformed() }
            let offset = try r.int()
            let inner = { (r: inout ArchiveReader) throws(ArchiveReader.Malformed) in try expression(&r, depth: depth + 1) }
            let node: Expression.Node =
                switch try r.unsigned() {
                case 0: .number(try r.double())
                case 1: .string(try r.string())
                case 2: .bool(try r.bool())
                case 3: .name(try r.string())
                case 4: .list(try r.array(inner))
                case 5: .not(try inner(&r))
                case 6: .negate(try inner(&r))
                case 7: .binary(try known(Expression.BinaryOperator(rawValue: try r.string())), try inner(&r), try inner(&r))
                case 8: .call(try known(Expression.Function(rawValue: try r.string())), try r.string())
                default: throw ArchiveReader.Malformed()
                }
            return Expression(node, offset: offset)
        }

        func location(_ r: inout ArchiveReader) throws(ArchiveReader.Malformed) -> SourceLocation {
            SourceLocation(file: path, line: try r.int(), column: try r.int())
        }

        func known<T>(_ value: T?) throws(ArchiveReader.Malformed) -> T {
            guard let value else { throw ArchiveReader.Malformed() }
            return value
        }
    }
}
