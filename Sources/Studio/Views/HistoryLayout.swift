/// Geometry of the History screen: the search line, then the contact sheet or the list.
public struct HistoryLayout: Sendable, Equatable {
    public static let cellWidth = 20
    public static let cellHeight = 10
    public static let thumbWidth = 18
    public static let thumbHeight = 8

    public var search: GenerateLayout.Rect
    public var body: GenerateLayout.Rect

    public init(columns: Int, rows: Int) {
        search = GenerateLayout.Rect(x: 0, y: 0, width: columns, height: 1)
        body = GenerateLayout.Rect(x: 0, y: 1, width: columns, height: max(1, rows - 3))
    }

    public func perRow(_ mode: HistoryBrowser.Mode) -> Int {
        mode == .sheet ? max(1, body.width / Self.cellWidth) : 1
    }

    /// Rows (of cells or lines) that fit.
    public func visibleRows(_ mode: HistoryBrowser.Mode) -> Int {
        mode == .sheet ? max(1, body.height / Self.cellHeight) : max(1, body.height - 1)
    }

    /// How many jobs one screen shows.
    public func pageCount(_ mode: HistoryBrowser.Mode) -> Int { perRow(mode) * visibleRows(mode) }
}
