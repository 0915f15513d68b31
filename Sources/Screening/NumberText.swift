/// How NutriScreen writes a number for people and files: whole numbers without a fraction
/// (`12`, not `12.0`), others as Swift prints them (`2.5`). Safe for any value: numbers too
/// large for an integer, and infinities, are printed as doubles instead of trapping.
public enum NumberText {
    public static func plain(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}
