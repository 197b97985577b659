import Foundation
import Preview
import TerminalUI

/// The model picker: the query, the results (AIR, name, architecture, source), the selected one's
/// description, capabilities and trigger words, and the search's state.
struct ModelPickerView {
    var theme: Theme

    func draw(_ picker: ModelPicker, layout: OverlayLayout, into frame: inout Frame) -> (x: Int, y: Int) {
        let r = layout.centered(width: 96, height: layout.rows - 4)
        let scope = picker.kind == .ipAdapter ? "listed by the model's page" : "modelSearch" + (picker.architecture.map { ", \($0)" } ?? "")
        frame.popUp(r, title: "Search \(picker.kind.title) (\(scope))", theme: theme)
        frame.put("search:", x: r.x + 1, y: r.y + 1, style: theme.style("field.label"))
        let c = picker.query.draw(into: &frame, x: r.x + 9, y: r.y + 1, width: r.width - 10, style: theme.style("field.value"),
                                  selectionStyle: theme.style("selection"))
        let height = r.height - 6
        let first = max(0, picker.selected - height + 1)
        for (row, entry) in picker.results.dropFirst(first).prefix(height).enumerated() {
            let selected = first + row == picker.selected
            let style = theme.style(selected ? "selection" : "field.value")
            if selected { frame.fill(x: r.x + 1, y: r.y + 2 + row, width: r.width - 2, height: 1, style: style) }
            let used = frame.putClipped(SafeText.line(entry.air), x: r.x + 2, y: r.y + 2 + row, style: style, maxWidth: 26)
            let marks = [entry.architecture, entry.source, entry.isFavorite == true ? "favourite" : nil].compactMap { $0 }
            let text = entry.name + (marks.isEmpty ? "" : "  [" + marks.joined(separator: ", ") + "]")
            frame.putClipped(SafeText.line(text), x: r.x + 2 + max(used, 24) + 1, y: r.y + 2 + row, style: style, maxWidth: r.width - 30)
        }
        if picker.results.indices.contains(picker.selected) {
            let e = picker.results[picker.selected]
            let about = [e.shortDescription, e.capabilities.flatMap { $0.isEmpty ? nil : "does: " + $0.joined(separator: ", ") }]
                .compactMap { $0 }.joined(separator: "  ·  ")
            let triggers = [e.positiveTriggerWords.map { "trigger words: " + $0 }, e.negativeTriggerWords.map { "avoid: " + $0 }]
                .compactMap { $0 }.joined(separator: "  ·  ")
            frame.putClipped(SafeText.line(about), x: r.x + 1, y: r.y + r.height - 4, style: theme.style("hint"), maxWidth: r.width - 2)
            frame.putClipped(SafeText.line(triggers), x: r.x + 1, y: r.y + r.height - 3, style: theme.style("hint"), maxWidth: r.width - 2)
        }
        let status: String
        if let error = picker.error { status = error } else if picker.searching { status = "searching…" } else {
            status = "\(picker.results.count) found  Enter: choose (or type an AIR)  Esc: close"
        }
        frame.putClipped(status, x: r.x + 1, y: r.y + r.height - 2, style: theme.style(picker.error == nil ? "hint" : "field.error"),
                         maxWidth: r.width - 2)
        return (c, r.y + 1)
    }
}

/// The file picker: the folder, the filter, the entries and the selected image's thumbnail.
struct FilePickerView {
    var theme: Theme

    func draw(_ picker: FilePicker, layout: OverlayLayout, thumbnails: [ThumbnailKey: CellGrid], homeFolder: String? = nil,
              imagesKey: String? = "f2", into frame: inout Frame) -> (x: Int, y: Int) {
        let r = layout.filePicker
        let title = picker.target == FilePicker.openImageTarget ? "Open an image with generation parameters" : "Image for \(FieldNames.name(of: picker.target.description))"
        frame.popUp(r, title: title, theme: theme)
        frame.putClipped(picker.folder, x: r.x + 1, y: r.y + 1, style: theme.style("field.label"), maxWidth: r.width - 2)
        frame.put("filter:", x: r.x + 1, y: r.y + 2, style: theme.style("field.label"))
        let listWidth = r.width - layout.filePickerThumbnailWidth - 3
        let c = picker.filter.draw(into: &frame, x: r.x + 9, y: r.y + 2, width: max(1, listWidth - 9),
                                   style: theme.style("field.value"), selectionStyle: theme.style("selection"))
        let height = r.height - 5
        let visible = picker.visible
        let first = max(0, picker.selected - height + 1)
        for (row, entry) in visible.dropFirst(first).prefix(height).enumerated() {
            let selected = first + row == picker.selected
            let style = theme.style(selected ? "selection" : entry.isDirectory ? "field.label" : "field.value")
            if selected { frame.fill(x: r.x + 1, y: r.y + 3 + row, width: listWidth, height: 1, style: style) }
            let name = entry.isDirectory ? entry.name + "/" : entry.name
            frame.putClipped(name, x: r.x + 2, y: r.y + 3 + row, style: style, maxWidth: listWidth - 2)
        }
        let box = layout.filePickerThumbnail
        if let path = picker.selectedPath {
            if let grid = thumbnails[ThumbnailKey(path: path, columns: box.width, rows: box.height)] {
                frame.place(grid, x: box.x, y: box.y)
            } else {
                frame.put("loading…", x: box.x, y: box.y, style: theme.style("hint"))
            }
        }
        if picker.typesPath {
            let path = picker.typedPath(home: homeFolder)
            let isImage = FilePicker.imageExtensions.contains((path as NSString).pathExtension.lowercased())
            frame.putClipped("Enter: \(isImage ? "choose" : "open") \(path)", x: r.x + 2, y: r.y + 3, style: theme.style("hint"),
                             maxWidth: listWidth - 2)
        }
        let matches = picker.filter.text.isEmpty ? max(0, visible.count - 1) : visible.count
        let status = picker.error ?? (picker.loading ? "reading the folder…"
            : "\(matches) \(picker.filter.text.isEmpty ? "entries" : "matches")  Enter: open/choose  Backspace: up  "
              + (imagesKey.map { "\($0): images folder  " } ?? "") + "Esc: close")
        frame.putClipped(status, x: r.x + 1, y: r.y + r.height - 2, style: theme.style(picker.error == nil ? "hint" : "field.error"),
                         maxWidth: r.width - 2)
        return (c, r.y + 2)
    }
}
