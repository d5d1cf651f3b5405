// swift-tools-version:6.0
import PackageDescription

// One system-library target per C library; each is imported by exactly one
// folder of the DocKB library (cmark-gfm by Parse/, libxml2 by Render/,
// libedit by Query/ReplLineEditor). SQLite is reached through GRDB, and
// called directly by one file, Store/PreparedInserts, on GRDB's statements.
let package = Package(
    name: "dockb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dockb", targets: ["dockb"]),
        .library(name: "DocKB", targets: ["DocKB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "DocKB",
            dependencies: [
                "CCmarkGFM", "CLibXML2", "CEditLine",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "dockb",
            dependencies: [
                "DocKB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc replaces the C library's malloc for the whole process
            // (linked before libc, its malloc is the one every library finds).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "DocKBTests",
            dependencies: ["DocKB"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
