import Foundation
import TerminalUI

/// The whole Generate screen as a frame: form, preview pane, status line, footer, overlay.
public struct GenerateView: Sendable {
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
        let layout = GenerateLayout(columns: state.columns, rows: state.rows)
        var cursor: (x: Int, y: Int)?
        if state.screen == .history {
            cursor = HistoryView(theme: theme).draw(state, into: &frame)
        } else {
            cursor = FormView(theme: theme).draw(state, layout: layout, into: &frame)
            PreviewPaneView(theme: theme).draw(state, layout: layout, into: &frame)
        }
        StatusView(theme: theme, keyMap: keyMap).draw(state, layout: layout, into: &frame)
        if let overlay = state.overlay {
            cursor = OverlayView(theme: theme, keyMap: keyMap).draw(overlay, state: state, into: &frame)
        }
        return (frame, cursor)
    }
}
