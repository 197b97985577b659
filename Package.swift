// swift-tools-version: 6.0
import PackageDescription

// Darkroom is a Linux application: the C libraries below come from Debian packages, and no
// other platform is built or tested (so no `platforms:` list).

/// Every target compiles in the Swift 6 language mode (complete concurrency checking).
let swift6LanguageMode: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Darkroom",
    products: [
        .executable(name: "darkroom", targets: ["darkroom"]),
        .executable(name: "darkroom-bench", targets: ["darkroom-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // SHA-256 for the content-addressed copies of a job's input images (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        // What the sandbox imports of Hummingbird's own graph, declared rather than borrowed.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.24.0"),
    ],
    targets: [
        // C system libraries (Debian packages), with shims for macros and variadic functions.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CSpng", pkgConfig: "spng", providers: [.apt(["libspng-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),

        // Blocking and CPU-heavy work on threads of its own, off the cooperative pool (pictures, SQLite reads).
        .target(name: "BlockingWork", swiftSettings: swift6LanguageMode),
        .target(name: "Imaging", dependencies: ["CTurboJPEG", "CSpng", "CWebP"], swiftSettings: swift6LanguageMode),
        .target(name: "TerminalUI", dependencies: ["CNcursesw"], swiftSettings: swift6LanguageMode),
        .target(
            name: "Studio",
            dependencies: ["TerminalUI", "Preview", "Imaging", "Generation", "History", "RunwareAPI", "BlockingWork"],
            swiftSettings: swift6LanguageMode),
        .target(name: "StudioTesting", dependencies: ["Studio", "Generation", "History", "Imaging", "Preview", "RunwareAPI", "RunwareSandbox", "TerminalUI"],
                swiftSettings: swift6LanguageMode),
        .target(name: "Preview", dependencies: ["CChafa", "Imaging", "TerminalUI", "BlockingWork"], swiftSettings: swift6LanguageMode),
        .target(name: "History", dependencies: ["RunwareAPI", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swift6LanguageMode),
        .target(name: "RunwareAPI", dependencies: ["CCurl"], swiftSettings: swift6LanguageMode),
        .target(
            name: "Generation",
            dependencies: ["RunwareAPI", "Imaging", "History", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swift6LanguageMode),
        // Shared wiring for the studio and every subcommand: environment, config files, the key,
        // the target, History, the runner, terminal facts. Studio never depends on it.
        .target(
            name: "Workspace",
            dependencies: ["Generation", "History", "Imaging", "Preview", "RunwareAPI", "RunwareSandbox", "Studio", "TerminalUI",
                           .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swift6LanguageMode),
        .target(
            name: "RunwareSandbox",
            dependencies: [
                "RunwareAPI", "Imaging", "BlockingWork", "CCurl", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: swift6LanguageMode),
        .executableTarget(
            name: "darkroom",
            dependencies: ["DarkroomCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swift6LanguageMode,
            // Every build of the app (debug too) carries the Swift runtime and Foundation, so a copy
            // runs where no toolchain is; the test bundles stay dynamic (beside XCTest's Foundation).
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lFoundationInternationalization",
                                            "-lFoundationEssentials", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
                                            "-l_FoundationCollections", "-lswiftSynchronization", "-Xlinker", "--end-group"])]),
        // The commands (argument parsing and calls), a library so the tests can parse them in-process.
        .target(
            name: "DarkroomCLI",
            dependencies: [
                "Generation", "History", "RunwareAPI", "RunwareSandbox", "Preview", "Imaging", "Studio", "TerminalUI", "Workspace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swift6LanguageMode),
        .executableTarget(
            name: "darkroom-bench",
            // HostileFiles: the hostile files the tests use are the ones `darkroom-bench hostile` measures.
            dependencies: ["RunwareAPI", "RunwareSandbox", "Imaging", "Preview", "History", "Studio", "StudioTesting", "Workspace", "TerminalUI", "Generation",
                           "HostileFiles"],
            swiftSettings: swift6LanguageMode),

        // Hostile image files made byte by byte (the red-team report's cases), for tests and the bench.
        .target(name: "HostileFiles", dependencies: ["CSpng", "CTurboJPEG"], path: "Tests/HostileFiles", swiftSettings: swift6LanguageMode),
        .target(
            name: "TestSupport",
            dependencies: [
                "RunwareAPI", "RunwareSandbox", "Imaging", "HostileFiles", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/TestSupport", swiftSettings: swift6LanguageMode),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport", "HostileFiles"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "BlockingWorkTests", dependencies: ["BlockingWork"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: swift6LanguageMode),
        .testTarget(
            name: "StudioTests",
            dependencies: ["Studio", "StudioTesting", "Workspace", "TerminalUI", "TestSupport", "Generation", "History", "Preview", "RunwareAPI", "RunwareSandbox",
                           "Imaging", "HostileFiles"],
            // Text snapshots, read by path (Snapshot.swift), not bundled.
            exclude: ["Snapshots"],
            swiftSettings: swift6LanguageMode),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Imaging", "TerminalUI", "TestSupport"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "HistoryTests", dependencies: ["History", "RunwareAPI", "TestSupport"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "RunwareAPITests", dependencies: ["RunwareAPI", "RunwareSandbox"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "RunwareSandboxTests", dependencies: ["RunwareSandbox", "RunwareAPI", "Imaging", "TestSupport"], swiftSettings: swift6LanguageMode),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "History", "RunwareSandbox", "Imaging", "TestSupport", "HostileFiles"], swiftSettings: swift6LanguageMode),
        .testTarget(
            name: "WorkspaceTests",
            dependencies: ["Workspace", "Studio", "Generation", "History", "RunwareAPI", "RunwareSandbox", "TerminalUI", "TestSupport"],
            swiftSettings: swift6LanguageMode),
        .testTarget(name: "DarkroomTests", dependencies: ["DarkroomCLI", "RunwareSandbox", "RunwareAPI", "Imaging", "TestSupport", "Workspace",
                                                   .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: swift6LanguageMode),
    ]
)
