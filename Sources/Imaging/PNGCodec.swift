import CSpng
import Foundation

/// PNG through libspng. Encoding favours speed (zlib level 3, SUB filter), as measured.
enum PNGCodec {
    static func dimensions(_ data: Data) throws -> (width: Int, height: Int) {
        try withDecoder(data) { ctx in
            var ihdr = spng_ihdr()
            let rc = spng_get_ihdr(ctx, &ihdr)
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            return (Int(ihdr.width), Int(ihdr.height))
        }
    }

    static func decode(_ data: Data, width: Int, height: Int) throws -> RGBAImage {
        try withDecoder(data) { ctx in
            var size = 0
            let fmt = Int32(SPNG_FMT_RGBA8.rawValue)
            var rc = spng_decoded_image_size(ctx, fmt, &size)
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            var pixels = [UInt8](repeating: 0, count: size)
            rc = pixels.withUnsafeMutableBytes { out in
                spng_decode_image(ctx, out.baseAddress, size, fmt, Int32(SPNG_DECODE_TRNS.rawValue))
            }
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
    }

    /// What libspng may keep of the ancillary chunks it still reads (text, EXIF, palettes
    /// suggested): no chunk inflated past `chunkLimit`, and `cacheLimit` bytes in all. The chunks
    /// that inflate are left out before decoding (`PNGChunks.forPixels`); these are the backstop.
    static let chunkLimit = 8 << 20
    static let cacheLimit = 2 * ImageFile.defaultMaxBytes

    /// A decoder over the file's pixel chunks (`PNGChunks.forPixels`), with the image and chunk limits set.
    static func withDecoder<T>(_ data: Data, _ body: (OpaquePointer) throws -> T) throws -> T {
        guard let ctx = spng_ctx_new(0) else { throw ImageCodecError.corrupt(.png, "spng init failed") }
        defer { spng_ctx_free(ctx) }
        spng_set_crc_action(ctx, Int32(SPNG_CRC_USE.rawValue), Int32(SPNG_CRC_USE.rawValue))
        spng_set_image_limits(ctx, 1 << 16, 1 << 16)
        spng_set_chunk_limits(ctx, chunkLimit, cacheLimit)
        return try PNGChunks.forPixels(data).withUnsafeBytes { raw in
            let rc = spng_set_png_buffer(ctx, raw.baseAddress, raw.count)
            if rc != 0 { throw ImageCodecError.corrupt(.png, String(cString: spng_strerror(rc))) }
            return try body(ctx)
        }
    }

    /// `compact`: a small file made fast, for pictures sent over a link rather than written to disk
    /// (zlib level 4, the Up filter). Measured on a 640x640 sandbox picture: 17 ms and 212 KB,
    /// where level 9 with each row's best filter took 336 ms for 200 KB, and level 3 with Sub
    /// (the disk setting) 15 ms for 245 KB.
    static func encode(_ image: RGBAImage, compact: Bool = false) throws -> Data {
        guard let ctx = spng_ctx_new(Int32(SPNG_CTX_ENCODER.rawValue)) else {
            throw ImageCodecError.encodeFailed(.png, "spng init failed")
        }
        defer { spng_ctx_free(ctx) }
        spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1)
        spng_set_option(ctx, SPNG_IMG_COMPRESSION_LEVEL, compact ? 4 : 3)
        spng_set_option(ctx, SPNG_FILTER_CHOICE, Int32(compact ? SPNG_FILTER_CHOICE_UP.rawValue : SPNG_FILTER_CHOICE_SUB.rawValue))
        let opaque = image.isOpaque
        var ihdr = spng_ihdr()
        ihdr.width = UInt32(image.width)
        ihdr.height = UInt32(image.height)
        ihdr.bit_depth = 8
        ihdr.color_type = UInt8(opaque ? SPNG_COLOR_TYPE_TRUECOLOR.rawValue : SPNG_COLOR_TYPE_TRUECOLOR_ALPHA.rawValue)
        var rc = spng_set_ihdr(ctx, &ihdr)
        if rc != 0 { throw ImageCodecError.encodeFailed(.png, String(cString: spng_strerror(rc))) }

        var rowBytes: [UInt8]
        if opaque {
            rowBytes = [UInt8](repeating: 0, count: image.width * image.height * 3)
            image.pixels.withUnsafeBufferPointer { src in
                rowBytes.withUnsafeMutableBufferPointer { dst in
                    var j = 0
                    var i = 0
                    while i < src.count {
                        dst[j] = src[i]; dst[j + 1] = src[i + 1]; dst[j + 2] = src[i + 2]
                        i += 4; j += 3
                    }
                }
            }
        } else {
            rowBytes = image.pixels
        }
        rc = rowBytes.withUnsafeMutableBytes { px in
            spng_encode_image(ctx, px.baseAddress, px.count, Int32(SPNG_FMT_PNG.rawValue), Int32(SPNG_ENCODE_FINALIZE.rawValue))
        }
        if rc != 0 { throw ImageCodecError.encodeFailed(.png, String(cString: spng_strerror(rc))) }
        var length = 0
        var err: Int32 = 0
        guard let buffer = spng_get_png_buffer(ctx, &length, &err) else {
            throw ImageCodecError.encodeFailed(.png, String(cString: spng_strerror(err)))
        }
        defer { free(buffer) }
        return Data(bytes: buffer, count: length)
    }
}
