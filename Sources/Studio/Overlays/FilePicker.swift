import Foundation
import RunwareAPI
import TerminalUI

/// A folder entry in the file picker.
public struct FileEntry: Sendable, Equatable {
    public var name: String
    public var isDirectory: Bool
    public var bytes: Int
    public init(name: String, isDirectory: Bool, bytes: Int) {
        self.name = name
        self.isDirectory = isDirectory
        self.bytes = bytes
    }
}

/// The file picker for input images: folders first, images only, filter as you type, and a
/// thumbnail of the selected file.
public struct FilePicker: Sendable, Equatable {
    public var target: JSONPath
    public var folder: String
    public var entries: [FileEntry] = []
    public var filter = LineEditor()
    public var selected = 0
    public var loading = true
    public var error: String?

    public init(target: JSONPath, folder: String) {
        self.target = target
        self.folder = folder
    }

    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]
    /// The target when the picker opens an image to load its parameters rather than filling a field.
    public static let openImageTarget: JSONPath = "ui.openImage"

    public var visible: [FileEntry] {
        let words = filter.text.lowercased().split(separator: " ")
        let shown = entries.filter { e in words.allSatisfy { e.name.lowercased().contains($0) } }
        return [FileEntry(name: "..", isDirectory: true, bytes: 0)] + shown
    }

    public var selection: FileEntry? {
        let v = visible
        return v.indices.contains(selected) ? v[selected] : nil
    }

    public var selectedPath: String? {
        guard let e = selection, !e.isDirectory else { return nil }
        return (folder as NSString).appendingPathComponent(e.name)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept):
            guard let entry = selection else { return .stay(.files(self)) }
            if entry.isDirectory {
                return open(entry.name == ".." ? (folder as NSString).deletingLastPathComponent
                            : (folder as NSString).appendingPathComponent(entry.name))
            }
            let path = (folder as NSString).appendingPathComponent(entry.name)
            let chosen: Command = target == Self.openImageTarget ? .effect(.readImage(path)) : .generate(.setField(target, path))
            return .close([.rememberFolder(folder), chosen])
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            selected = max(0, min(visible.count - 1, selected + ListStep.delta(action, page: context.listPage)))
        case .action(.editDeleteBackward) where filter.text.isEmpty:
            return open((folder as NSString).deletingLastPathComponent)
        default:
            if filter.take(input) { selected = min(1, visible.count - 1) }
        }
        return .stay(.files(self))
    }

    private func open(_ next: String) -> OverlayOutcome {
        let picker = FilePicker(target: target, folder: next.isEmpty ? "/" : next)
        return .stay(.files(picker), [.effect(.listFolder(picker.folder))])
    }

    /// A folder's entries arrived; those for another folder are dropped.
    mutating func receive(folder path: String, entries: [FileEntry], error: String?) {
        guard path == folder else { return }
        self.entries = entries
        self.error = error
        loading = false
        selected = entries.isEmpty ? 0 : 1
    }
}
