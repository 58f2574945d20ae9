// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Homecoming",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "homecoming", targets: ["homecoming"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "ExchangeModel"),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        .target(name: "Cairo", dependencies: ["CCairo"]),
        .target(name: "PNGEncoding"),
        // zlib, for the tests only: the oracle that inflates what PNGEncoding writes.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Charts"),
        // renameat2(RENAME_EXCHANGE), which Glibc does not export to Swift: the atomic swap of a published output.
        .target(name: "CRename"),
        .target(name: "ChartRendering", dependencies: ["Charts", "Cairo", "PNGEncoding"]),
        .target(
            name: "Briefings",
            dependencies: [
                "ExchangeModel", "ExchangeStore", "Charts", "ChartRendering", "CRename",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ExchangeStore",
            dependencies: [
                "ExchangeModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "homecoming",
            dependencies: [
                "ExchangeModel",
                "ExchangeStore",
                "Briefings",
                "Charts",
                "ChartRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // What every run maps of the executable itself (the weekly job's peak memory, Benchmarks/README.md):
            // relative relocations packed (DT_RELR, read by glibc since 2.36, Debian 12), 16 KiB instead of
            // 2 MiB for its 85,000 of them, ASLR kept; and only the symbols a shared library needs exported
            // (swiftc exports all of them: 860 KiB of symbol tables that the dynamic linker searches at every
            // start). gold, the default linker, cannot pack relocations; lld, which comes with the Swift
            // toolchain, can.
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic"],
                                          .when(platforms: [.linux]))]
        ),
        .testTarget(name: "ExchangeModelTests", dependencies: ["ExchangeModel", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "PNGEncodingTests", dependencies: ["PNGEncoding", "CZlib", "Cairo",
                                                           .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "ExchangeStoreTests", dependencies: ["ExchangeStore", "ExchangeModel",
                                                              .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "BriefingsTests",
            dependencies: ["Briefings", "Charts", "ChartRendering", "Cairo", "PNGEncoding", "ExchangeStore", "ExchangeModel",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Snapshots", "Fixtures"]
        ),
        // Runs the built `homecoming` executable as a user (or cron) would.
        .testTarget(name: "HomecomingCLITests", dependencies: ["ExchangeStore", "ExchangeModel"], exclude: ["Fixtures"]),
    ]
)

// Fuzzing (`make fuzz`): libFuzzer executables over the readers, the validators and the template
// checker, built only when asked (they link libFuzzer's driver), into their own build folder.
if Context.environment["HOMECOMING_FUZZ"] == "1" {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for (name, dependencies) in [("FuzzCSV", ["ExchangeStore", "ExchangeModel"]), ("FuzzJSON", ["ExchangeStore", "ExchangeModel"]),
                                 ("FuzzValidator", ["ExchangeModel"]), ("FuzzTemplates", ["Briefings"])] {
        package.targets.append(.executableTarget(name: name, dependencies: (dependencies + ["FuzzDriver"]).map { .target(name: $0) }, path: "Fuzz/\(name)"))
    }
}
