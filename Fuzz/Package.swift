// swift-tools-version: 6.0
// libFuzzer targets for erdviz, one executable each; `make fuzz` builds them with
// `--sanitize fuzzer --sanitize address` and runs each on a seed corpus. What a target does with
// an input lives in the main package's ERDFuzzTargets, so the regression tests run the same code.
import PackageDescription

let targets = ["tolerant-ddl", "postgres-ddl", "sqlite-ddl", "json-catalog", "escapers"]

let package = Package(
  name: "erdviz-fuzz",
  dependencies: [.package(name: "erdviz", path: "..")],
  targets: targets.map { name in
    .executableTarget(
      name: "fuzz-\(name)", dependencies: [.product(name: "ERDFuzzTargets", package: "erdviz")],
      path: "Sources/fuzz-\(name)", swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  },
  swiftLanguageModes: [.v6]
)
