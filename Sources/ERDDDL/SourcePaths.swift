import Foundation

/// Makes the paths in provider positions the same on every machine: a provider prints absolute
/// paths (its checkout, its virtualenv), which would make two copies of a project write
/// different diagrams.
///
/// An installed package's file is written from its package root (`…/site-packages/django/contrib/
/// auth/models.py` → `django/contrib/auth/models.py`); a project's own file from the project's
/// root, the nearest folder above it holding `manage.py`, `pyproject.toml`, `setup.py`,
/// `setup.cfg` or `.git` (→ `shop/models.py`), else from the working folder, else from the folder
/// all such files share.
struct SourcePaths {
  private static let packageRoots = ["/site-packages/", "/dist-packages/"]
  private static let projectMarkers = ["manage.py", "pyproject.toml", "setup.py", "setup.cfg", ".git"]

  let workingDirectory: String?
  /// The folder the project's files share when nothing else tells where the project starts.
  private let sharedFolder: String?

  init(_ paths: [String], workingDirectory: String?) {
    self.workingDirectory = workingDirectory
    let own = paths.filter { $0.hasPrefix("/") && Self.packageRelative($0) == nil }
    sharedFolder = Self.commonFolder(own)
  }

  func relative(_ path: String) -> String {
    guard path.hasPrefix("/") else { return path }
    if let packaged = Self.packageRelative(path) { return packaged }
    if let root = Self.projectRoot(of: path), let rest = Self.strip(root, from: path) { return rest }
    if let cwd = workingDirectory, let rest = Self.strip(cwd, from: path) { return rest }
    if let shared = sharedFolder, let rest = Self.strip(shared, from: path), rest.contains("/") { return rest }
    return path.split(separator: "/").suffix(2).joined(separator: "/")
  }

  static func packageRelative(_ path: String) -> String? {
    let cut = packageRoots.compactMap { path.range(of: $0, options: .backwards) }.max { $0.upperBound < $1.upperBound }
    guard let cut else { return nil }
    let rest = String(path[cut.upperBound...])
    return rest.isEmpty ? nil : rest
  }

  /// The nearest folder above the file that holds a project marker, when the file is on this machine.
  static func projectRoot(of path: String) -> String? {
    var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    while folder.path != "/" {
      if projectMarkers.contains(where: {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
      }) {
        return folder.path
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  private static func strip(_ folder: String, from path: String) -> String? {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    return path.hasPrefix(prefix) && path.count > prefix.count ? String(path.dropFirst(prefix.count)) : nil
  }

  /// The parent of the deepest folder all paths share, so that an app's own folder stays in its paths.
  private static func commonFolder(_ paths: [String]) -> String? {
    let folders = paths.map { $0.split(separator: "/").dropLast() }
    guard var common = folders.first else { return nil }
    for folder in folders.dropFirst() {
      common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))[...]
    }
    let kept = Set(folders.map { Array($0) }).count > 1 ? common : common.dropLast()
    return "/" + kept.joined(separator: "/")
  }
}
