/// How a screening came into the history.
public enum ScreeningSource: String, Sendable, Equatable {
    /// Recorded at the end of an interview.
    case interview
    /// Imported from an answers file (`nutriscreen history import`).
    case `import`
}
