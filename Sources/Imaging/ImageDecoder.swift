import CSpng
import CTurboJPEG
import CWebP
import Foundation

package enum ImageDecoder {
    /// 64 megapixels: far above what the API makes (2048x2048 x 4x upscale = 67M is the extreme).
    package static let defaultMaxPixels = 8192 * 8192

    /// Width and height from the header alone, without decoding pixels.
    package static func dimensions(_ data: Data) throws -> (width: Int, height: Int) {
        switch ImageFormat.detect(data) {
        case .jpeg: return try JPEGCodec.dimensions(data)
        case .png: return try PNGCodec.dimensions(data)
        case .webp: return try WebPCodec.dimensions(data)
        case nil: throw ImageCodecError.notAnImage
        }
    }

    /// Decodes any supported format to RGBA, refusing images over `maxPixels` before decoding.
    package static func decode(_ data: Data, maxPixels: Int = defaultMaxPixels) throws -> RGBAImage {
        let (w, h) = try dimensions(data)
        guard w > 0, h > 0 else { throw ImageCodecError.corrupt(ImageFormat.detect(data) ?? .png, "zero size") }
        if w * h > maxPixels { throw ImageCodecError.tooManyPixels(width: w, height: h, limit: maxPixels) }
        switch ImageFormat.detect(data)! {
        case .jpeg: return try JPEGCodec.decode(data, width: w, height: h)
        case .png: return try PNGCodec.decode(data, width: w, height: h)
        case .webp: return try WebPCodec.decode(data)
        }
    }
}

package enum ImageEncoder {
    /// The smallest PNG of the picture (slower to make): for pictures sent to a terminal.
    package static func compactPNG(_ image: RGBAImage) throws -> Data { try PNGCodec.encode(image, compact: true) }

    /// `quality` 1-100 applies to JPEG and WEBP; PNG is lossless.
    package static func encode(_ image: RGBAImage, as format: ImageFormat, quality: Int = 95) throws -> Data {
        switch format {
        case .jpeg: return try JPEGCodec.encode(image, quality: quality)
        case .png: return try PNGCodec.encode(image)
        case .webp: return try WebPCodec.encode(image, quality: quality)
        }
    }
}
