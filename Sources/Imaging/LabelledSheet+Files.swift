/// Sheets of image files (a sweep saved as PNGs, by the studio or the CLI).
extension LabelledSheet {
    /// A cell at most this many pixels a side, and the sheet's longest side at most `fileSheetCap`.
    package static let fileCellCap = 1024
    package static let fileSheetCap = 8192

    /// The cell side for a sheet of these files: their own resolution (not a thumbnail's), within the caps.
    package static func cellSide(forFiles paths: [String], columns: Int, rows: Int) -> Int {
        let largest = paths.compactMap { try? ImageFile.dimensions($0) }.map { max($0.width, $0.height) }.max() ?? 256
        return max(64, min(largest, fileCellCap, fileSheetCap / max(1, max(columns, rows))))
    }

    /// The files in a labelled grid; a missing or unreadable file leaves its cell grey.
    package static func compose(files: [[String?]], columnLabels: [String], rowLabels: [String], cell: Int, title: String) -> RGBAImage {
        let pictures = files.map { row in row.map { path in path.flatMap { try? ImageFile.thumbnail($0, fitting: cell, cell) } } }
        return compose(pictures, columnLabels: columnLabels, rowLabels: rowLabels, cell: cell, title: title)
    }
}
