extension RGBAImage {
    /// Area-average (box) downscale, separable, in premultiplied alpha so transparent pixels do
    /// not darken edges: every source pixel counts by the area it covers. Upscaling is bilinear.
    package func downscaled(toWidth w: Int, height h: Int) -> RGBAImage {
        if w == width && h == height { return self }
        if w > width || h > height { return resized(width: w, height: h) }
        let xs = BoxWeights(from: width, to: w), ys = BoxWeights(from: height, to: h)
        // Horizontal pass: width x height -> w x height, premultiplied floats.
        var mid = [Float](repeating: 0, count: w * height * 4)
        pixels.withUnsafeBufferPointer { src in
            mid.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = y * width * 4, out = y * w * 4
                    for x in 0..<w {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for k in xs.start[x]..<xs.start[x + 1] {
                            let s = row + xs.index[k] * 4, wt = xs.weight[k]
                            let alpha = Float(src[s + 3]) * wt
                            r += Float(src[s]) * alpha; g += Float(src[s + 1]) * alpha; b += Float(src[s + 2]) * alpha
                            a += alpha
                        }
                        dst[out + x * 4] = r; dst[out + x * 4 + 1] = g; dst[out + x * 4 + 2] = b; dst[out + x * 4 + 3] = a
                    }
                }
            }
        }
        // Vertical pass: w x height -> w x h, back to straight alpha.
        var out = [UInt8](repeating: 0, count: w * h * 4)
        mid.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    for x in 0..<w {
                        var r: Float = 0, g: Float = 0, b: Float = 0, a: Float = 0
                        for k in ys.start[y]..<ys.start[y + 1] {
                            let s = (ys.index[k] * w + x) * 4, wt = ys.weight[k]
                            r += src[s] * wt; g += src[s + 1] * wt; b += src[s + 2] * wt; a += src[s + 3] * wt
                        }
                        let o = (y * w + x) * 4
                        if a > 0 {
                            dst[o] = UInt8(min(255, r / a + 0.5))
                            dst[o + 1] = UInt8(min(255, g / a + 0.5))
                            dst[o + 2] = UInt8(min(255, b / a + 0.5))
                        }
                        dst[o + 3] = UInt8(min(255, a + 0.5))
                    }
                }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }

    /// Alpha composited over a background colour; the result is opaque. Opaque images pass through.
    package func composited(over background: (UInt8, UInt8, UInt8)) -> RGBAImage {
        if isOpaque { return self }
        var out = pixels
        let bg = [Int(background.0), Int(background.1), Int(background.2)]
        var i = 0
        while i < out.count {
            let a = Int(out[i + 3])
            if a != 255 {
                for c in 0..<3 { out[i + c] = UInt8((Int(out[i + c]) * a + bg[c] * (255 - a) + 127) / 255) }
                out[i + 3] = 255
            }
            i += 4
        }
        return RGBAImage(width: width, height: height, pixels: out)
    }
}

/// For each output position, the source positions it covers and their share (summing to 1).
struct BoxWeights {
    var start: [Int] = [0]
    var index: [Int] = []
    var weight: [Float] = []

    init(from n: Int, to m: Int) {
        let scale = Double(n) / Double(m)
        for o in 0..<m {
            let lo = Double(o) * scale, hi = lo + scale
            var i = Int(lo)
            while Double(i) < hi && i < n {
                let covered = min(hi, Double(i + 1)) - max(lo, Double(i))
                if covered > 1e-9 {
                    index.append(i)
                    weight.append(Float(covered / scale))
                }
                i += 1
            }
            start.append(index.count)
        }
    }
}
