import Testing

@testable import Screening

@Suite struct YAMLComposerTests {
    func compose(_ text: String) throws(YAMLComposer.Failure) -> YAMLNode? { try YAMLComposer.compose(Array(text.utf8)) }

    func failure(_ text: String) -> YAMLComposer.Failure? {
        do {
            _ = try compose(text)
            return nil
        } catch { return error }
    }

    @Test func mappingsListsAndScalarsKeepOrderStyleAndPlace() throws {
        let root = try #require(try compose("a: 1\nb:\n  - 'x'\n  - \"y\"\n  - |\n    z\nc: !!str yes\n"))
        guard case .mapping(let mapping) = root else {
            Issue.record("not a mapping")
            return
        }
        #expect(mapping.pairs.count == 3)
        #expect(mapping.entries.map { key, _ in if case .scalar(let s) = key { s.string } else { "?" } } == ["a", "b", "c"])
        guard case .scalar(let one) = mapping.pairs[0].value, case .sequence(let list) = mapping.pairs[1].value,
            case .scalar(let tagged) = mapping.pairs[2].value
        else {
            Issue.record("wrong shapes")
            return
        }
        #expect(one.string == "1" && one.isPlain && one.mark.line == 1 && one.mark.column == 4)
        let styles = list.nodes.compactMap { node -> YAMLNode.Scalar.Style? in if case .scalar(let s) = node { s.style } else { nil } }
        #expect(styles == [.singleQuoted, .doubleQuoted, .literal])
        #expect(list.mark.line == 3 && list.mark.column == 3)
        #expect(tagged.string == "yes" && tagged.tagged && !tagged.isPlain, "an explicit !!str is text, not true")
    }

    @Test func aliasesRepeatTheAnchoredNode() throws {
        let root = try #require(try compose("base: &opts [x, y]\nagain: *opts\n"))
        guard case .mapping(let mapping) = root, case .sequence(let again) = mapping.pairs[1].value else {
            Issue.record("wrong shape")
            return
        }
        #expect(again.nodes.count == 2)
        #expect(failure("a: *nowhere\n")?.message.contains("alias '*nowhere' names no anchor") == true)
    }

    @Test func aliasesOfAliasesCannotExpandWithoutLimit() throws {
        // Each level doubles: 2^30 values from a few hundred bytes.
        var text = "l0: &l0 [x, x]\n"
        for level in 1...30 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let problem = try #require(failure(text))
        #expect(problem.message.contains("more than \(YAMLComposer.maximumNodes) values"))
    }

    @Test func duplicateKeysPointAtTheSecondUse() throws {
        let problem = try #require(failure("id: a\nname: b\nid: c\n"))
        #expect(problem.message == "key 'id' appears more than once in the same mapping (first at line 1)")
        #expect(problem.mark.line == 3 && problem.mark.column == 1)
    }

    @Test func duplicatesAreFoundInLongMappingsToo() throws {
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        #expect(try compose(keys) != nil)
        for repeated in [3, 17, 39] {
            let problem = try #require(failure(keys + "k\(repeated): again\n"))
            #expect(problem.message == "key 'k\(repeated)' appears more than once in the same mapping (first at line \(repeated + 1))")
            #expect(problem.mark.line == 41)
        }
    }

    @Test func oneDocumentOnlyAndNothingIsNil() throws {
        #expect(try compose("") == nil)
        #expect(try compose("# only a comment\n") == nil)
        let second = try #require(failure("a: 1\n---\nb: 2\n"))
        #expect(second.message.contains("more than one YAML document") && second.mark.line == 2)
    }

    @Test func libyamlErrorsKeepTheirWordsAndPlace() throws {
        let problem = try #require(failure("a: [1, 2\nb: 3\n"))
        #expect(problem.message.hasPrefix("invalid YAML: "))
        #expect(problem.mark.line >= 2)
        let tab = try #require(failure("a:\n\t- b\n"))
        #expect(tab.message.hasPrefix("invalid YAML: ") && tab.mark.line == 2)
    }
}
