import Foundation

/// Paths as generated headers write them: relative to the package root, however they were typed.
///
/// `schema/execution.yaml`, `./schema/execution.yaml`, `schema/../schema/execution.yaml` and the
/// absolute path the build plugin passes all name the same file, so they must give the same header
/// (otherwise `contractgen check ./schema/execution.yaml` would call up-to-date code stale).
public struct PackagePath: Sendable, Hashable {
    /// The absolute path's components, `.` and `..` resolved; symbolic links are left as written.
    public let components: [String]

    /// `path` made absolute against `currentDirectory`, with `.` and `..` resolved lexically.
    public init(_ path: String, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var components: [String] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        self.components = components
    }

    /// The absolute path.
    public var path: String { "/" + components.joined(separator: "/") }

    /// The nearest directory above this path that holds a `Package.swift`, if any.
    public func packageRoot(isPackageRoot: (String) -> Bool = PackagePath.containsPackageManifest) -> PackagePath? {
        var root = PackagePath(components: components.dropLast())
        while !root.components.isEmpty {
            if isPackageRoot(root.path) { return root }
            root = PackagePath(components: root.components.dropLast())
        }
        return nil
    }

    /// This path relative to `base`: `.` when they are equal, nil when it is not inside `base`.
    public func relative(to base: PackagePath) -> String? {
        guard components.starts(with: base.components) else { return nil }
        let rest = components.dropFirst(base.components.count)
        return rest.isEmpty ? "." : rest.joined(separator: "/")
    }

    /// Whether `directory` holds a `Package.swift`.
    public static func containsPackageManifest(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/Package.swift")
    }

    private init(components: some Sequence<String>) {
        self.components = Array(components)
    }
}
