extension RGBAImage {
    /// Bilinear resampling to any size; for the sandbox's blends and previews of inputs.
    package func resized(width w: Int, height h: Int) -> RGBAImage {
        if w == width && h == height { return self }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    let fy = max(0, (Double(y) + 0.5) * sy - 0.5)
                    let y0 = min(Int(fy), height - 1), y1 = min(y0 + 1, height - 1)
                    let ty = fy - Double(y0)
                    for x in 0..<w {
                        let fx = max(0, (Double(x) + 0.5) * sx - 0.5)
                        let x0 = min(Int(fx), width - 1), x1 = min(x0 + 1, width - 1)
                        let tx = fx - Double(x0)
                        let o = (y * w + x) * 4
                        for c in 0..<4 {
                            let a = Double(src[(y0 * width + x0) * 4 + c]), b = Double(src[(y0 * width + x1) * 4 + c])
                            let cc = Double(src[(y1 * width + x0) * 4 + c]), d = Double(src[(y1 * width + x1) * 4 + c])
                            let top = a + (b - a) * tx, bottom = cc + (d - cc) * tx
                            dst[o + c] = UInt8(max(0, min(255, (top + (bottom - top) * ty).rounded())))
                        }
                    }
                }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }
}
