import Foundation

/// The chunks of a PNG file, walked by their headers without decoding anything.
enum PNGChunks {
    /// Chunks libspng inflates into memory before it reaches the pixels, although drawing never
    /// uses them: compressed text (zTXt, iTXt) and the colour profile (iCCP, not applied). A
    /// 930 KB file whose zTXt inflates to 900 MB cost 947 MB to show before they were left out.
    static let inflatedAncillary: Set<String> = ["zTXt", "iTXt", "iCCP"]

    /// The file without `inflatedAncillary` chunks, for the pixel decoder; the same bytes when it
    /// has none (no copy). A chunk whose length runs past the end stops the walk, and the rest is
    /// kept as it is for the decoder to report.
    static func forPixels(_ png: Data) -> Data {
        let dropped = ranges(in: png) { inflatedAncillary.contains($0) }
        guard !dropped.isEmpty else { return png }
        var out = Data(capacity: png.count)
        var at = png.startIndex
        for range in dropped {
            out.append(png[at..<range.lowerBound])
            at = range.upperBound
        }
        out.append(png[at...])
        return out
    }

    /// Where the chunks whose type `matching` accepts lie, each from its length field to its CRC.
    static func ranges(in png: Data, matching: (String) -> Bool) -> [Range<Data.Index>] {
        png.withUnsafeBytes { raw -> [Range<Int>] in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= 8, Array(b[0..<8]) == PNGText.signature else { return [] }
            var found: [Range<Int>] = []
            var i = 8
            while i + 12 <= b.count {
                let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
                let end = i + 12 + length
                guard end <= b.count else { break }
                let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
                if matching(type) { found.append(i..<end) }
                if type == "IEND" { break }
                i = end
            }
            return found
        }.map { (png.startIndex + $0.lowerBound)..<(png.startIndex + $0.upperBound) }
    }
}
