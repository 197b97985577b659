extension Frame {
    /// Paints a picture's cells with (x, y) as its top-left corner, clipped to the frame.
    package mutating func place(_ grid: CellGrid, x: Int, y: Int) {
        for row in 0..<grid.height where y + row < height {
            for col in 0..<grid.width where x + col < width {
                let cell = grid[col, row]
                put(String(cell.character), x: x + col, y: y + row,
                    style: Style(foreground: cell.foreground, background: cell.background), maxWidth: 1)
            }
        }
    }
}
