import Foundation

/// Where this user's private files go, by the XDG base-directory convention: an absolute
/// `$XDG_…_HOME`, else the conventional folder under `$HOME` (or the account's home).
public enum UserFolders {
    /// `$XDG_STATE_HOME`, default `~/.local/state`: state worth keeping, such as sessions.
    public static func state(environment: [String: String]) -> String {
        base("XDG_STATE_HOME", default: ".local/state", environment)
    }

    /// `$XDG_DATA_HOME`, default `~/.local/share`: data the user keeps, such as the screening history.
    public static func data(environment: [String: String]) -> String {
        base("XDG_DATA_HOME", default: ".local/share", environment)
    }

    /// `$XDG_CACHE_HOME`, default `~/.cache`: anything that can be rebuilt.
    public static func cache(environment: [String: String]) -> String {
        base("XDG_CACHE_HOME", default: ".cache", environment)
    }

    private static func base(_ variable: String, default relative: String, _ environment: [String: String]) -> String {
        if let configured = environment[variable], configured.hasPrefix("/") { return configured }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/" + relative
    }
}
