import Foundation
import Imaging
import Preview
import TerminalUI

/// The preview pane drawn with a pixel protocol (kitty, sixel, iTerm2) where the terminal has
/// one. The cells under it stay blank in the frame; the picture is placed after a render, again
/// whenever those cells were repainted (an overlay closed, a resize, Ctrl-L) or the selection
/// changed. Pictures are made off the UI thread and kept for the last few selections.
final class PixelPreview: @unchecked Sendable {
    struct Picture {
        var bytes: [UInt8]
        var columns: Int
        var rows: Int
    }

    let format: PixelFormat
    let renderer: PixelRenderer
    private var pictures: [ThumbnailKey: Picture] = [:]
    private var order: [ThumbnailKey] = []
    private var requested: Set<ThumbnailKey> = []
    private var placed: ThumbnailKey?
    /// The cells the placed picture covers, to be rewritten when it goes.
    private var placedArea: GenerateLayout.Rect?

    init(format: PixelFormat, renderer: PixelRenderer) {
        self.format = format
        self.renderer = renderer
    }

    func store(_ key: ThumbnailKey, _ picture: Picture) {
        pictures[key] = picture
        order.append(key)
        if order.count > 8 { pictures[order.removeFirst()] = nil }
    }

    /// Forget what is on screen (after Ctrl-L or a suspend, which rewrite every cell).
    func invalidate() {
        placed = nil
        placedArea = nil
    }

    /// Places (or takes away) the picture for the state just rendered. A picture that is no
    /// longer wanted there (a pop-up opened over it, another screen, another selection, a picture
    /// still being made) is taken away first, so no old picture shows through blank cells.
    func update(_ state: StudioState, frame: Frame, previous: Frame?, terminal: Terminal, post: @escaping @Sendable (StudioEvent) -> Void) {
        guard let (rect, path) = Self.target(state), rect.height >= 2 else {
            remove(from: terminal)
            return
        }
        let key = ThumbnailKey(path: path, columns: rect.width, rows: rect.height)
        if key == placed && !Self.changed(rect, frame, previous) { return }
        guard let picture = pictures[key] else {
            remove(from: terminal)
            request(key, post: post)
            return
        }
        let x = rect.x + max(0, (rect.width - picture.columns) / 2), y = rect.y + max(0, (rect.height - picture.rows) / 2)
        let area = GenerateLayout.Rect(x: x, y: y, width: picture.columns, height: picture.rows)
        // kitty: the delete goes in the same write as the new picture, so no blank frame shows.
        // sixel and iTerm2: the same picture in the same cells covers itself; anything else goes first.
        var out = format == .kitty ? kittyDeleteAll : ""
        if format != .kitty && (key != placed || area != placedArea) { remove(from: terminal) }
        out += "\u{1B}7\u{1B}[\(y + 1);\(x + 1)H" + String(decoding: picture.bytes, as: UTF8.self) + "\u{1B}8"
        terminal.sendControl(out)
        placed = key
        placedArea = area
    }

    /// Takes the placed picture off the terminal: kitty deletes it by command; sixel and iTerm2
    /// pictures go when the cells under them are written again.
    private func remove(from terminal: Terminal) {
        defer { invalidate() }
        guard let area = placedArea else { return }
        if format == .kitty {
            terminal.sendControl(kittyDeleteAll)
        } else {
            terminal.repaint(rows: area.y..<(area.y + area.height))
            terminal.flush()
        }
    }

    /// Deletes every kitty picture, wrapped for tmux when the pictures are.
    var kittyDeleteAll: String {
        let delete = Array(Self.kittyDeleteAllSequence.utf8)
        return String(decoding: renderer.tmuxPassthrough ? PixelRenderer.wrapForTmux(delete) : delete, as: UTF8.self)
    }

    /// Where a picture goes on the current screen, and which (see `StudioState.pixelTarget`).
    static func target(_ state: StudioState) -> (GenerateLayout.Rect, String)? { state.pixelTarget }

    static let kittyDeleteAllSequence = "\u{1B}_Ga=d,d=a\u{1B}\\"

    private func request(_ key: ThumbnailKey, post: @escaping @Sendable (StudioEvent) -> Void) {
        guard requested.insert(key).inserted else { return }
        let renderer = self.renderer, format = self.format
        Task.detached {
            guard let image = try? ImageFile.thumbnail(key.path, fitting: key.columns * renderer.cellWidth, key.rows * renderer.cellHeight)
            else { return }
            let made = renderer.render(image, format: format, columns: key.columns, rows: key.rows)
            post(.pixels(key, made.bytes, columns: made.columns, rows: made.rows))
        }
    }

    private static func changed(_ r: GenerateLayout.Rect, _ frame: Frame, _ previous: Frame?) -> Bool {
        guard let previous, previous.width == frame.width, previous.height == frame.height else { return true }
        for y in r.y..<min(frame.height, r.y + r.height) {
            for x in r.x..<min(frame.width, r.x + r.width) where frame[x, y] != previous[x, y] { return true }
        }
        return false
    }
}
