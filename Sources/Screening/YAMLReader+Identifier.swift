extension YAMLReader {
    /// An id or option value: a letter or `_`, then letters, digits and `_`, at most
    /// `Expression.maximumNameLength` characters.
    mutating func identifier(_ node: YAMLNode?, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard QuestionnaireLoader.isIdentifier(text) else {
            error(at: node, "\(what) \(Printable.quoted(text)) must start with a letter or '_' and hold only letters, digits and '_'")
            return nil
        }
        guard text.utf8.count <= Expression.maximumNameLength else {
            error(
                at: node, "\(what) \(Printable.quoted(text)) is \(text.utf8.count) characters long; ids are at most \(Expression.maximumNameLength)")
            return nil
        }
        return text
    }
}
