import TerminalUI

/// Where each part of the Generate screen goes for a terminal size. Views draw into these
/// rectangles; the reducer uses them to map mouse clicks and to size thumbnails.
package struct GenerateLayout: Sendable, Equatable {
    package struct Rect: Sendable, Equatable {
        package var x, y, width, height: Int
        package func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    }

    /// Where the form is, or would be: with the preview on the whole screen it is not drawn,
    /// but its size still sets how the form scrolls.
    package var form: Rect
    /// Inside the form's border.
    package var formBody: Rect
    /// False while the preview has the whole screen (`zoomed`).
    package var formShown = true
    /// The preview has the whole screen: the zoom key, and the only way to see results on a
    /// terminal narrower than `sideBySideColumns`.
    package var zoomed = false
    package var right: Rect?
    package var jobs: Rect?
    package var preview: Rect?
    package var strip: Rect?
    package var status: Rect
    package var footer: Rect

    package static let stripThumbWidth = 12
    package static let stripThumbHeight = 5
    package static let promptHeight = 4
    package static let jobRows = 4

    /// From this width the form and the preview stand side by side.
    package static let sideBySideColumns = 90
    /// The smallest terminal the studio draws in; below it, a message says the size needed.
    package static let minimumColumns = 60
    package static let minimumRows = 16

    package init(columns: Int, rows: Int, zoomed: Bool = false) {
        let bodyHeight = max(3, rows - 2)
        status = Rect(x: 0, y: rows - 2, width: columns, height: 1)
        footer = Rect(x: 0, y: rows - 1, width: columns, height: 1)
        if columns >= Self.sideBySideColumns {
            let formWidth = max(50, columns * 52 / 100)
            form = Rect(x: 0, y: 0, width: formWidth, height: bodyHeight)
        } else {
            form = Rect(x: 0, y: 0, width: columns, height: bodyHeight)
        }
        formBody = Rect(x: form.x + 1, y: form.y + 1, width: max(1, form.width - 2), height: max(1, form.height - 2))
        self.zoomed = zoomed
        if zoomed {
            formShown = false
            placeZoomed(Rect(x: 0, y: 0, width: columns, height: bodyHeight), withJobs: columns < Self.sideBySideColumns)
        } else if columns >= Self.sideBySideColumns {
            placeRight(Rect(x: form.width, y: 0, width: columns - form.width, height: bodyHeight))
        }
    }

    /// The right pane's parts: job lines at the top, the strip at the bottom, the preview between.
    private mutating func placeRight(_ r: Rect) {
        right = r
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: max(1, r.width - 2), height: max(1, r.height - 2))
        jobs = Rect(x: inner.x, y: inner.y, width: inner.width, height: Self.jobRows)
        let stripHeight = Self.stripThumbHeight + 1
        strip = Rect(x: inner.x, y: inner.y + inner.height - stripHeight, width: inner.width, height: stripHeight)
        let previewTop = inner.y + Self.jobRows + 1
        preview = Rect(x: inner.x, y: previewTop, width: inner.width,
                       height: max(1, inner.height - Self.jobRows - 1 - stripHeight - 1))
    }

    /// The preview on the whole screen: the picture as large as the body allows (a caption line
    /// under it), with the job lines above it where the form hides them (narrow terminals); no
    /// strip, Left and Right go through the results.
    private mutating func placeZoomed(_ r: Rect, withJobs: Bool) {
        right = r
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: max(1, r.width - 2), height: max(1, r.height - 2))
        let top = withJobs ? Self.jobRows + 1 : 0
        if withJobs { jobs = Rect(x: inner.x, y: inner.y, width: inner.width, height: Self.jobRows) }
        preview = Rect(x: inner.x, y: inner.y + top, width: inner.width, height: max(1, inner.height - top - 1))
    }

    /// Only the form fits beside nothing: the preview is a key away.
    package var previewHidden: Bool { right == nil }

    /// How many thumbnails fit in the strip.
    package var stripCount: Int {
        guard let strip else { return 0 }
        return max(0, (strip.width + 1) / (Self.stripThumbWidth + 1))
    }
}
