import CSpng
import CTurboJPEG
import Foundation

/// Hostile image files made byte by byte, as the red-team report of 2026-12-07 describes them
/// (F2, F4, F5): for the tests (through TestSupport), and for `darkroom-bench hostile`, which
/// measures the same bytes.
package enum HostileFiles {
    // MARK: PNG

    /// A PNG chunk: length, type, data and CRC.
    package static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let crc = (typeBytes + body).withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return be32(UInt32(body.count)) + typeBytes + body + be32(crc)
    }

    /// A grey PNG of `width` x `height` (8-bit, every pixel 128), with `extra` chunks after IHDR.
    package static func png(width: Int = 1, height: Int = 1, extra: [[UInt8]] = []) -> Data {
        let ihdr = be32(UInt32(width)) + be32(UInt32(height)) + [8, 0, 0, 0, 0]
        let rows = (0..<height).flatMap { _ in [UInt8(0)] + [UInt8](repeating: 128, count: width) }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr)
        for c in extra { out += c }
        out += chunk("IDAT", zlib(rows)) + chunk("IEND", [])
        return Data(out)
    }

    /// An A1111 `parameters` text (tEXt) whose prompt holds a run of `spaces` spaces: the F2 case
    /// (80,000 spaces make the 81 KB file that took `history import` 291 s).
    package static func spacesParametersPNG(spaces: Int) -> Data {
        png(extra: [chunk("tEXt", Array("parameters".utf8) + [0] + Array(spacesParameters(spaces).utf8))])
    }

    /// The text of `spacesParametersPNG`.
    package static func spacesParameters(_ spaces: Int) -> String {
        "p" + String(repeating: " ", count: spaces) + "q\nSteps: 20, Seed: 1"
    }

    /// A 64 x 48 PNG with a zTXt chunk (`keyword`) that inflates to `megabytes` MiB of zeros:
    /// the F4 case (900 MiB in a 930 KB file cost 947 MB to show).
    package static func zTXtBombPNG(megabytes: Int, keyword: String = "Comment") -> Data {
        png(width: 64, height: 48, extra: [chunk("zTXt", Array(keyword.utf8) + [0, 0] + zlibZeros(megabytes: megabytes))])
    }

    /// A 64 x 48 PNG with a zTXt `parameters` text: `text`, then `zeroMegabytes` MiB of NUL bytes.
    package static func zTXtParametersPNG(_ text: String, zeroMegabytes: Int = 0) -> Data {
        let stream = zeroMegabytes == 0 ? zlib(Array(text.utf8)) : zlibZeros(megabytes: zeroMegabytes, after: Array(text.utf8))
        return png(width: 64, height: 48, extra: [chunk("zTXt", Array("parameters".utf8) + [0, 0] + stream)])
    }

    /// `data` as one zlib stream.
    package static func zlib(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(shim_deflate_init(&stream, 9) == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))))
        var input = data
        input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress
                stream.avail_in = UInt32(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            }
        }
        return Array(out[..<Int(stream.total_out)])
    }

    /// A zlib stream of `prefix` then `megabytes` MiB of zeros, made in milliseconds whatever its
    /// size: one MiB of zeros deflated after another is a block that can be repeated as it is
    /// (every distance it names falls on zeros), then the last block and the Adler-32 by hand.
    package static func zlibZeros(megabytes: Int, after prefix: [UInt8] = []) -> [UInt8] {
        var stream = z_stream()
        precondition(shim_deflate_init(&stream, 9) == Z_OK)
        defer { deflateEnd(&stream) }
        func deflated(_ input: [UInt8], _ flush: Int32) -> [UInt8] {
            var input = input
            var out = [UInt8](repeating: 0, count: input.count + 4096)
            let before = stream.total_out
            input.withUnsafeMutableBufferPointer { i in
                out.withUnsafeMutableBufferPointer { o in
                    stream.next_in = i.baseAddress
                    stream.avail_in = UInt32(i.count)
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    _ = deflate(&stream, flush)
                }
            }
            return Array(out[..<Int(stream.total_out - before)])
        }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var out = deflated(prefix + zeros, Z_SYNC_FLUSH)
        let block = deflated(zeros, Z_SYNC_FLUSH)
        for _ in 1..<max(1, megabytes) { out += block }
        let end = deflated([], Z_FINISH)
        out += end.dropLast(4)
        // Adler-32 of the whole: zeros add nothing to its first sum and one to its second.
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in prefix {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let zeroCount = UInt64(max(1, megabytes)) << 20
        b = UInt32((UInt64(b) + UInt64(a) * (zeroCount % 65521)) % 65521)
        return out + be32(b << 16 | a)
    }

    // MARK: JPEG

    /// A progressive grey JPEG of `width` x `height` whose smallest scan is repeated `repeats` times
    /// after itself: the F5 case (2048 x 2048 with 10,000 repeats is 176 KB and took 7 s to show).
    package static func scanBombJPEG(width: Int = 2048, height: Int = 2048, repeats: Int) -> Data {
        let jpeg = progressiveJPEG(width: width, height: height)
        let scans = scanRanges(jpeg)
        guard let smallest = scans.min(by: { $0.count < $1.count }) else { return Data(jpeg) }
        let scan = Array(jpeg[smallest])
        var out = Array(jpeg[..<smallest.upperBound])
        out.reserveCapacity(jpeg.count + scan.count * repeats)
        for _ in 0..<repeats { out += scan }
        out += jpeg[smallest.upperBound...]
        return Data(out)
    }

    /// A progressive JPEG of a plain grey picture, made by libjpeg-turbo: its scans are a few
    /// bytes each (long runs of empty blocks).
    package static func progressiveJPEG(width: Int, height: Int) -> [UInt8] {
        guard let tj = tjInitCompress() else { preconditionFailure("turbojpeg init failed") }
        defer { tjDestroy(tj) }
        let pixels = [UInt8](repeating: 128, count: width * height)
        var out: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let rc = pixels.withUnsafeBufferPointer { px in
            tjCompress2(tj, px.baseAddress, Int32(width), Int32(width), Int32(height), Int32(TJPF_GRAY.rawValue), &out, &size,
                        Int32(TJSAMP_GRAY.rawValue), 50, TJFLAG_PROGRESSIVE)
        }
        defer { tjFree(out) }
        guard rc == 0, let out else { preconditionFailure(String(cString: tjGetErrorStr2(tj))) }
        return Array(UnsafeBufferPointer(start: out, count: Int(size)))
    }

    /// The most scans `manyScansJPEG` can make: the DC coefficient and each of the 63 AC ones,
    /// each sent first at a point transform of 13 and then refined bit by bit down to 0.
    package static let validScanLimit = 64 * 14

    /// A valid progressive grey 8 x 8 JPEG of `scans` scans (at most `validScanLimit`), written by
    /// hand: every coefficient is 0, so each scan's data is one Huffman code or bit, and no scan
    /// repeats another or warns. libjpeg-turbo decodes it whole unless scans are limited.
    package static func manyScansJPEG(scans: Int) -> Data {
        precondition(scans > 0 && scans <= validScanLimit)
        func segment(_ marker: UInt8, _ body: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        }
        var out: [UInt8] = [0xFF, 0xD8]
        out += segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))  // DQT: table 0, all 1
        out += segment(0xC2, [8, 0, 8, 0, 8, 1, 1, 0x11, 0])  // SOF2: 8 bits, 8 x 8, one component
        // DHT: a DC table whose only symbol is category 0, an AC table whose only symbol is EOB,
        // each the one-bit code 0.
        out += segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
        out += segment(0xC4, [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0])
        var made = 0
        outer: for coefficient in 0..<64 {
            for refinement in 0..<14 {
                guard made < scans else { break outer }
                let (ah, al) = refinement == 0 ? (0, 13) : (14 - refinement, 13 - refinement)
                let band = UInt8(coefficient)
                out += segment(0xDA, [1, 1, 0x00, band, band, UInt8(ah << 4 | al)])
                // The one code or bit (0) the block needs, padded with ones.
                out.append(0x7F)
                made += 1
            }
        }
        out += [0xFF, 0xD9]
        return Data(out)
    }

    /// Each scan of a JPEG: its SOS segment and the entropy-coded data after it, up to the next
    /// marker (a 0xFF not followed by a stuffed 0x00 or a restart marker).
    package static func scanRanges(_ jpeg: [UInt8]) -> [Range<Int>] {
        var scans: [Range<Int>] = []
        var i = 2
        while i + 4 <= jpeg.count, jpeg[i] == 0xFF {
            let marker = jpeg[i + 1]
            if marker == 0xD9 { break }
            let length = Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])
            var end = i + 2 + length
            if marker == 0xDA {
                while end + 1 < jpeg.count, !(jpeg[end] == 0xFF && jpeg[end + 1] != 0 && !(0xD0...0xD7).contains(jpeg[end + 1])) {
                    end += 1
                }
                scans.append(i..<end)
            }
            i = end
        }
        return scans
    }

    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
}
