import CTurboJPEG
import CWebP
import Foundation

extension ImageDecoder {
    /// Decodes to at most `width` x `height` (aspect kept), decoding as little as the format
    /// allows: JPEG DCT scaling (1/2, 1/4, 1/8...), WEBP's scaling decoder; PNG decodes fully.
    /// The last step is an area-average downscale, so there is no nearest-neighbour shimmer.
    /// With `exact` false the cheapest decode that still covers the box is returned as it is
    /// (up to twice the box), for a renderer that filters while it scales (chafa does).
    package static func thumbnail(_ data: Data, fitting width: Int, _ height: Int,
                                 maxPixels: Int = defaultMaxPixels, exact: Bool = true) throws -> RGBAImage {
        let (w, h) = try dimensions(data)
        guard w > 0, h > 0 else { throw ImageCodecError.corrupt(ImageFormat.detect(data) ?? .png, "zero size") }
        if w * h > maxPixels { throw ImageCodecError.tooManyPixels(width: w, height: h, limit: maxPixels) }
        let target = fit(width: w, height: h, into: width, height)
        let decoded: RGBAImage
        switch ImageFormat.detect(data)! {
        case .jpeg: decoded = try JPEGCodec.decodeScaled(data, width: w, height: h, atLeast: target)
        case .webp: decoded = try WebPCodec.decodeScaled(data, to: target)
        case .png: decoded = try PNGCodec.decodeScaled(data, width: w, height: h, to: target)
        }
        if !exact && decoded.width <= target.width * 2 && decoded.height <= target.height * 2 { return decoded }
        return decoded.downscaled(toWidth: target.width, height: target.height)
    }

    /// The largest size with the image's aspect that fits the box (never upscaled).
    package static func fit(width w: Int, height h: Int, into bw: Int, _ bh: Int) -> (width: Int, height: Int) {
        let scale = min(1, min(Double(bw) / Double(w), Double(bh) / Double(h)))
        return (max(1, Int((Double(w) * scale).rounded())), max(1, Int((Double(h) * scale).rounded())))
    }
}

extension JPEGCodec {
    /// Decodes at the smallest libjpeg scale that still covers `atLeast`, with the fast DCT.
    static func decodeScaled(_ data: Data, width: Int, height: Int, atLeast target: (width: Int, height: Int)) throws -> RGBAImage {
        var count: Int32 = 0
        var best = (width, height)
        if let factors = tjGetScalingFactors(&count) {
            for i in 0..<Int(count) {
                let f = factors[i]
                let sw = (width * Int(f.num) + Int(f.denom) - 1) / Int(f.denom)
                let sh = (height * Int(f.num) + Int(f.denom) - 1) / Int(f.denom)
                if sw >= target.width && sh >= target.height && sw * sh < best.0 * best.1 { best = (sw, sh) }
            }
        }
        guard let tj = tjInitDecompress() else { throw ImageCodecError.corrupt(.jpeg, "turbojpeg init failed") }
        defer { tjDestroy(tj) }
        var pixels = [UInt8](repeating: 0, count: best.0 * best.1 * 4)
        let rc = data.withUnsafeBytes { raw in
            pixels.withUnsafeMutableBufferPointer { out in
                tjDecompress2(tj, raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), out.baseAddress,
                              Int32(best.0), Int32(best.0 * 4), Int32(best.1), Int32(TJPF_RGBA.rawValue),
                              TJFLAG_FASTDCT | decodeFlags)
            }
        }
        if rc != 0 {
            throw ImageCodecError.corrupt(.jpeg, String(cString: tjGetErrorStr2(tj)))
        }
        return RGBAImage(width: best.0, height: best.1, pixels: pixels)
    }
}

extension WebPCodec {
    static func decodeScaled(_ data: Data, to target: (width: Int, height: Int)) throws -> RGBAImage {
        var config = WebPDecoderConfig()
        guard WebPInitDecoderConfig(&config) != 0 else { throw ImageCodecError.corrupt(.webp, "decoder init failed") }
        config.options.use_scaling = 1
        config.options.scaled_width = Int32(target.width)
        config.options.scaled_height = Int32(target.height)
        config.output.colorspace = MODE_RGBA
        let status = data.withUnsafeBytes { raw in
            WebPDecode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &config)
        }
        defer { WebPFreeDecBuffer(&config.output) }
        guard status == VP8_STATUS_OK, let rgba = config.output.u.RGBA.rgba else {
            throw ImageCodecError.corrupt(.webp, "decoding failed (status \(status.rawValue))")
        }
        let stride = Int(config.output.u.RGBA.stride)
        var pixels = [UInt8](repeating: 0, count: target.width * target.height * 4)
        for y in 0..<target.height {
            for x in 0..<(target.width * 4) { pixels[y * target.width * 4 + x] = rgba[y * stride + x] }
        }
        return RGBAImage(width: target.width, height: target.height, pixels: pixels)
    }
}
