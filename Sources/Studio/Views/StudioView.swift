import Foundation
import TerminalUI

/// The whole studio as a frame: the screen on show, the status line and footer, the pop-up.
public struct StudioView: Sendable {
    public var theme: Theme
    public var keyMap: KeyMap

    public init(theme: Theme, keyMap: KeyMap) {
        self.theme = theme
        self.keyMap = keyMap
    }

    /// The frame and where the cursor goes (nil: hidden).
    public func draw(_ state: StudioState) -> (frame: Frame, cursor: (x: Int, y: Int)?) {
        var frame = Frame(width: state.columns, height: state.rows)
        guard state.columns >= 20, state.rows >= 6 else {
            frame.put("Darkroom needs at least 20x6", x: 0, y: 0, maxWidth: state.columns)
            return (frame, nil)
        }
        var cursor: (x: Int, y: Int)?
        switch state.screen {
        case .history:
            cursor = HistoryView(theme: theme).draw(state.history, thumbnails: state.thumbnails, context: state.context, into: &frame)
        case .generate:
            let layout = GenerateLayout(columns: state.columns, rows: state.rows)
            cursor = FormView(theme: theme).draw(state.generate, focused: state.overlay == nil, layout: layout, into: &frame)
            PreviewPaneView(theme: theme).draw(state, layout: layout, into: &frame)
        }
        StatusView(theme: theme, keyMap: keyMap).draw(state, into: &frame)
        if let overlay = state.overlay {
            cursor = OverlayView(theme: theme, keyMap: keyMap).draw(overlay, state: state, into: &frame)
        }
        return (frame, cursor)
    }
}
