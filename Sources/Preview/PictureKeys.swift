/// A picture of a file at a size in cells: what a thumbnail or a placed picture is made for.
public struct ThumbnailKey: Sendable, Hashable {
    public var path: String
    public var columns: Int
    public var rows: Int
    public init(path: String, columns: Int, rows: Int) {
        self.path = path
        self.columns = columns
        self.rows = rows
    }
}

/// A terminal cell's size in pixels.
public struct CellPixels: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
