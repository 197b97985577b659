/// Geometry of the pop-ups, shared by their views and the shell (which asks for the file
/// picker's thumbnail).
package struct OverlayLayout: Sendable, Equatable {
    package var columns: Int
    package var rows: Int

    package init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// A box of about this size in the middle of the screen, above the status line.
    package func centered(width: Int, height: Int) -> GenerateLayout.Rect {
        let w = min(width, columns - 2), h = max(4, min(height, rows - 2))
        return GenerateLayout.Rect(x: (columns - w) / 2, y: max(0, (rows - 2 - h) / 2), width: w, height: h)
    }

    package var filePicker: GenerateLayout.Rect {
        let w = min(100, columns - 2), h = max(6, min(rows - 4, 30))
        return GenerateLayout.Rect(x: (columns - w) / 2, y: max(0, (rows - 2 - h) / 2), width: w, height: h)
    }

    package var filePickerThumbnailWidth: Int { max(0, min(40, filePicker.width / 2 - 2)) }

    /// The selected file's thumbnail, right of the list.
    package var filePickerThumbnail: GenerateLayout.Rect {
        let r = filePicker
        let w = filePickerThumbnailWidth
        return GenerateLayout.Rect(x: r.x + r.width - w - 1, y: r.y + 2, width: max(1, w), height: max(1, r.height - 4))
    }
}
