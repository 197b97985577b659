import Imaging

/// File to cells: guarded read, scale-on-load decode to about 8x16 pixels per cell, chafa symbols.
public struct Thumbnailer: Sendable {
    public let renderer: SymbolRenderer
    public var maxBytes: Int
    public var maxPixels: Int

    public init(renderer: SymbolRenderer = SymbolRenderer(), maxBytes: Int = ImageFile.defaultMaxBytes,
                maxPixels: Int = ImageDecoder.defaultMaxPixels) {
        self.renderer = renderer
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
    }

    /// The image as cells, as large as fits `columns` x `rows` with its aspect kept.
    public func cells(forFile path: String, columns: Int, rows: Int, options: PreviewOptions) throws -> CellGrid {
        let px = CellGeometry.pixels(columns: columns, rows: rows)
        let image = try ImageFile.thumbnail(path, fitting: px.width, px.height, maxBytes: maxBytes, maxPixels: maxPixels)
        return cells(for: image, columns: columns, rows: rows, options: options)
    }

    public func cells(for image: RGBAImage, columns: Int, rows: Int, options: PreviewOptions) -> CellGrid {
        let box = CellGeometry.fit(imageWidth: image.width, imageHeight: image.height, columns: columns, rows: rows)
        let px = CellGeometry.pixels(columns: box.columns, rows: box.rows)
        let fitted = ImageDecoder.fit(width: image.width, height: image.height, into: px.width, px.height)
        let small = image.downscaled(toWidth: fitted.width, height: fitted.height)
        return renderer.render(small, columns: box.columns, rows: box.rows, options: options)
    }
}
