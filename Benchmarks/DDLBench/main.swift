import ERDDDL
import ERDInspect
import Foundation

/// Times erdviz's DDL reading on a generated 5,000-table schema in each dialect, against the raw
/// `pg_query_parse` of the same PostgreSQL text (the floor of that path), in one run.
///
///     ddl-bench [--tables N] [--runs N] [--out DIR] [--pg-bench PROGRAM] [--dialects a,b]
///
/// `scripts/bench-ddl` (`make bench-ddl`) builds everything and runs it. Times are the best of
/// the runs; nothing is asserted.
struct Options {
  var tables = 5000
  var runs = 5
  var out = ".build/bench"
  var pgBench: String?
  var dialects = [Dialect.postgresql, .mysql, .sqlite, .mssql]
  /// Only write the generated PostgreSQL schema to this file (for the end-to-end runs).
  var writeOnly: String?

  init(_ arguments: [String]) {
    var i = 0
    while i + 1 < arguments.count {
      switch arguments[i] {
      case "--tables": tables = Int(arguments[i + 1]) ?? tables
      case "--runs": runs = max(1, Int(arguments[i + 1]) ?? runs)
      case "--out": out = arguments[i + 1]
      case "--pg-bench": pgBench = arguments[i + 1]
      case "--write-only": writeOnly = arguments[i + 1]
      case "--dialects": dialects = arguments[i + 1].split(separator: ",").compactMap { Dialect(name: String($0)) }
      default: break
      }
      i += 2
    }
  }
}

func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var fastest = Double.infinity
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return fastest
}

/// `pg_query_parse` and `pg_query_parse_protobuf` of the file, timed by the C program.
func rawPgTimes(_ program: String, file: String, runs: Int) -> [String: Double] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = [file, String(runs)]
  let pipe = Pipe()
  process.standardOutput = pipe
  guard (try? process.run()) != nil else { return [:] }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  var times: [String: Double] = [:]
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let parts = line.split(separator: " ")
    if parts.count >= 2, let seconds = Double(parts[1]) { times[String(parts[0])] = seconds }
  }
  return times
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if let path = options.writeOnly {
  try Data(BenchSchema(dialect: .postgresql, tables: options.tables).text.utf8).write(to: URL(fileURLWithPath: path))
  exit(0)
}
try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
print("erdviz DDL reading, \(options.tables) tables per dialect, best of \(options.runs) runs")
print("dialect      size      read      MB/s  tables  FKs")
var pgRead: Double?
var pgFile = ""
for dialect in options.dialects {
  let text = BenchSchema(dialect: dialect, tables: options.tables).text
  let bytes = Array(text.utf8)
  let file = "\(options.out)/bench-\(dialect.rawValue).sql"
  try Data(bytes).write(to: URL(fileURLWithPath: file))
  var tables = 0
  var keys = 0
  let inspector = DDLInspector(bytes: bytes, label: file)
  let seconds = try best(of: options.runs) {
    let catalog = try inspector.inspect(InspectOptions(dialect: dialect))
    tables = catalog.allTables.count
    keys = catalog.allTables.reduce(0) { $0 + $1.table.foreignKeys.count }
  }
  let megabytes = Double(bytes.count) / 1_000_000
  print(
    dialect.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
      + String(format: "%5.2f MB  %6.3f s  %5.1f  %6d  %4d", megabytes, seconds, megabytes / seconds, tables, keys))
  if dialect == .postgresql {
    pgRead = seconds
    pgFile = file
  }
}
if let program = options.pgBench, let pgRead {
  let raw = rawPgTimes(program, file: pgFile, runs: options.runs)
  if let json = raw["pg_query_parse"] {
    print(
      String(
        format: "raw pg_query_parse of the same text: %.3f s; erdviz's PostgreSQL read is %.2f× that", json,
        pgRead / json))
  }
  if let protobuf = raw["pg_query_parse_protobuf"] {
    print(
      String(
        format: "(pg_query_parse_protobuf alone: %.3f s, %.2f× pg_query_parse)", protobuf,
        protobuf / (raw["pg_query_parse"] ?? protobuf)))
  }
}
