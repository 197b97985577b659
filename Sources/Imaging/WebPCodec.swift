import CWebP
import Foundation

/// WEBP through libwebp (method 0: the fastest encoder setting; quality still applies).
enum WebPCodec {
    static func dimensions(_ data: Data) throws -> (width: Int, height: Int) {
        var w: Int32 = 0, h: Int32 = 0
        let ok = data.withUnsafeBytes { raw in
            WebPGetInfo(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &w, &h)
        }
        if ok == 0 { throw ImageCodecError.corrupt(.webp, "unreadable header") }
        return (Int(w), Int(h))
    }

    static func decode(_ data: Data) throws -> RGBAImage {
        var w: Int32 = 0, h: Int32 = 0
        let decoded = data.withUnsafeBytes { raw in
            WebPDecodeRGBA(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &w, &h)
        }
        guard let decoded else { throw ImageCodecError.corrupt(.webp, "decoding failed") }
        defer { WebPFree(decoded) }
        let count = Int(w) * Int(h) * 4
        return RGBAImage(width: Int(w), height: Int(h), pixels: Array(UnsafeBufferPointer(start: decoded, count: count)))
    }

    static func encode(_ image: RGBAImage, quality: Int) throws -> Data {
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw ImageCodecError.encodeFailed(.webp, "config") }
        config.quality = Float(max(0, min(100, quality)))
        config.method = 0
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw ImageCodecError.encodeFailed(.webp, "picture") }
        picture.use_argb = 1
        picture.width = Int32(image.width)
        picture.height = Int32(image.height)
        defer { WebPPictureFree(&picture) }
        let imported = image.pixels.withUnsafeBufferPointer { px in
            image.isOpaque
                ? WebPPictureImportRGBX(&picture, px.baseAddress, Int32(image.width * 4))
                : WebPPictureImportRGBA(&picture, px.baseAddress, Int32(image.width * 4))
        }
        guard imported != 0 else { throw ImageCodecError.encodeFailed(.webp, "import") }
        var writer = WebPMemoryWriter()
        WebPMemoryWriterInit(&writer)
        defer { WebPMemoryWriterClear(&writer) }
        let ok = withUnsafeMutablePointer(to: &writer) { w -> Int32 in
            picture.writer = WebPMemoryWrite
            picture.custom_ptr = UnsafeMutableRawPointer(w)
            return WebPEncode(&config, &picture)
        }
        guard ok != 0, let mem = writer.mem else {
            throw ImageCodecError.encodeFailed(.webp, "error code \(picture.error_code.rawValue)")
        }
        return Data(bytes: mem, count: writer.size)
    }
}
