import CTurboJPEG
import Foundation

/// JPEG through libturbojpeg.
enum JPEGCodec {
    /// Flags of every decode. A progressive file can repeat one scan thousands of times (a 176 KB
    /// file took 7 s): libjpeg-turbo stops at the first warning ("Inconsistent progression
    /// sequence") and after 500 scans. A file that warns was refused anyway (see `decode`), so
    /// stopping early only saves the time; valid files that warn are refused as before.
    static let decodeFlags = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS

    static func dimensions(_ data: Data) throws -> (width: Int, height: Int) {
        guard let tj = tjInitDecompress() else { throw ImageCodecError.corrupt(.jpeg, "turbojpeg init failed") }
        defer { tjDestroy(tj) }
        var w: Int32 = 0, h: Int32 = 0, sub: Int32 = 0, cs: Int32 = 0
        let rc = data.withUnsafeBytes { raw in
            tjDecompressHeader3(tj, raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), &w, &h, &sub, &cs)
        }
        if rc != 0 { throw ImageCodecError.corrupt(.jpeg, String(cString: tjGetErrorStr2(tj))) }
        return (Int(w), Int(h))
    }

    static func decode(_ data: Data, width: Int, height: Int) throws -> RGBAImage {
        guard let tj = tjInitDecompress() else { throw ImageCodecError.corrupt(.jpeg, "turbojpeg init failed") }
        defer { tjDestroy(tj) }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let rc = data.withUnsafeBytes { raw in
            pixels.withUnsafeMutableBufferPointer { out in
                tjDecompress2(tj, raw.bindMemory(to: UInt8.self).baseAddress, UInt(raw.count), out.baseAddress,
                              Int32(width), Int32(width * 4), Int32(height), Int32(TJPF_RGBA.rawValue), decodeFlags)
            }
        }
        // A warning such as "premature end of JPEG file" means a damaged file: refuse it too.
        if rc != 0 {
            throw ImageCodecError.corrupt(.jpeg, String(cString: tjGetErrorStr2(tj)))
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    static func encode(_ image: RGBAImage, quality: Int) throws -> Data {
        guard let tj = tjInitCompress() else { throw ImageCodecError.encodeFailed(.jpeg, "turbojpeg init failed") }
        defer { tjDestroy(tj) }
        var out: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let rc = image.pixels.withUnsafeBufferPointer { px in
            tjCompress2(tj, px.baseAddress, Int32(image.width), Int32(image.width * 4), Int32(image.height),
                        Int32(TJPF_RGBA.rawValue), &out, &size, Int32(TJSAMP_420.rawValue),
                        Int32(max(1, min(100, quality))), 0)
        }
        defer { tjFree(out) }
        guard rc == 0, let out else { throw ImageCodecError.encodeFailed(.jpeg, String(cString: tjGetErrorStr2(tj))) }
        return Data(bytes: out, count: Int(size))
    }
}
