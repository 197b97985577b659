import CSpng
import Foundation

extension PNGCodec {
    /// Above this many pixels a PNG is decoded a row at a time straight into the small picture,
    /// so an 8192x8192 file never needs its 268 MB of full-size pixels.
    static let streamingThreshold = 4096 * 2048
    /// Interlaced PNGs cannot be streamed row by row; past this many pixels they are refused.
    static let interlacedLimit = 4096 * 4096

    /// Decodes to at most `target` (a box average with premultiplied alpha), reading rows one by
    /// one (libspng's progressive decoding); small or interlaced files decode whole first.
    static func decodeScaled(_ data: Data, width: Int, height: Int, to target: (width: Int, height: Int),
                             streamingAbove threshold: Int = streamingThreshold) throws -> RGBAImage {
        let interlaced = try withDecoder(data) { ctx -> Bool in
            var ihdr = spng_ihdr()
            let rc = spng_get_ihdr(ctx, &ihdr)
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            return ihdr.interlace_method != 0
        }
        if width * height <= threshold || (target.width >= width && target.height >= height) {
            return try decode(data, width: width, height: height)
        }
        if interlaced {
            if width * height > interlacedLimit {
                throw ImageCodecError.tooManyPixels(width: width, height: height, limit: interlacedLimit)
            }
            return try decode(data, width: width, height: height)
        }
        let tw = max(1, min(width, target.width)), th = max(1, min(height, target.height))
        return try withDecoder(data) { ctx in
            let fmt = Int32(SPNG_FMT_RGBA8.rawValue)
            var rc = spng_decode_image(ctx, nil, 0, fmt, Int32(SPNG_DECODE_TRNS.rawValue | SPNG_DECODE_PROGRESSIVE.rawValue))
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            let column = (0..<width).map { $0 * tw / width }
            var columns = [Float](repeating: 0, count: tw)
            for c in column { columns[c] += 1 }
            var row = [UInt8](repeating: 0, count: width * 4)
            var sums = [Float](repeating: 0, count: tw * 4)
            var rows: Float = 0
            var out = [UInt8](repeating: 0, count: tw * th * 4)
            var current = 0
            func flush(_ ty: Int) {
                guard rows > 0 else { return }
                for x in 0..<tw {
                    let n = columns[x] * rows
                    let a = sums[x * 4 + 3]
                    let o = (ty * tw + x) * 4
                    if a > 0 {
                        out[o] = UInt8(min(255, (sums[x * 4] / a).rounded()))
                        out[o + 1] = UInt8(min(255, (sums[x * 4 + 1] / a).rounded()))
                        out[o + 2] = UInt8(min(255, (sums[x * 4 + 2] / a).rounded()))
                    }
                    out[o + 3] = UInt8(min(255, (a / n).rounded()))
                }
                for i in 0..<sums.count { sums[i] = 0 }
                rows = 0
            }
            for y in 0..<height {
                rc = row.withUnsafeMutableBytes { spng_decode_row(ctx, $0.baseAddress, $0.count) }
                if rc != 0 && rc != Int32(SPNG_EOI.rawValue) {
                    throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc)))
                }
                let ty = y * th / height
                if ty != current { flush(current); current = ty }
                row.withUnsafeBufferPointer { src in
                    for x in 0..<width {
                        let s = x * 4, d = column[x] * 4
                        let alpha = Float(src[s + 3])
                        sums[d] += Float(src[s]) * alpha
                        sums[d + 1] += Float(src[s + 1]) * alpha
                        sums[d + 2] += Float(src[s + 2]) * alpha
                        sums[d + 3] += alpha
                    }
                }
                rows += 1
                if rc == Int32(SPNG_EOI.rawValue) { break }
            }
            flush(current)
            return RGBAImage(width: tw, height: th, pixels: out)
        }
    }
}
