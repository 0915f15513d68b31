extension Language {
    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty (as the C library reads them), if it names a language NutriScreen
    /// speaks (`es_ES.UTF-8`, `es_MX`, `es`); else English.
    public static func preferred(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return Language(locale: locale) ?? .en
    }

    /// The language of a POSIX locale name (`es_ES.UTF-8@euro`): its part before `_`, `.` or `@`.
    public init?(locale: String) {
        let code = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }.lowercased()
        self.init(rawValue: code)
    }

    /// The BCP 47 tag of the language (`en`, `es`), for the PDF and FHIR.
    public var tag: String { rawValue }
}
