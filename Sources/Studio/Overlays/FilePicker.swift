import Foundation
import Imaging
import RunwareAPI
import TerminalUI

/// The file picker for input images: folders first, images only, filter as you type (names
/// that start with the filter first), a typed path (`/…`, `~/…`, `sub/folder`) opened or chosen
/// with Enter, a key to the images folder, and a thumbnail of the selected file.
package struct FilePicker: Sendable, Equatable {
    package var target: JSONPath
    package var folder: String
    package var entries: [FileEntry] = []
    package var filter = LineEditor()
    package var selected = 0
    package var loading = true
    package var error: String?

    package init(target: JSONPath, folder: String) {
        self.target = target
        self.folder = folder
    }

    package static let imageExtensions = ImageFolder.imageExtensions
    /// The target when the picker opens an image to load its parameters rather than filling a field.
    package static let openImageTarget: JSONPath = "ui.openImage"

    /// The entries shown: with no filter `..` first, then every entry; with a filter the
    /// matches only, names that start with it before names that contain it (so Enter takes the
    /// best match); nothing while a path is typed.
    package var visible: [FileEntry] {
        let text = filter.text.lowercased()
        guard !text.isEmpty else { return [FileEntry(name: "..", isDirectory: true, bytes: 0)] + entries }
        guard !typesPath else { return [] }
        let words = text.split(separator: " ")
        let shown = entries.filter { e in words.allSatisfy { e.name.lowercased().contains($0) } }
        let first = words.first.map(String.init) ?? ""
        return shown.filter { $0.name.lowercased().hasPrefix(first) } + shown.filter { !$0.name.lowercased().hasPrefix(first) }
    }

    /// The filter holds a path rather than words: it has a `/` or starts with `~`.
    package var typesPath: Bool { filter.text.contains("/") || filter.text.hasPrefix("~") }

    /// The typed path made absolute: `~` is the home folder, a relative path is under the folder on show.
    package func typedPath(home: String?) -> String {
        var text = filter.text.trimmingCharacters(in: .whitespaces)
        if text == "~" || text.hasPrefix("~/"), let home { text = home + text.dropFirst() }
        let absolute = text.hasPrefix("/") ? text : (folder as NSString).appendingPathComponent(text)
        return (absolute as NSString).standardizingPath
    }

    package var selection: FileEntry? {
        let v = visible
        return v.indices.contains(selected) ? v[selected] : nil
    }

    package var selectedPath: String? {
        guard let e = selection, !e.isDirectory else { return nil }
        return (folder as NSString).appendingPathComponent(e.name)
    }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        switch input {
        case .action(.dialogCancel): return .close()
        case .action(.dialogAccept) where typesPath:
            let path = typedPath(home: context.homeFolder)
            guard Self.imageExtensions.contains((path as NSString).pathExtension.lowercased()) else { return open(path) }
            return choose(path)
        case .action(.filesImagesFolder):
            guard let images = context.imagesFolder else { return .stay(.files(self)) }
            return open(images)
        case .action(.dialogAccept):
            guard let entry = selection else { return .stay(.files(self)) }
            if entry.isDirectory {
                return open(entry.name == ".." ? (folder as NSString).deletingLastPathComponent
                            : (folder as NSString).appendingPathComponent(entry.name))
            }
            return choose((folder as NSString).appendingPathComponent(entry.name))
        case .action(let action) where ListStep.delta(action, page: context.listPage) != 0:
            selected = max(0, min(visible.count - 1, selected + ListStep.delta(action, page: context.listPage)))
        case .action(.editDeleteBackward) where filter.text.isEmpty:
            return open((folder as NSString).deletingLastPathComponent)
        default:
            // The best match is selected as the filter changes; `..` only when nothing is typed.
            if filter.take(input) { selected = filter.text.isEmpty ? min(1, visible.count - 1) : 0 }
        }
        return .stay(.files(self))
    }

    /// An image chosen: into the field, or opened with its parameters.
    private func choose(_ path: String) -> OverlayOutcome {
        let chosen: Command = target == Self.openImageTarget ? .effect(.generate(.readImage(path))) : .generate(.setField(target, path))
        return .close([.rememberFolder((path as NSString).deletingLastPathComponent), chosen])
    }

    private func open(_ next: String) -> OverlayOutcome {
        let picker = FilePicker(target: target, folder: next.isEmpty ? "/" : next)
        return .stay(.files(picker), [.effect(.picker(.listFolder(picker.folder)))])
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
