// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "erdviz",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "erdviz", targets: ["erdviz"]),
    .library(name: "ERDViz", targets: ["ERDViz"]),
    // For the fuzzers in Fuzz/, a package of their own (built with -sanitize=fuzzer,address).
    .library(name: "ERDFuzzTargets", targets: ["ERDFuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // System libraries, each imported by exactly one module.
    .systemLibrary(
      name: "CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    .systemLibrary(
      name: "CLibPQ", pkgConfig: "libpq",
      providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
    .systemLibrary(
      name: "CMariaDB", pkgConfig: "libmariadb",
      providers: [.apt(["libmariadb-dev"]), .brew(["mariadb-connector-c"])]),
    // libpg_query ships no .pc file: the modulemap links it by name.
    .systemLibrary(name: "CPgQuery", providers: [.apt(["libpg-query-dev"]), .brew(["libpg_query"])]),

    // The pipeline, one stage per module.
    .target(name: "ERDSchema"),
    .target(name: "ERDInspect", dependencies: ["ERDSchema"]),
    .target(name: "ERDSQLite", dependencies: ["ERDInspect", "CSQLite"]),
    .target(name: "ERDDDL", dependencies: ["ERDInspect", "ERDSQLite", "ERDSchema", "CPgQuery"]),
    .target(name: "ERDPostgres", dependencies: ["ERDInspect", "CLibPQ"]),
    .target(name: "ERDMySQL", dependencies: ["ERDInspect", "CMariaDB"]),
    .target(name: "ERDGraph", dependencies: ["ERDSchema"]),
    .target(name: "ERDGraphviz", dependencies: ["CGraphviz"]),
    .target(name: "ERDRender", dependencies: ["ERDGraph", "ERDGraphviz", "CZlib"]),
    // `erdviz lint`: review rules over a catalog (inference shared with ERDGraph).
    .target(name: "ERDLint", dependencies: ["ERDSchema", "ERDGraph"]),
    .target(
      name: "ERDViz",
      dependencies: [
        "ERDSchema", "ERDInspect", "ERDSQLite", "ERDPostgres", "ERDMySQL", "ERDDDL", "ERDGraph", "ERDRender",
        "ERDLint",
        .product(name: "Yams", package: "Yams"),
      ]),
    .executableTarget(
      name: "erdviz",
      dependencies: ["ERDViz", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // What each fuzz target does with an input (`make fuzz`; the regression tests run it too).
    .target(name: "ERDFuzzTargets", dependencies: ["ERDDDL", "ERDGraph", "ERDRender", "ERDInspect", "ERDSchema"]),

    // `make bench-ddl`: DDL reading against libpg_query's raw parse, on generated schemas.
    .executableTarget(name: "ddl-bench", dependencies: ["ERDDDL", "ERDInspect"], path: "Benchmarks/DDLBench"),

    // Tests use the real libraries; ERDTestSupport holds fixtures, golden files and tool runners.
    .target(
      name: "ERDTestSupport", dependencies: ["ERDSchema", "ERDInspect", "CSQLite"], path: "Tests/ERDTestSupport"),
    .testTarget(
      name: "ERDSchemaTests", dependencies: ["ERDSchema", "ERDSQLite", "ERDTestSupport"], exclude: ["__Golden__"]),
    .testTarget(name: "ERDSQLiteTests", dependencies: ["ERDSQLite", "ERDTestSupport"]),
    .testTarget(
      name: "ERDPostgresTests", dependencies: ["ERDPostgres", "ERDViz", "ERDTestSupport"], exclude: ["__Golden__"]),
    .testTarget(
      name: "ERDDDLTests", dependencies: ["ERDDDL", "ERDSQLite", "ERDGraph", "ERDRender", "ERDViz", "ERDTestSupport"],
      exclude: ["__Golden__"]),
    .testTarget(name: "ERDGraphTests", dependencies: ["ERDGraph", "ERDSQLite", "ERDTestSupport"]),
    .testTarget(
      name: "ERDRenderTests",
      dependencies: ["ERDRender", "ERDSQLite", "ERDGraphviz", "ERDTestSupport"], exclude: ["__Golden__"]),
    .testTarget(name: "ERDMySQLTests", dependencies: ["ERDMySQL", "ERDDDL", "ERDViz", "ERDTestSupport"]),
    .testTarget(
      name: "ERDLintTests",
      dependencies: ["ERDLint", "ERDGraph", "ERDRender", "ERDViz", "ERDInspect", "ERDSchema", "ERDTestSupport"]),
    .testTarget(name: "ERDFuzzTests", dependencies: ["ERDFuzzTargets", "ERDTestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["erdviz", "ERDTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
