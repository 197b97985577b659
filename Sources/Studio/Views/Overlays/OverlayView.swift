import Foundation
import Preview
import TerminalUI

/// Draws the open pop-up with its own view; returns where the cursor goes.
struct OverlayView {
    var theme: Theme
    var keyMap: KeyMap

    func draw(_ overlay: Overlay, state: StudioState, into frame: inout Frame) -> (x: Int, y: Int)? {
        let layout = OverlayLayout(columns: state.columns, rows: state.rows)
        switch overlay {
        case .help(let help):
            HelpView(theme: theme, keyMap: keyMap).draw(help, state: state, layout: layout, into: &frame)
            return nil
        case .message(let message):
            MessageView(theme: theme).draw(message, state: state, layout: layout, into: &frame)
            return nil
        case .confirm(let confirmation):
            ConfirmView(theme: theme).draw(confirmation, layout: layout, into: &frame)
            return nil
        case .input(let prompt):
            return InputView(theme: theme).draw(prompt, layout: layout, into: &frame)
        case .choice(let picker):
            return ChoiceView(theme: theme).draw(picker, layout: layout, into: &frame)
        case .models(let picker):
            return ModelPickerView(theme: theme).draw(picker, layout: layout, into: &frame)
        case .files(let picker):
            return FilePickerView(theme: theme).draw(picker, layout: layout, thumbnails: state.thumbnails, homeFolder: state.homeFolder,
                                                     imagesKey: keyMap.binding(.filesImagesFolder)?.keys.first.map(KeyName.name),
                                                     into: &frame)
        case .promptSearch(let search):
            return PromptSearchView(theme: theme).draw(search, layout: layout, into: &frame)
        }
    }
}

/// A box with a title, its inside cleared.
extension Frame {
    mutating func popUp(_ r: GenerateLayout.Rect, title: String, theme: Theme) {
        box(r, style: theme.style("border.focused"), title: title, titleStyle: theme.style("title"))
        fill(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2, style: .plain)
    }
}
