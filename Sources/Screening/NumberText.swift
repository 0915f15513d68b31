import Localization

/// How NutriScreen writes a number for files and English text: whole numbers without a fraction
/// (`12`, not `12.0`), others as Swift prints them (`2.5`); `Messages.number` in English. Safe for
/// any value: numbers too large for an integer, and infinities, are printed as doubles.
public enum NumberText {
    public static func plain(_ n: Double) -> String { Messages.english.number(n) }
}
