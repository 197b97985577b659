/// A picture of a file at a size in cells: what a thumbnail or a placed picture is made for.
package struct ThumbnailKey: Sendable, Hashable {
    package var path: String
    package var columns: Int
    package var rows: Int
    package init(path: String, columns: Int, rows: Int) {
        self.path = path
        self.columns = columns
        self.rows = rows
    }
}

/// A terminal cell's size in pixels.
package struct CellPixels: Sendable, Equatable {
    package var width: Int
    package var height: Int
    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
