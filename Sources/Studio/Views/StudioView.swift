import Foundation
import TerminalUI

/// The whole studio as a frame: the screen on show, the status line and footer, the pop-up.
package struct StudioView: Sendable {
    package var theme: Theme
    package var keyMap: KeyMap

    package init(theme: Theme, keyMap: KeyMap) {
        self.theme = theme
        self.keyMap = keyMap
    }

    /// The frame and where the cursor goes (nil: hidden).
    package func draw(_ state: StudioState) -> (frame: Frame, cursor: (x: Int, y: Int)?) {
        var frame = Frame(width: state.columns, height: state.rows)
        guard state.columns >= GenerateLayout.minimumColumns, state.rows >= GenerateLayout.minimumRows else {
            return (Self.tooSmall(columns: state.columns, rows: state.rows), nil)
        }
        var cursor: (x: Int, y: Int)?
        switch state.screen {
        case .history:
            cursor = HistoryView(theme: theme).draw(state.history, thumbnails: state.thumbnails, context: state.context, into: &frame)
        case .generate:
            let layout = state.generate.layout(columns: state.columns, rows: state.rows)
            let zoomKey = keyMap.binding(.previewZoom)?.keys.first.map(KeyName.name)
            if layout.formShown {
                let title = layout.previewHidden ? "Generate" + (zoomKey.map { " · \($0): preview and jobs" } ?? "") : "Generate"
                cursor = FormView(theme: theme).draw(state.generate, focused: state.overlay == nil, layout: layout, title: title,
                                                     into: &frame)
            }
            let closeKey = keyMap.binding(.previewClose)?.keys.first.map(KeyName.name)
            let previewTitle = layout.zoomed ? "Preview" + (closeKey.map { " · \($0): back to the form" } ?? "") : "Preview"
            PreviewPaneView(theme: theme).draw(state, layout: layout, title: previewTitle, into: &frame)
        }
        StatusView(theme: theme, keyMap: keyMap).draw(state, into: &frame)
        if let overlay = state.overlay {
            cursor = OverlayView(theme: theme, keyMap: keyMap).draw(overlay, state: state, into: &frame)
        }
        return (frame, cursor)
    }

    /// Below the smallest usable size: what is needed and what there is, centred, wrapped to fit.
    static func tooSmall(columns: Int, rows: Int) -> Frame {
        var frame = Frame(width: columns, height: rows)
        let text = "Darkroom needs a terminal of at least \(GenerateLayout.minimumColumns)x\(GenerateLayout.minimumRows); "
            + "this one is \(columns)x\(rows). Make it larger (ctrl-q quits)."
        let editor = TextEditor(text)
        let lines = editor.wrap(width: max(1, columns)).map { String(editor.characters[$0.start..<$0.end]) }
        let top = max(0, (rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < rows {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            frame.put(trimmed, x: max(0, (columns - DisplayWidth.of(trimmed)) / 2), y: top + i, maxWidth: columns)
        }
        return frame
    }
}
