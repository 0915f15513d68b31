import Interview
import PrivateFiles
import Testing

@Suite struct UserFoldersTests {
    @Test func xdgVariablesWinWhenAbsolute() {
        let environment = ["XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/c", "HOME": "/home/ann"]
        #expect(UserFolders.state(environment: environment) == "/s")
        #expect(UserFolders.cache(environment: environment) == "/c")
        #expect(SessionStore.standard(environment: environment).directory == "/s/nutriscreen")
    }

    @Test func otherwiseTheConventionalFoldersUnderHome() {
        // A relative XDG value is ignored, as the specification says.
        let environment = ["XDG_STATE_HOME": "relative", "HOME": "/home/ann"]
        #expect(UserFolders.state(environment: environment) == "/home/ann/.local/state")
        #expect(UserFolders.cache(environment: environment) == "/home/ann/.cache")
    }
}
