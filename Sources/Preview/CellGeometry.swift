/// Terminal cells are about twice as tall as wide. These helpers pick how many cells an image
/// takes inside a box, and how many pixels to feed the renderer for them.
package enum CellGeometry {
    /// Cell height over cell width in pixels, when the terminal does not say.
    package static let cellAspect = 2.0

    /// The largest cells box with the image's aspect inside `columns` x `rows`, for cells
    /// `cellAspect` times as tall as wide.
    package static func fit(imageWidth w: Int, imageHeight h: Int, columns: Int, rows: Int,
                           cellAspect: Double = cellAspect) -> (columns: Int, rows: Int) {
        let aspect = Double(w) / Double(h) * cellAspect  // columns per row
        var c = columns, r = Int((Double(c) / aspect).rounded())
        if r > rows {
            r = rows
            c = Int((Double(r) * aspect).rounded())
        }
        return (max(1, min(columns, c)), max(1, min(rows, r)))
    }

    /// Pixels to decode for a box of cells: 8 x 16 per cell is all chafa's symbols can use.
    package static func pixels(columns: Int, rows: Int) -> (width: Int, height: Int) {
        (columns * 8, rows * 16)
    }
}
