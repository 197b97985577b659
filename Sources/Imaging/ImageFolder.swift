import Foundation

/// One entry of a folder as a file picker lists it: a sub-folder or an image file.
package struct FileEntry: Sendable, Equatable {
    package var name: String
    package var isDirectory: Bool
    package var bytes: Int
    package init(name: String, isDirectory: Bool, bytes: Int) {
        self.name = name
        self.isDirectory = isDirectory
        self.bytes = bytes
    }
}

/// A folder's sub-folders and image files, as anything that lets a person choose an image lists them.
package enum ImageFolder {
    /// The extensions read as images (the formats Darkroom decodes).
    package static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]

    /// Folders first, then images, each in the order a person sorts names ("2" before "10");
    /// hidden entries and other files left out.
    package static func list(_ path: String) throws -> [FileEntry] {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        var entries: [FileEntry] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where !name.hasPrefix(".") {
            let values = try? url.appendingPathComponent(name).resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            let isDirectory = values?.isDirectory ?? false
            guard isDirectory || imageExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            entries.append(FileEntry(name: name, isDirectory: isDirectory, bytes: values?.fileSize ?? 0))
        }
        return entries.sorted { a, b in
            a.isDirectory != b.isDirectory ? a.isDirectory : a.name.localizedStandardCompare(b.name) == .orderedAscending
        }
    }
}
