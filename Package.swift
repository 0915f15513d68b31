// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NutriScreen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nutriscreen", targets: ["nutriscreen"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Every sentence a person sees, in each language: the message catalogue in
        // Sources/Localization/Messages/*.yaml, checked and turned into Swift at build time by the
        // CompileMessages plugin (with messages-compiler, built on MessagesCompiler).
        .target(name: "Localization", exclude: ["Messages"], plugins: ["CompileMessages"]),
        .plugin(name: "CompileMessages", capability: .buildTool(), dependencies: ["messages-compiler"]),
        .executableTarget(name: "messages-compiler", dependencies: ["MessagesCompiler"]),
        .target(name: "MessagesCompiler", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Pure core: questionnaire model, loading and checking, expressions, navigation, scoring.
        // YAML is read with libyaml's events through Yams's `CYaml` module (see YAMLComposer).
        .target(name: "Screening", dependencies: ["Localization", .product(name: "Yams", package: "Yams")]),
        // Private, atomic file writing (sessions, reports).
        .target(name: "PrivateFiles", dependencies: ["Localization"]),
        // The private screening history: SQLite through GRDB (the system's libsqlite3), each
        // screening's texts compressed with the system's zlib.
        .target(
            name: "History",
            dependencies: ["Screening", "Report", "PrivateFiles", "Localization", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // zlib from the system (Debian's zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The terminal conversation.
        .target(name: "Interview", dependencies: ["Screening", "PrivateFiles", "Localization"]),
        // Cairo, cairo-pdf, Pango and fontconfig, from the system.
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfreetype-dev"])]
        ),
        // libqpdf from the system (Debian's libqpdf-dev), to pack the PDF's objects into
        // compressed object streams; loaded when a report is written, not at every start.
        .target(name: "CQPDF"),
        // What the report says: the builder and its document model, pure (no Cairo, no Pango), for
        // any output format.
        .target(name: "Report", dependencies: ["Screening", "Localization"]),
        // How the report is drawn as a PDF: pager, Pango text engine, Cairo renderer, libqpdf packing.
        .target(name: "ReportPDF", dependencies: ["Report", "Screening", "Localization", "CCairo", "CQPDF"]),
        .executableTarget(
            name: "nutriscreen",
            dependencies: [
                "Screening", "Interview", "PrivateFiles", "Report", "ReportPDF", "Exports", "History",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Formats the screening is exported in (FHIR R4) and read back from.
        .target(name: "Exports", dependencies: ["Screening", "Localization"]),
        // Benchmarks (build with -c release): see BENCHMARKS.md.
        .executableTarget(
            name: "nutriscreen-bench", dependencies: ["Screening", "Report", "ReportPDF", "CCairo", "TestSupport", "History", "Exports"]),
        // The benchmark's floor: a plain C Cairo + Pango program that draws the report's text.
        .executableTarget(name: "nutriscreen-floor", dependencies: ["CCairo"]),
        // Helpers shared by the test targets (deterministic randomness, sample answers).
        .target(name: "TestSupport", dependencies: ["Screening", "Report", "ReportPDF", "CZlib"], path: "Tests/TestSupport"),
        .testTarget(
            name: "ScreeningTests",
            dependencies: [
                "Screening", "Localization", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "InterviewTests", dependencies: ["Interview", "Screening", "Localization", "PrivateFiles", "Report", "ReportPDF", "TestSupport"]),
        .testTarget(
            name: "ReportPDFTests", dependencies: ["Report", "ReportPDF", "Screening", "TestSupport"], exclude: ["Snapshots", "Fixtures"]),
        .testTarget(
            name: "ExportsTests", dependencies: ["Exports", "Screening", "TestSupport"], exclude: ["validate_fhir.py", "agree_fhirpath.py"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "MessagesCompiler"]),
        .testTarget(
            name: "nutriscreenTests",
            dependencies: ["Screening", "nutriscreen", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Corpus"]),
        .testTarget(
            name: "HistoryTests",
            dependencies: ["History", "Report", "Screening", "Localization", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
