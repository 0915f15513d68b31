import Foundation
import PackagePlugin

/// Turns the message catalogue of a target (its `Messages/*.yaml`) into Swift at build time, so
/// every message is checked when the program is built and costs nothing to load when it starts.
@main
struct CompileMessages: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Messages")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "Messages+Catalogue.swift")
        return [
            .buildCommand(
                displayName: "Compiling the message catalogue of \(target.name)",
                executable: try context.tool(named: "messages-compiler").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
