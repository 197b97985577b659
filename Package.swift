// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Darkroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "darkroom", targets: ["darkroom"]),
        .executable(name: "darkroom-bench", targets: ["darkroom-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C system libraries (Debian packages), with shims for macros and variadic functions.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CSpng", pkgConfig: "spng", providers: [.apt(["libspng-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(name: "CChafa", pkgConfig: "chafa", providers: [.apt(["libchafa-dev", "libglib2.0-dev"])]),

        .target(name: "Imaging", dependencies: ["CTurboJPEG", "CSpng", "CWebP"], swiftSettings: strict),
        .target(name: "TerminalUI", dependencies: ["CNcursesw"], swiftSettings: strict),
        .target(
            name: "Studio",
            dependencies: ["TerminalUI", "Preview", "Imaging", "Generation", "History", "RunwareAPI", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        .target(name: "Preview", dependencies: ["CChafa", "Imaging"], swiftSettings: strict),
        .target(name: "History", dependencies: ["RunwareAPI", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .target(name: "RunwareAPI", dependencies: ["CCurl"], swiftSettings: strict),
        .target(
            name: "Generation",
            dependencies: ["RunwareAPI", "Imaging", "History", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        .target(
            name: "RunwareSandbox",
            dependencies: [
                "RunwareAPI", "Imaging", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "darkroom",
            dependencies: [
                "Generation", "History", "RunwareAPI", "RunwareSandbox", "Preview", "Imaging", "Studio", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "darkroom-bench",
            dependencies: ["RunwareAPI", "RunwareSandbox", "Imaging", "Preview", "History", "Studio", "TerminalUI", "Generation"],
            swiftSettings: strict),

        .target(
            name: "TestSupport",
            dependencies: [
                "RunwareAPI", "RunwareSandbox", "Imaging", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: strict),
        .testTarget(
            name: "StudioTests",
            dependencies: ["Studio", "TerminalUI", "TestSupport", "Generation", "History", "Preview", "RunwareAPI", "RunwareSandbox",
                           "Imaging"],
            swiftSettings: strict),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Imaging", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HistoryTests", dependencies: ["History", "RunwareAPI", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "RunwareAPITests", dependencies: ["RunwareAPI", "RunwareSandbox"], swiftSettings: strict),
        .testTarget(name: "RunwareSandboxTests", dependencies: ["RunwareSandbox", "RunwareAPI", "Imaging", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "History", "RunwareSandbox", "Imaging", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "DarkroomTests", dependencies: ["RunwareSandbox", "RunwareAPI", "Imaging", "TestSupport"], swiftSettings: strict),
    ]
)
