import Foundation

/// Text chunks in PNG files, without re-encoding the pixels: chunks are inserted right after
/// IHDR and read back from any PNG. Latin-1 text goes in tEXt, anything else in UTF-8 iTXt.
package enum PNGText {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    package static func insert(_ texts: [(keyword: String, text: String)], into png: Data) throws -> Data {
        let bytes = [UInt8](png)
        guard bytes.count > 33, Array(bytes[0..<8]) == signature, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else {
            throw ImageCodecError.corrupt(.png, "no IHDR chunk")
        }
        let ihdrEnd = 8 + 4 + 4 + Int(be32(bytes, 8)) + 4
        var out = Array(bytes[0..<ihdrEnd])
        for (keyword, text) in texts {
            let key = Array(keyword.utf8.prefix(79))
            let latin1 = text.unicodeScalars.allSatisfy { $0.value < 256 && $0.value != 0 }
            let body: [UInt8] = latin1
                ? key + [0] + text.unicodeScalars.map { UInt8($0.value) }
                : key + [0, 0, 0, 0, 0] + Array(text.utf8)  // iTXt: no compression, no language, no translation
            out += chunk(latin1 ? "tEXt" : "iTXt", body)
        }
        out += bytes[ihdrEnd...]
        return Data(out)
    }

    /// Every text chunk (tEXt, zTXt, iTXt), keyword to text, each cut to `ImageText.maxTextBytes`.
    /// Compressed texts are inflated only for the keywords Darkroom reads (`parameters`,
    /// `runware-task`) and only that far, at most `inflateBudget` bytes a file: a zTXt chunk
    /// that inflates to a gigabyte costs a megabyte.
    package static func read(_ png: Data) -> [String: String] {
        texts(png).texts
    }

    /// `read`'s texts, and the keywords of those the file holds more of than was read.
    static func texts(_ png: Data) -> (texts: [String: String], cut: Set<String>) {
        let bytes = [UInt8](png)
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { return ([:], []) }
        var texts: [String: String] = [:]
        var cut: Set<String> = []
        var budget = inflateBudget
        var i = 8
        while i + 12 <= bytes.count {
            let length = Int(be32(bytes, i))
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let start = i + 8, end = start + length
            guard end + 4 <= bytes.count else { break }
            if let found = text(type, bytes[start..<end], budget: &budget) {
                texts[found.keyword] = found.text
                if found.cut { cut.insert(found.keyword) } else { cut.remove(found.keyword) }
            }
            if type == "IEND" { break }
            i = end + 4
        }
        return (texts, cut)
    }

    /// All the compressed text one file may inflate: the two texts Darkroom reads, whole.
    static let inflateBudget = 2 * ImageText.maxTextBytes

    /// The keyword and text of a text chunk's data, and whether the chunk holds more than was
    /// read; nil for other chunks and damaged ones.
    static func text(_ type: String, _ data: ArraySlice<UInt8>, budget: inout Int) -> (keyword: String, text: String, cut: Bool)? {
        guard ["tEXt", "zTXt", "iTXt"].contains(type), let zero = data.prefix(80).firstIndex(of: 0) else { return nil }
        let keyword = String(decoding: data[data.startIndex..<zero], as: UTF8.self)
        let body = data[(zero + 1)...]
        let wanted = keyword == ImageText.parametersKey || keyword == ImageText.taskKey
        func inflated(_ stream: ArraySlice<UInt8>) -> (bytes: [UInt8], cut: Bool)? {
            guard wanted, budget > 0, let found = BoundedInflate.prefix(of: stream, limit: min(budget, ImageText.maxTextBytes)) else {
                return nil
            }
            budget -= found.bytes.count
            return found
        }
        switch type {
        case "tEXt":
            return (keyword, latin1(body.prefix(ImageText.maxTextBytes)), body.count > ImageText.maxTextBytes)
        case "zTXt":
            // Compression method (0, deflate), then the zlib stream.
            guard body.first == 0, let text = inflated(body.dropFirst()) else { return nil }
            return (keyword, latin1(text.bytes[...]), text.cut)
        default:
            // iTXt: compression flag and method, language tag, translated keyword, then the text.
            guard body.count >= 2, body[body.startIndex + 1] == 0 else { return nil }
            let compressed = body[body.startIndex] == 1
            var j = body.startIndex + 2
            for _ in 0..<2 {
                guard let end = body[j...].firstIndex(of: 0) else { return nil }
                j = end + 1
            }
            let rest = body[j...]
            if !compressed { return (keyword, ImageText.utf8Prefix(rest), rest.count > ImageText.maxTextBytes) }
            guard let text = inflated(rest) else { return nil }
            return (keyword, ImageText.utf8Prefix(text.bytes[...]), text.cut)
        }
    }

    /// Bytes as ISO 8859-1, the encoding of tEXt and zTXt (each byte is its own code point).
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.lazy.map { UInt16($0) }, as: UTF16.self)
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return be(UInt32(body.count)) + typeBytes + body + be(crc32(typeBytes + body))
    }

    static func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }
}
