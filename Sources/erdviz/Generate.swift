import ArgumentParser
import ERDInspect
import ERDViz
import Foundation

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write every diagram of erdviz.yml, as a docs build does.", discussion: HelpText.generate)

  @Option(name: .shortAndLong, help: ArgumentHelp("The config file.", valueName: "FILE"))
  var config = ConfigFile.defaultName

  @Flag(help: "Write nothing: compare every output with the file on disk; exit 1 naming the stale ones.")
  var check = false

  @Flag(name: .shortAndLong, help: "Report progress and decisions on stderr.")
  var verbose = false

  func run() throws {
    try reportingFailures { () throws(RunError) in
      // Paths in the file, and `exec:` programs, are relative to the file's folder: run there.
      let folder = (config as NSString).deletingLastPathComponent
      if !folder.isEmpty, !FileManager.default.changeCurrentDirectoryPath(folder) {
        throw .usage("cannot enter the config file's folder \(folder)")
      }
      let name = (config as NSString).lastPathComponent
      let file: ConfigFile
      do throws(ConfigError) {
        file = try ConfigFile.load(name, environment: ProcessInfo.processInfo.environment)
      } catch {
        throw .config(error)
      }
      let log = Log.standardError(verbose: verbose)
      let delivery: Delivery = check ? .compare : .write
      let requests = file.diagrams.map { $0.request(delivery: delivery, log: log) }
      try report(Pipeline.run(requests, delivery: delivery, log: log, makingFolders: true))
    }
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a commented starter erdviz.yml for the current folder (never over an existing one).")

  func run() throws {
    try reportingFailures { () throws(RunError) in
      let path = ConfigFile.defaultName
      guard !FileManager.default.fileExists(atPath: path) else {
        throw .usage("\(path) already exists; erdviz init does not overwrite it")
      }
      let text = ConfigStarter.text(
        folder: FileManager.default.currentDirectoryPath, environment: ProcessInfo.processInfo.environment)
      do throws(OutputError) { try ConfigStarter.write(text, to: path) } catch { throw .output(error) }
      StandardStreams.writeDiagnostic("erdviz: wrote \(path); edit it, then run erdviz generate")
    }
  }
}
