/// Geometry of the History screen: the search line, then the contact sheet or the list.
package struct HistoryLayout: Sendable, Equatable {
    package static let cellWidth = 20
    package static let cellHeight = 10
    package static let thumbWidth = 18
    package static let thumbHeight = 8

    package var search: GenerateLayout.Rect
    package var body: GenerateLayout.Rect

    package init(columns: Int, rows: Int) {
        search = GenerateLayout.Rect(x: 0, y: 0, width: columns, height: 1)
        body = GenerateLayout.Rect(x: 0, y: 1, width: columns, height: max(1, rows - 3))
    }

    package func perRow(_ mode: HistoryBrowser.Mode) -> Int {
        mode == .sheet ? max(1, body.width / Self.cellWidth) : 1
    }

    /// Rows (of cells or lines) that fit.
    package func visibleRows(_ mode: HistoryBrowser.Mode) -> Int {
        mode == .sheet ? max(1, body.height / Self.cellHeight) : max(1, body.height - 1)
    }

    /// How many jobs one screen shows.
    package func pageCount(_ mode: HistoryBrowser.Mode) -> Int { perRow(mode) * visibleRows(mode) }

    /// The picture of an open detail: the largest that fits in the left half.
    package var detailPicture: GenerateLayout.Rect {
        let width = max(10, min(body.width / 2, 100))
        return GenerateLayout.Rect(x: body.x + 1, y: body.y + 1, width: width, height: max(3, body.height - 2))
    }

    /// The loupe's picture: the whole body but the two caption lines under it.
    package var loupePicture: GenerateLayout.Rect {
        GenerateLayout.Rect(x: body.x, y: body.y, width: body.width, height: max(3, body.height - 2))
    }

    /// The two pictures of a comparison, side by side.
    package var comparePictures: (GenerateLayout.Rect, GenerateLayout.Rect) {
        let half = body.width / 2
        let height = max(3, min(body.height / 2, half / 2))
        return (GenerateLayout.Rect(x: body.x + 1, y: body.y + 1, width: half - 2, height: height),
                GenerateLayout.Rect(x: body.x + half + 1, y: body.y + 1, width: half - 2, height: height))
    }

    package static let sweepRowLabelWidth = 18

    /// The size of one picture of a sweep sheet.
    package func sweepCell(_ sweep: SweepGrid) -> (width: Int, height: Int) {
        let labelWidth = sweep.axes.count > 1 ? Self.sweepRowLabelWidth : 0
        let width = max(6, (body.width - labelWidth) / max(1, sweep.columns) - 1)
        let height = max(3, (body.height - 3) / max(1, sweep.rows) - 1)
        return (min(width, height * 2 + 2), height)
    }
}
