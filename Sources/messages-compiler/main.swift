// Reads the message catalogue (Sources/Localization/Messages/*.yaml), checks that every language
// gives every English message with the same placeholders, and writes the Swift the Localization
// module is built with. Run by the CompileMessages build plugin:
//
//     messages-compiler OUTPUT.swift en.yaml es.yaml …
//
// Problems are printed as `file:line:col: error: message` and fail the build.
import Foundation
import MessagesCompiler

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first, arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: messages-compiler OUTPUT.swift MESSAGES.yaml...\n".utf8))
    exit(64)
}
var files: [(path: String, text: String)] = []
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path):1:1: error: cannot read this message file as UTF-8 text\n".utf8))
        exit(1)
    }
    files.append((path, text))
}
do {
    let catalogue = try MessageCatalogue(files: files)
    let source = Data(catalogue.swiftSource.utf8)
    // Rewritten only when it changes, so an unchanged catalogue recompiles nothing.
    if FileManager.default.contents(atPath: output) != source {
        try source.write(to: URL(fileURLWithPath: output), options: .atomic)
    }
} catch let error as DiagnosticList {
    for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("\(output):1:1: error: cannot write the generated messages: \(error)\n".utf8))
    exit(1)
}
