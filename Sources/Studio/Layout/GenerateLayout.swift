import TerminalUI

/// Where each part of the Generate screen goes for a terminal size. Views draw into these
/// rectangles; the reducer uses them to map mouse clicks and to size thumbnails.
public struct GenerateLayout: Sendable, Equatable {
    public struct Rect: Sendable, Equatable {
        public var x, y, width, height: Int
        public func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    }

    public var form: Rect
    /// Inside the form's border.
    public var formBody: Rect
    public var right: Rect?
    public var jobs: Rect?
    public var preview: Rect?
    public var strip: Rect?
    public var status: Rect
    public var footer: Rect

    public static let stripThumbWidth = 12
    public static let stripThumbHeight = 5
    public static let promptHeight = 4
    public static let jobRows = 4

    public init(columns: Int, rows: Int) {
        let bodyHeight = max(3, rows - 2)
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        footer = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        if columns >= 90 {
            let formWidth = max(50, columns * 52 / 100)
            form = Rect(x: 0, y: 0, width: formWidth, height: bodyHeight)
            let r = Rect(x: formWidth, y: 0, width: columns - formWidth, height: bodyHeight)
            right = r
            let inner = Rect(x: r.x + 1, y: r.y + 1, width: max(1, r.width - 2), height: max(1, r.height - 2))
            jobs = Rect(x: inner.x, y: inner.y, width: inner.width, height: Self.jobRows)
            let stripHeight = Self.stripThumbHeight + 1
            strip = Rect(x: inner.x, y: inner.y + inner.height - stripHeight, width: inner.width, height: stripHeight)
            let previewTop = inner.y + Self.jobRows + 1
            preview = Rect(x: inner.x, y: previewTop, width: inner.width,
                           height: max(1, inner.height - Self.jobRows - 1 - stripHeight - 1))
        } else {
            form = Rect(x: 0, y: 0, width: columns, height: bodyHeight)
        }
        formBody = Rect(x: form.x + 1, y: form.y + 1, width: max(1, form.width - 2), height: max(1, form.height - 2))
    }

    /// How many thumbnails fit in the strip.
    public var stripCount: Int {
        guard let strip else { return 0 }
        return max(0, (strip.width + 1) / (Self.stripThumbWidth + 1))
    }
}
