import Foundation
import JXLoad
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files to check under the given paths.
///
/// - A path named on the command line is taken whatever its extension, and followed when it is a
///   symbolic link (to a file or a folder).
/// - Folders are walked recursively for report files (by extension), in name order, hidden
///   entries skipped. Symbolic links inside a folder are not followed (as ripgrep and ruff do not:
///   a link may lead out of the folder), unless `followLinks`; then a link back into a folder the
///   walk is inside is a loop, reported once and not followed, while two links to one folder are
///   both walked.
/// - Only regular files are read: a FIFO, a socket or a device is reported with an error and never
///   opened; so is a broken link (named, or followed, or inside a folder with a report's extension).
public enum FileDiscovery {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "docx", "xlsx", "xlsm", "pdf"]

    public struct Entry: Sendable, Hashable {
        public var path: String
        /// A problem with the path itself (missing, a broken link, a loop, not a regular file): the
        /// file is reported with it and not read.
        public var error: String?
        /// The file's size in bytes when it was found (nil when not known): its time budget is
        /// reckoned from it without a second stat per file.
        public var size: Int?

        public init(path: String, error: String? = nil, size: Int? = nil) {
            self.path = path
            self.error = error
            self.size = size
        }
    }

    public static func expand(_ paths: [String]) -> [Entry] {
        var notes = [String]()
        return expand(paths, followLinks: false, notes: &notes)
    }

    /// `notes`: remarks for standard error (links left out of a walk).
    public static func expand(_ paths: [String], followLinks: Bool, notes: inout [String]) -> [Entry] {
        var out = [Entry]()
        for path in paths {
            if path == "-" {
                out.append(Entry(path: "-"))
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                out.append(Entry(path: path, error: "no such file or directory"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // named on the command line: followed
                guard stat(path, &info) == 0 else {
                    out.append(Entry(path: path, error: brokenLink(path)))
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                var walk = Walk(followLinks: followLinks)
                walk.directory(path, display: path, ancestors: [Identity(info)])
                out += walk.entries
                if walk.skippedLinks > 0 {
                    notes.append("\(walk.skippedLinks) symbolic link\(walk.skippedLinks == 1 ? "" : "s") under \(path) not followed (--follow-links follows them)")
                }
            case S_IFREG:
                out.append(Entry(path: path, size: Int(info.st_size)))
            default:
                out.append(Entry(path: path, error: notRegular(info.st_mode)))
            }
        }
        return out
    }

    /// `(dir as NSString).appendingPathComponent(name)` for a plain name, without bridging (asked
    /// for every file of a walk).
    static func join(_ dir: String, _ name: String) -> String {
        if dir.isEmpty { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// A directory by device and inode: the same folder whatever the path to it.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    struct Walk {
        let followLinks: Bool
        var entries = [Entry]()
        var skippedLinks = 0

        mutating func directory(_ dir: String, display: String, ancestors: [Identity]) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                entries.append(Entry(path: display, error: "cannot read the directory"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = FileDiscovery.join(dir, name)
                let shown = FileDiscovery.join(display, name)
                let isReport = FileDiscovery.extensions.contains(DocumentLoader.pathExtension(name).lowercased())
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }  // gone since the listing
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    var target = stat()
                    let resolves = stat(full, &target) == 0
                    if !followLinks {
                        // a broken link named like a report is reported; any other link is left out
                        if !resolves && isReport { entries.append(Entry(path: shown, error: FileDiscovery.brokenLink(full))) } else { skippedLinks += 1 }
                        continue
                    }
                    guard resolves else {
                        // followed links are reported when broken, whatever their name: a folder
                        // or a report may have been meant
                        entries.append(Entry(path: shown, error: FileDiscovery.brokenLink(full)))
                        continue
                    }
                    info = target
                    if (info.st_mode & S_IFMT) == S_IFDIR, ancestors.contains(Identity(info)) {
                        // a link back into a folder the walk is inside: a loop, reported once (here)
                        let real = realPath(full) ?? full
                        entries.append(Entry(path: shown, error: "directory loop: the link leads back to \(real), which is being walked; not followed"))
                        continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    let identity = Identity(info)
                    // (a real folder inside itself happens only with bind mounts)
                    guard !ancestors.contains(identity) else {
                        entries.append(Entry(path: shown, error: "directory loop: \(realPath(full) ?? full) is being walked; not entered again"))
                        continue
                    }
                    directory(full, display: shown, ancestors: ancestors + [identity])
                case S_IFREG:
                    if isReport { entries.append(Entry(path: shown, size: Int(info.st_size))) }
                default:
                    // a FIFO, socket or device is never opened (reading a FIFO would block)
                    if isReport { entries.append(Entry(path: shown, error: FileDiscovery.notRegular(info.st_mode))) }
                }
            }
        }
    }

    static func brokenLink(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        let target = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        return "a broken symbolic link (its target \(target) does not exist)"
    }

    static func notRegular(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "not a regular file: a FIFO (named pipe); jxlint reads only regular files"
        case S_IFSOCK: return "not a regular file: a socket; jxlint reads only regular files"
        case S_IFCHR, S_IFBLK: return "not a regular file: a device; jxlint reads only regular files"
        default: return "not a regular file; jxlint reads only regular files"
        }
    }
}

func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return (info.st_mode & S_IFMT) == S_IFREG
}
