import BlockingWork
import Foundation
import Imaging
import TerminalUI

/// A picture placed with a pixel protocol (kitty, sixel, iTerm2) over cells a frame leaves blank
/// (the studio's preview, a History picture): placed after a render, again whenever those cells
/// were repainted (an overlay closed, a resize, Ctrl-L) or the file changed. Pictures are made on
/// the bounded worker, newest first, and kept for the last few files; the control sequences
/// around them are TerminalUI's `ControlSequences`.
///
/// A picture that is no longer wanted is taken off the terminal at once: sixel, iTerm2 and kitty
/// placeholders by rewriting the cells under it, kitty's direct placements by command. kitty
/// pictures go once, under an id of their own, and are placed again by that id (or by writing
/// their placeholder text again); their ids are freed when they leave the cache and when the
/// studio ends.
package final class PictureLayer: @unchecked Sendable {
    /// A picture made for the terminal: its bytes and the cells it covers.
    package struct Picture: Sendable, Equatable {
        package var bytes: [UInt8]
        package var columns: Int
        package var rows: Int
        package init(bytes: [UInt8], columns: Int, rows: Int) {
            self.bytes = bytes
            self.columns = columns
            self.rows = rows
        }
    }

    /// Cells on the screen, from the top-left, 0-based.
    package struct Area: Sendable, Equatable {
        package var x, y, width, height: Int
        package init(x: Int, y: Int, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    package let format: PixelFormat
    package private(set) var renderer: PixelRenderer
    private var pictures: [ThumbnailKey: Picture] = [:]
    private var order: [ThumbnailKey] = []
    private var requested: Set<ThumbnailKey> = []
    private var placed: ThumbnailKey?
    /// The cells the placed picture covers, to be rewritten when it goes.
    private var placedArea: Area?
    /// kitty: each picture's id, those kitty already holds, and ids to free at the next write.
    private var kittyIDs: [ThumbnailKey: UInt32] = [:]
    private var kittySent: Set<UInt32> = []
    private var kittyToFree: [UInt32] = []
    private var nextKittyID: UInt32

    /// `firstKittyID`: where this process's ids start, far from other programs' (which count
    /// from 1) and from another studio's in the same kitty window.
    package init(format: PixelFormat, renderer: PixelRenderer, firstKittyID: UInt32 = UInt32.random(in: 0x10_0000...0xE0_0000)) {
        self.format = format
        self.renderer = renderer
        nextKittyID = firstKittyID
    }

    /// The cell size pictures are made for now.
    package var cell: CellPixels { CellPixels(width: renderer.cellWidth, height: renderer.cellHeight) }

    /// A picture made (by the work `update` started) arrives.
    package func store(_ key: ThumbnailKey, _ picture: Picture, madeFor cell: CellPixels) {
        // A picture made for cells of another size (the font changed meanwhile) is dropped, and
        // so is a kitty picture made under an id given up since (the studio was suspended
        // meanwhile); the next frame asks for it again.
        guard cell == self.cell else { return }
        if format == .kitty && kittyIDs[key] == nil {
            requested.remove(key)
            return
        }
        pictures[key] = picture
        order.append(key)
        if order.count > 8 {
            let gone = order.removeFirst()
            pictures[gone] = nil
            requested.remove(gone)
            if let id = kittyIDs.removeValue(forKey: gone), kittySent.remove(id) != nil { kittyToFree.append(id) }
        }
    }

    /// Forget what is on screen (after Ctrl-L or a suspend, which rewrite every cell).
    package func invalidate() {
        placed = nil
        placedArea = nil
    }

    /// Places (or takes away) the picture for the frame just rendered: `target`, the file to show
    /// over those cells, nil when none is. A picture that is no longer wanted there (a pop-up opened
    /// over it, another screen, another selection, a picture still being made) is taken away first,
    /// so no old picture shows through blank cells. `work` runs a picture's making off the caller's
    /// thread; `made` hands it back, to be given to `store` on the caller's thread.
    package func update(_ target: (area: Area, path: String)?, frame: Frame, previous: Frame?, terminal: Terminal,
                       work: (@escaping @Sendable () async -> Void) -> Void,
                       made: @escaping @Sendable (ThumbnailKey, Picture, CellPixels) -> Void) {
        guard let (rect, path) = target, rect.height >= 2 else {
            remove(from: terminal)
            return
        }
        let key = ThumbnailKey(path: path, columns: rect.width, rows: rect.height)
        if key == placed && !Self.changed(rect, frame, previous) { return }
        guard let picture = pictures[key] else {
            remove(from: terminal)
            request(key, work: work, made: made)
            return
        }
        let x = rect.x + max(0, (rect.width - picture.columns) / 2), y = rect.y + max(0, (rect.height - picture.rows) / 2)
        let area = Area(x: x, y: y, width: picture.columns, height: picture.rows)
        if usesPlaceholders {
            if key != placed || area != placedArea { remove(from: terminal) }
            placeByPlaceholders(key, picture, at: area, on: terminal)
        } else if format == .kitty {
            placeKitty(key, picture, at: area, on: terminal)
        } else {
            // The same picture in the same cells covers itself; anything else goes first.
            if key != placed || area != placedArea { remove(from: terminal) }
            terminal.sendControl(Self.at(area, picture.bytes))
        }
        placed = key
        placedArea = area
    }

    /// kitty: the old picture off and the new one on in one write, so no blank frame shows; a
    /// picture kitty holds is placed by id (a few bytes), the same placement moving, not copied.
    private func placeKitty(_ key: ThumbnailKey, _ picture: Picture, at area: Area, on terminal: Terminal) {
        guard let id = kittyIDs[key] else { return }
        var out = freeing()
        if let old = placed.flatMap({ kittyIDs[$0] }), old != id { out += wrapped(KittyGraphics.hide(id: old)) }
        let body = kittySent.contains(id) ? wrapped(KittyGraphics.place(id: id, placement: 1)) : String(decoding: picture.bytes, as: UTF8.self)
        kittySent.insert(id)
        terminal.sendControl(out + Self.at(area, body))
    }

    /// kitty placeholders: the picture sent once (its virtual placement has the cells it needs),
    /// then its placeholder text written row by row into `area`.
    private func placeByPlaceholders(_ key: ThumbnailKey, _ picture: Picture, at area: Area, on terminal: Terminal) {
        guard let id = kittyIDs[key] else { return }
        var out = freeing()
        if kittySent.insert(id).inserted { out += String(decoding: picture.bytes, as: UTF8.self) }
        let rows = KittyPlaceholders.rows(id: id, columns: picture.columns, rows: picture.rows)
        let placed: [String] = rows.enumerated().map { ControlSequences.moveTo(row: area.y + $0.offset, column: area.x) + $0.element }
        out += ControlSequences.saveCursor + placed.joined() + ControlSequences.restoreCursor
        terminal.sendControl(out)
    }

    /// kitty with placeholder text: the picture is text in the cells, gone when they are rewritten.
    private var usesPlaceholders: Bool { format == .kitty && renderer.kittyPlaceholders }

    /// Takes the placed picture off the terminal: kitty's direct placements are hidden by command;
    /// sixel, iTerm2 and placeholder pictures go when the cells under them are written again.
    private func remove(from terminal: Terminal) {
        defer { invalidate() }
        guard let area = placedArea else { return }
        if format == .kitty && !usesPlaceholders {
            let out = freeing() + (placed.flatMap { kittyIDs[$0] }.map { wrapped(KittyGraphics.hide(id: $0)) } ?? "")
            if !out.isEmpty { terminal.sendControl(out) }
        } else {
            // Spaces over the picture first: inside tmux, ncurses' own rewrite of cells that are
            // already blank (an erase to the end of the line) is dropped by tmux and never reaches
            // the terminal. Then ncurses writes what belongs there.
            terminal.sendControl(Self.spaces(over: area))
            terminal.repaint(rows: area.y..<(area.y + area.height))
            terminal.flush()
        }
    }

    /// Plain spaces over `area`, the cursor and its colours put back after (DECSC/DECRC).
    static func spaces(over area: Area) -> String {
        let blank = String(repeating: " ", count: area.width)
        let rows: [String] = (area.y..<(area.y + area.height)).map { ControlSequences.moveTo(row: $0, column: area.x) + blank }
        return ControlSequences.saveCursor + ControlSequences.resetAttributes + rows.joined() + ControlSequences.restoreCursor
    }

    /// The terminal's cells changed size in pixels (a font change comes as a resize): pictures
    /// are made again at the new size, so they neither spill over their pane nor fall short.
    package func follow(cellWidth: Int, cellHeight: Int, on terminal: Terminal) {
        guard cellWidth > 0, cellHeight > 0, cellWidth != renderer.cellWidth || cellHeight != renderer.cellHeight else { return }
        remove(from: terminal)
        release(from: terminal)
        pictures = [:]
        order = []
        requested = []
        renderer.cellWidth = cellWidth
        renderer.cellHeight = cellHeight
    }

    /// Frees every kitty picture this studio sent (when it ends or is suspended).
    package func release(from terminal: Terminal) {
        guard format == .kitty else { return }
        kittyToFree += kittySent
        kittySent = []
        kittyIDs = [:]
        pictures = [:]
        order = []
        requested = []
        let out = freeing()
        if !out.isEmpty { terminal.sendControl(out) }
        invalidate()
    }

    /// The frees waiting for a write, taken.
    private func freeing() -> String {
        defer { kittyToFree = [] }
        return kittyToFree.map { wrapped(KittyGraphics.free(id: $0)) }.joined()
    }

    /// A command wrapped for tmux when the pictures are.
    private func wrapped(_ command: [UInt8]) -> String {
        String(decoding: renderer.tmuxPassthrough ? TmuxPassthrough.wrap(command) : command, as: UTF8.self)
    }

    /// The picture drawn from the top-left of `area`, the cursor put back after.
    private static func at(_ area: Area, _ bytes: [UInt8]) -> String {
        ControlSequences.at(row: area.y, column: area.x, String(decoding: bytes, as: UTF8.self))
    }

    private static func at(_ area: Area, _ text: String) -> String { at(area, Array(text.utf8)) }

    private func request(_ key: ThumbnailKey, work: (@escaping @Sendable () async -> Void) -> Void,
                         made: @escaping @Sendable (ThumbnailKey, Picture, CellPixels) -> Void) {
        guard requested.insert(key).inserted else { return }
        var kittyID: UInt32?
        if format == .kitty {
            let id = usesPlaceholders ? KittyPlaceholders.imageID(nextKittyID) : nextKittyID
            kittyID = id
            kittyIDs[key] = id
            nextKittyID = nextKittyID &+ 1
        }
        let renderer = self.renderer, format = self.format, cell = self.cell, id = kittyID
        // On the bounded worker, newest first: the picture a person just moved to is made before
        // thumbnails asked earlier, and none of it holds a thread of the concurrency pool.
        work {
            let picture = try? await BlockingWorker.shared.run(.newestFirst) { () -> Picture? in
                guard let image = try? ImageFile.thumbnail(key.path, fitting: key.columns * renderer.cellWidth, key.rows * renderer.cellHeight)
                else { return nil }
                let made = renderer.render(image, format: format, columns: key.columns, rows: key.rows, kittyID: id)
                return Picture(bytes: made.bytes, columns: made.columns, rows: made.rows)
            }
            guard let picture = picture ?? nil else { return }
            made(key, picture, cell)
        }
    }

    private static func changed(_ r: Area, _ frame: Frame, _ previous: Frame?) -> Bool {
        guard let previous, previous.width == frame.width, previous.height == frame.height else { return true }
        for y in r.y..<min(frame.height, r.y + r.height) {
            for x in r.x..<min(frame.width, r.x + r.width) where frame[x, y] != previous[x, y] { return true }
        }
        return false
    }
}
