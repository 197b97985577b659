import Imaging

/// How the inputs of a request shape the picture: img2img blends the seed image by strength,
/// a mask confines the change to its white area, outpaint keeps the seed image inside the margins.
enum InputCompositor {
    struct Inputs {
        var seed: RGBAImage?
        var mask: RGBAImage?
        var strength: Double
        var outpaint: (top: Int, right: Int, bottom: Int, left: Int)?
    }

    static func apply(_ generated: RGBAImage, _ inputs: Inputs) -> RGBAImage {
        guard let seed = inputs.seed else { return generated }
        let w = generated.width, h = generated.height
        var out = generated
        if let margins = inputs.outpaint {
            let innerW = max(1, w - margins.left - margins.right), innerH = max(1, h - margins.top - margins.bottom)
            let inner = seed.resized(width: innerW, height: innerH)
            for y in 0..<innerH where y + margins.top < h {
                for x in 0..<innerW where x + margins.left < w {
                    let s = (y * innerW + x) * 4, d = ((y + margins.top) * w + x + margins.left) * 4
                    out.pixels[d] = inner.pixels[s]; out.pixels[d + 1] = inner.pixels[s + 1]
                    out.pixels[d + 2] = inner.pixels[s + 2]; out.pixels[d + 3] = 255
                }
            }
            return out
        }
        let base = seed.resized(width: w, height: h)
        let mask = inputs.mask?.resized(width: w, height: h)
        let k = max(0, min(1, inputs.strength))
        out.pixels.withUnsafeMutableBufferPointer { o in
            base.pixels.withUnsafeBufferPointer { b in
                var i = 0
                while i < o.count {
                    var inside = true
                    if let mask {
                        let luminance = (Int(mask.pixels[i]) * 3 + Int(mask.pixels[i + 1]) * 6 + Int(mask.pixels[i + 2])) / 10
                        inside = luminance > 127
                    }
                    if inside {
                        for c in 0..<3 { o[i + c] = UInt8(Double(b[i + c]) * (1 - k) + Double(o[i + c]) * k) }
                        o[i + 3] = max(o[i + 3], b[i + 3])
                    } else {
                        for c in 0..<4 { o[i + c] = b[i + c] }
                    }
                    i += 4
                }
            }
        }
        return out
    }
}
