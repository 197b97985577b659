extension RGBAImage {
    /// Area-average (box) downscale: every source pixel contributes by its covered area, in
    /// premultiplied alpha so transparent pixels do not darken edges. Upscaling falls back to bilinear.
    public func downscaled(toWidth w: Int, height h: Int) -> RGBAImage {
        if w == width && h == height { return self }
        if w > width || h > height { return resized(width: w, height: h) }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        var acc = [Double](repeating: 0, count: w * 4)
        var weights = [Double](repeating: 0, count: w)
        // Precompute horizontal spans: for each output column, the source columns and their weights.
        var spans: [[(Int, Double)]] = []
        for x in 0..<w {
            let x0 = Double(x) * sx, x1 = x0 + sx
            var span: [(Int, Double)] = []
            var c = Int(x0)
            while Double(c) < x1 && c < width {
                span.append((c, min(x1, Double(c + 1)) - max(x0, Double(c))))
                c += 1
            }
            spans.append(span)
        }
        pixels.withUnsafeBufferPointer { src in
            for y in 0..<h {
                for i in 0..<acc.count { acc[i] = 0 }
                for i in 0..<w { weights[i] = 0 }
                let y0 = Double(y) * sy, y1 = y0 + sy
                var r = Int(y0)
                while Double(r) < y1 && r < height {
                    let wy = min(y1, Double(r + 1)) - max(y0, Double(r))
                    let row = r * width * 4
                    for x in 0..<w {
                        for (c, wx) in spans[x] {
                            let k = wx * wy, s = row + c * 4
                            let a = Double(src[s + 3]) / 255
                            acc[x * 4] += Double(src[s]) * a * k
                            acc[x * 4 + 1] += Double(src[s + 1]) * a * k
                            acc[x * 4 + 2] += Double(src[s + 2]) * a * k
                            acc[x * 4 + 3] += a * k
                            weights[x] += k
                        }
                    }
                    r += 1
                }
                for x in 0..<w {
                    let o = (y * w + x) * 4, alpha = acc[x * 4 + 3]
                    if alpha > 0 {
                        out[o] = UInt8(min(255, (acc[x * 4] / alpha).rounded()))
                        out[o + 1] = UInt8(min(255, (acc[x * 4 + 1] / alpha).rounded()))
                        out[o + 2] = UInt8(min(255, (acc[x * 4 + 2] / alpha).rounded()))
                    }
                    out[o + 3] = UInt8(min(255, (alpha / max(weights[x], 1e-9) * 255).rounded()))
                }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }

    /// Alpha composited over a background colour; the result is opaque.
    public func composited(over background: (UInt8, UInt8, UInt8)) -> RGBAImage {
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
