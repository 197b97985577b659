/// Pictures in a grid with a label over each column and beside each row, as one image (a sweep
/// saved as one PNG). Missing pictures leave their cell grey.
package enum LabelledSheet {
    package static func compose(_ cells: [[RGBAImage?]], columnLabels: [String], rowLabels: [String], cell: Int = 256,
                               title: String = "") -> RGBAImage {
        let scale = 2, pad = 8, lineHeight = BitmapFont.height * scale + pad
        let rowLabelWidth = (rowLabels.map { BitmapFont.measure($0, scale: scale) }.max() ?? 0) + (rowLabels.isEmpty ? 0 : 2 * pad)
        let top = lineHeight * (title.isEmpty ? 1 : 2) + pad
        let columns = max(1, cells.map(\.count).max() ?? 1), rows = max(1, cells.count)
        var sheet = RGBAImage(width: rowLabelWidth + columns * (cell + pad) + pad, height: top + rows * (cell + pad),
                              fill: (24, 24, 28, 255))
        let ink: (UInt8, UInt8, UInt8) = (230, 230, 235)
        if !title.isEmpty { BitmapFont.draw(title, into: &sheet, x: pad, y: pad, scale: scale, color: ink) }
        for (c, label) in columnLabels.prefix(columns).enumerated() {
            let x = rowLabelWidth + pad + c * (cell + pad) + max(0, (cell - BitmapFont.measure(label, scale: scale)) / 2)
            BitmapFont.draw(label, into: &sheet, x: x, y: top - lineHeight, scale: scale, color: ink)
        }
        for r in 0..<rows {
            let y = top + r * (cell + pad)
            if r < rowLabels.count {
                BitmapFont.draw(rowLabels[r], into: &sheet, x: pad, y: y + cell / 2 - BitmapFont.height, scale: scale, color: ink)
            }
            for c in 0..<columns {
                let x = rowLabelWidth + pad + c * (cell + pad)
                guard r < cells.count, c < cells[r].count, let picture = cells[r][c] else {
                    fill(&sheet, x: x, y: y, width: cell, height: cell, (60, 60, 66))
                    continue
                }
                let size = fittedSize(picture, cell)
                let fitted = picture.width > cell || picture.height > cell ? picture.downscaled(toWidth: size.0, height: size.1) : picture
                blit(fitted.composited(over: (24, 24, 28)), into: &sheet, x: x + (cell - fitted.width) / 2, y: y + (cell - fitted.height) / 2)
            }
        }
        return sheet
    }

    static func fittedSize(_ p: RGBAImage, _ cell: Int) -> (Int, Int) {
        let s = min(Double(cell) / Double(p.width), Double(cell) / Double(p.height))
        return (max(1, Int(Double(p.width) * s)), max(1, Int(Double(p.height) * s)))
    }

    static func fill(_ image: inout RGBAImage, x: Int, y: Int, width: Int, height: Int, _ c: (UInt8, UInt8, UInt8)) {
        for py in y..<min(image.height, y + height) {
            for px in x..<min(image.width, x + width) {
                let i = (py * image.width + px) * 4
                image.pixels[i] = c.0; image.pixels[i + 1] = c.1; image.pixels[i + 2] = c.2; image.pixels[i + 3] = 255
            }
        }
    }

    static func blit(_ source: RGBAImage, into image: inout RGBAImage, x: Int, y: Int) {
        for row in 0..<source.height where y + row < image.height && y + row >= 0 {
            let from = row * source.width * 4
            let to = ((y + row) * image.width + x) * 4
            let count = min(source.width, image.width - x) * 4
            guard count > 0 else { continue }
            image.pixels.replaceSubrange(to..<(to + count), with: source.pixels[from..<(from + count)])
        }
    }
}
