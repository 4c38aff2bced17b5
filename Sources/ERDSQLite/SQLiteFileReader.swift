import ERDInspect
import ERDSchema
import Foundation

/// Reads an SQLite database file without creating, changing or leaving anything beside it.
///
/// A WAL-mode database normally gets a `-wal` and a `-shm` file from any connection, a read-only
/// one included, and a read-only one cannot remove them again; in a folder the user may not
/// write, it cannot open the database at all. So:
/// - No `-wal` beside a WAL database means no connection has it open: there is no WAL content, and
///   the main file is the whole database. It is read with `immutable=1` (no locks, no shared
///   memory, nothing created), and checked afterwards: if a `-wal` appeared or the file changed
///   (size, modification time), a writer started meanwhile, and the read is done again the
///   ordinary way, through the WAL protocol, which keeps it consistent with that writer. This
///   keeps what `?immutable=1` alone loses (consistency under a concurrent writer) and what the
///   ordinary way loses (a clean folder, and reading from a folder one may not write).
/// - A `-wal` beside it means another connection (or one that crashed) has content there:
///   `immutable` would miss it, so the database is opened read-only the ordinary way (SQLite reads
///   a read-only `-wal` and `-shm` too). Those files are the other connection's, not ours.
/// - A rollback-journal database is opened read-only; a writer's lock is waited for up to
///   `busyTimeout`, then the read fails as unavailable (exit 69), naming the lock.
struct SQLiteFileReader {
  let path: String
  let busyTimeout: Double
  let log: Log

  func read() throws(InspectError) -> Catalog {
    let header = try InputReader.readPrefix(path, count: 100)
    guard header.starts(with: InputKind.sqliteHeader) else {
      throw .invalidInput(path, reason: "not an SQLite database (no SQLite header)")
    }
    // Bytes 18 and 19, the file format's write and read versions, are 2 in WAL mode.
    let wal = header.count >= 20 && header[18] == 2 && header[19] == 2
    guard wal, !exists(path + "-wal") else { return try read(immutable: false) }
    let before = stamp()
    let catalog = try read(immutable: true)
    if !exists(path + "-wal"), stamp() == before, before != nil { return catalog }
    log.info("sqlite: \(path) was opened by a writer while being read; reading it again through its WAL")
    return try read(immutable: false)
  }

  private func read(immutable: Bool) throws(InspectError) -> Catalog {
    let connection = try SQLiteConnection.openReadOnly(path: path, immutable: immutable, busyTimeout: busyTimeout)
    log.info("sqlite: reading \(path)\(immutable ? " (WAL mode, no other connection: immutable)" : "")")
    return try SQLiteCatalogReader(connection: connection, log: log).read()
  }

  private func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: file) }

  /// What changes when anyone writes the file.
  private struct Stamp: Equatable {
    var device, inode: UInt64
    var size: Int64
    var seconds, nanoseconds: Int
  }

  private func stamp() -> Stamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Stamp(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
  }
}
