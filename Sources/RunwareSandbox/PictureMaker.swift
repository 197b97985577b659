import Imaging

/// What decides a sandbox picture. Equal recipes give identical pixels.
package struct PictureRecipe: Sendable, Hashable {
    package var width: Int
    package var height: Int
    package var seed: UInt64
    package var prompt: String
    /// A digest of every other parameter (LoRAs, CFGScale, steps...), so each one visibly matters.
    package var parameterDigest: UInt64
    /// LayerDiffuse: a transparent background.
    package var transparent: Bool

    package init(width: Int, height: Int, seed: UInt64, prompt: String, parameterDigest: UInt64 = 0, transparent: Bool = false) {
        self.width = width
        self.height = height
        self.seed = seed
        self.prompt = prompt
        self.parameterDigest = parameterDigest
        self.transparent = transparent
    }
}

/// Makes pictures without a model: the prompt picks the palette, the seed the composition, the
/// other parameters a diagonal texture. Linear in pixels, no allocation per pixel.
package enum PictureMaker {
    package static func make(_ recipe: PictureRecipe) -> RGBAImage {
        let w = recipe.width, h = recipe.height
        var pixels = [UInt8](repeating: 0, count: w * h * 4)
        var rng = SplitMix64(seed: recipe.seed &* 0x9E37_79B9_7F4A_7C15 ^ recipe.parameterDigest)
        let hue = Float(Digest.fnv1a(recipe.prompt) % 360)
        let top = hsv(hue, 0.55, 0.22), bottom = hsv(hue + 45, 0.65, 0.75)
        let stripe = 12 + Int(recipe.parameterDigest % 40)
        let stripeShift = Int((recipe.parameterDigest >> 8) % 64)
        let alpha: UInt8 = recipe.transparent ? 0 : 255

        pixels.withUnsafeMutableBufferPointer { px in
            for y in 0..<h {
                let t = h > 1 ? Float(y) / Float(h - 1) : 0
                let r = top.0 + (bottom.0 - top.0) * t
                let g = top.1 + (bottom.1 - top.1) * t
                let b = top.2 + (bottom.2 - top.2) * t
                var o = y * w * 4
                for x in 0..<w {
                    let band: Float = ((x + y + stripeShift) / stripe) & 1 == 0 ? 1.0 : 0.9
                    px[o] = UInt8(r * band * 255)
                    px[o + 1] = UInt8(g * band * 255)
                    px[o + 2] = UInt8(b * band * 255)
                    px[o + 3] = alpha
                    o += 4
                }
            }
            let blobs = 3 + Int(rng.next() % 4)
            let side = Float(min(w, h))
            for _ in 0..<blobs {
                let cx = Float(rng.unit()) * Float(w), cy = Float(rng.unit()) * Float(h)
                let radius = side * (0.12 + 0.25 * Float(rng.unit()))
                let color = hsv(hue + Float(rng.unit()) * 160 - 80, 0.5 + 0.4 * Float(rng.unit()), 0.55 + 0.45 * Float(rng.unit()))
                blob(px, w, h, cx, cy, radius, color, transparent: recipe.transparent)
            }
        }
        return RGBAImage(width: w, height: h, pixels: pixels)
    }

    private static func blob(_ px: UnsafeMutableBufferPointer<UInt8>, _ w: Int, _ h: Int, _ cx: Float, _ cy: Float,
                             _ radius: Float, _ color: (Float, Float, Float), transparent: Bool) {
        let x0 = max(0, Int(cx - radius)), x1 = min(w - 1, Int(cx + radius))
        let y0 = max(0, Int(cy - radius)), y1 = min(h - 1, Int(cy + radius))
        guard x0 <= x1, y0 <= y1 else { return }
        let r2 = radius * radius
        let cr = color.0 * 255, cg = color.1 * 255, cb = color.2 * 255
        for y in y0...y1 {
            let dy = Float(y) - cy
            var o = (y * w + x0) * 4
            for x in x0...x1 {
                let dx = Float(x) - cx
                let d2 = dx * dx + dy * dy
                if d2 < r2 {
                    let k = 1 - d2 / r2
                    let a = min(1, k * 2.2) * 0.92
                    px[o] = UInt8(Float(px[o]) + (cr - Float(px[o])) * a)
                    px[o + 1] = UInt8(Float(px[o + 1]) + (cg - Float(px[o + 1])) * a)
                    px[o + 2] = UInt8(Float(px[o + 2]) + (cb - Float(px[o + 2])) * a)
                    if transparent { px[o + 3] = max(px[o + 3], UInt8(min(1, k * 3) * 255)) }
                }
                o += 4
            }
        }
    }

    static func hsv(_ hue: Float, _ s: Float, _ v: Float) -> (Float, Float, Float) {
        var h = hue.truncatingRemainder(dividingBy: 360)
        if h < 0 { h += 360 }
        let c = v * s, hp = h / 60, x = c * (1 - abs(hp.truncatingRemainder(dividingBy: 2) - 1)), m = v - c
        let (r, g, b): (Float, Float, Float)
        switch Int(hp) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        return (r + m, g + m, b + m)
    }
}

/// Deterministic pseudo-random numbers (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

enum Digest {
    static func fnv1a(_ s: String) -> UInt64 { fnv1a(Array(s.utf8)) }
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
