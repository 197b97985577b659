import CWebP
import Foundation

/// The two texts Darkroom keeps in every image, in each format's standard place:
/// - PNG: `parameters` and `runware-task` text chunks (tEXt or iTXt).
/// - JPEG: the parameters in EXIF UserComment (APP1 `Exif`), the task in an XMP packet (APP1).
/// - WEBP: the same EXIF and XMP payloads in the RIFF `EXIF` and `XMP ` chunks.
package enum ImageText {
    package static let parametersKey = "parameters"
    package static let taskKey = "runware-task"

    /// The most of one text that is read, in bytes of UTF-8 (1 MiB): a `parameters` text holds
    /// two prompts of 3,000 characters and a line of fields, a `runware-task` text one request.
    /// A longer text is cut to this (a cut task no longer parses, and `parameters` is read instead);
    /// a compressed one is inflated no further.
    package static let maxTextBytes = 1 << 20

    package static func embed(parameters: String, task: String, into data: Data) throws -> Data {
        switch ImageFormat.detect(data) {
        case .png: return try PNGText.insert([(parametersKey, parameters), (taskKey, task)], into: data)
        case .jpeg: return try JPEGSegments.insert([ExifComment.segmentPayload(parameters), XMPTask.segmentPayload(task)], into: data)
        case .webp: return try WebPChunks.set(["EXIF": ExifComment.tiff(parameters), "XMP ": Data(XMPTask.packet(task).utf8)], in: data)
        case nil: throw ImageCodecError.notAnImage
        }
    }

    /// Keyword to text, whatever the format (`parameters`, `runware-task`), each at most
    /// `maxTextBytes`.
    package static func read(_ data: Data) -> [String: String] {
        readNotingCuts(data).texts
    }

    /// `read`'s texts, and the keywords of those the file holds more of than `maxTextBytes`, so
    /// that a reader can say what was cut.
    package static func readNotingCuts(_ data: Data) -> (texts: [String: String], cut: Set<String>) {
        let (uncapped, cutAlready) = readUncapped(data)
        let cut = cutAlready.union(uncapped.filter { $0.value.utf8.count > maxTextBytes }.keys)
        return (uncapped.mapValues(capped), cut)
    }

    /// What a reader says of the texts Darkroom reads (`parameters`, `runware-task`) that were
    /// cut; nil when none was.
    package static func cutNote(_ cut: Set<String>) -> String? {
        let named = [parametersKey, taskKey].filter(cut.contains)
        guard !named.isEmpty else { return nil }
        let texts = named.map { "\($0)" }.joined(separator: " and ")
        return "the image's \(texts) text\(named.count == 1 ? " was" : "s were") read to \(named.count == 1 ? "its" : "their") first "
            + "\(maxTextBytes >> 20) MiB (the file holds more)"
    }

    /// `text` cut to `maxTextBytes` of UTF-8 at a character's end.
    static func capped(_ text: String) -> String {
        text.utf8.count <= maxTextBytes ? text : utf8Prefix(Array(text.utf8)[...])
    }

    /// The longest start of UTF-8 `bytes` of at most `maxTextBytes` that ends where a character does.
    static func utf8Prefix(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.count > maxTextBytes else { return String(decoding: bytes, as: UTF8.self) }
        var end = bytes.startIndex + maxTextBytes
        // Back off continuation bytes (10xxxxxx) so no character is cut in half.
        while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// The texts as the format's reader gives them (longer than `maxTextBytes` when the file's
    /// are), and the keywords the reader already cut (PNG's compressed texts are inflated no further).
    private static func readUncapped(_ data: Data) -> (texts: [String: String], cut: Set<String>) {
        switch ImageFormat.detect(data) {
        case .png: return PNGText.texts(data)
        case .jpeg:
            var texts: [String: String] = [:]
            for payload in JPEGSegments.app1(data) {
                if let p = ExifComment.read(segmentPayload: payload) { texts[parametersKey] = p }
                if let t = XMPTask.read(segmentPayload: payload) { texts[taskKey] = t }
            }
            return (texts, [])
        case .webp:
            var texts: [String: String] = [:]
            if let exif = WebPChunks.get("EXIF", in: data), let p = ExifComment.read(tiff: exif) { texts[parametersKey] = p }
            if let xmp = WebPChunks.get("XMP ", in: data), let t = XMPTask.read(packet: String(decoding: xmp, as: UTF8.self)) {
                texts[taskKey] = t
            }
            return (texts, [])
        case nil: return ([:], [])
        }
    }
}

/// JPEG APP1 segments inserted right after SOI, and read back.
enum JPEGSegments {
    static func insert(_ payloads: [Data], into jpeg: Data) throws -> Data {
        let b = [UInt8](jpeg)
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { throw ImageCodecError.corrupt(.jpeg, "no SOI marker") }
        var out: [UInt8] = [0xFF, 0xD8]
        for payload in payloads where payload.count + 2 <= 0xFFFF {
            let length = payload.count + 2
            out += [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        out += b[2...]
        return Data(out)
    }

    /// The payloads of every APP1 segment before the image data.
    static func app1(_ jpeg: Data) -> [Data] {
        let b = [UInt8](jpeg)
        var i = 2, out: [Data] = []
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xDA || marker == 0xD9 { break }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { break }
            if marker == 0xE1 { out.append(Data(b[(i + 4)..<(i + 2 + length)])) }
            i += 2 + length
        }
        return out
    }
}

/// A minimal big-endian EXIF block holding only UserComment ("UNICODE" + UTF-16).
enum ExifComment {
    static let header = Array("Exif".utf8) + [0, 0]

    static func segmentPayload(_ text: String) -> Data { Data(header) + tiff(text) }

    static func tiff(_ text: String) -> Data {
        let comment = Array("UNICODE".utf8) + [0] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        // Header (8) | IFD0: 1 entry (2 + 12 + 4) at 8 | Exif IFD: 1 entry at 26 | comment at 44.
        var t: [UInt8] = Array("MM".utf8) + u16(42) + u32(8)
        t += u16(1) + u16(0x8769) + u16(4) + u32(1) + u32(26) + u32(0)
        t += u16(1) + u16(0x9286) + u16(7) + u32(comment.count) + u32(44) + u32(0)
        return Data(t + comment)
    }

    static func read(segmentPayload p: Data) -> String? {
        guard p.count > 6, [UInt8](p.prefix(6)) == header else { return nil }
        return read(tiff: p.dropFirst(6))
    }

    /// Finds UserComment through IFD0's Exif pointer, in either byte order.
    static func read(tiff data: Data) -> String? {
        let t = [UInt8](data)
        guard t.count >= 8 else { return nil }
        let big = t[0] == 0x4D
        func u16(_ i: Int) -> Int { i + 2 <= t.count ? (big ? Int(t[i]) << 8 | Int(t[i + 1]) : Int(t[i + 1]) << 8 | Int(t[i])) : 0 }
        func u32(_ i: Int) -> Int { big ? u16(i) << 16 | u16(i + 2) : u16(i + 2) << 16 | u16(i) }
        func entry(_ ifd: Int, _ tag: Int) -> (count: Int, value: Int)? {
            let n = u16(ifd)
            for k in 0..<n {
                let e = ifd + 2 + k * 12
                if u16(e) == tag { return (u32(e + 4), u32(e + 8)) }
            }
            return nil
        }
        guard let exif = entry(u32(4), 0x8769), let c = entry(exif.value, 0x9286), c.count >= 8,
              c.value + c.count <= t.count else { return nil }
        // UTF-16 takes at most twice the bytes of UTF-8 for the same text: enough for the cap,
        // and one unit more, so a longer comment reads longer than the cap and is said to be cut.
        let bytes = Array(t[c.value..<(c.value + min(c.count, 8 + 2 * (ImageText.maxTextBytes + 1)))])
        let body = Array(bytes[8...])
        if bytes.starts(with: Array("UNICODE".utf8)) {
            var units: [UInt16] = []
            var k = 0
            while k + 1 < body.count {
                let hi = UInt16(body[big ? k : k + 1]), lo = UInt16(body[big ? k + 1 : k])
                units.append(hi << 8 | lo)
                k += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(decoding: body, as: UTF8.self).trimmingCharacters(in: .controlCharacters)
    }
}

/// An XMP packet carrying the task JSON in `darkroom:runwareTask`.
enum XMPTask {
    static let namespace = "http://ns.adobe.com/xap/1.0/\0"

    static func segmentPayload(_ task: String) -> Data { Data(namespace.utf8) + Data(packet(task).utf8) }

    static func packet(_ task: String) -> String {
        let escaped = task.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">\
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" \
            xmlns:darkroom="https://github.com/darkroom/ns/1.0/"><darkroom:runwareTask>\(escaped)</darkroom:runwareTask>\
            </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>
            """
    }

    static func read(segmentPayload p: Data) -> String? {
        let ns = Data(namespace.utf8)
        guard p.starts(with: ns) else { return nil }
        return read(packet: String(decoding: p.dropFirst(ns.count), as: UTF8.self))
    }

    static func read(packet: String) -> String? {
        guard let open = packet.range(of: "<darkroom:runwareTask>"),
              let close = packet.range(of: "</darkroom:runwareTask>", range: open.upperBound..<packet.endIndex) else { return nil }
        return String(packet[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// RIFF chunks of a WEBP file through libwebpmux (which writes the VP8X header they need).
enum WebPChunks {
    static func set(_ chunks: [String: Data], in webp: Data) throws -> Data {
        try webp.withUnsafeBytes { raw -> Data in
            var input = WebPData(bytes: raw.bindMemory(to: UInt8.self).baseAddress, size: raw.count)
            guard let mux = WebPMuxCreate(&input, 1) else { throw ImageCodecError.corrupt(.webp, "not a WEBP container") }
            defer { WebPMuxDelete(mux) }
            for (fourcc, payload) in chunks.sorted(by: { $0.key < $1.key }) {
                let rc = payload.withUnsafeBytes { p -> WebPMuxError in
                    var chunk = WebPData(bytes: p.bindMemory(to: UInt8.self).baseAddress, size: p.count)
                    return WebPMuxSetChunk(mux, fourcc, &chunk, 1)
                }
                guard rc == WEBP_MUX_OK else { throw ImageCodecError.encodeFailed(.webp, "metadata chunk \(fourcc)") }
            }
            var output = WebPData()
            guard WebPMuxAssemble(mux, &output) == WEBP_MUX_OK, let bytes = output.bytes else {
                throw ImageCodecError.encodeFailed(.webp, "assembling the file")
            }
            defer { WebPDataClear(&output) }
            return Data(bytes: bytes, count: output.size)
        }
    }

    static func get(_ fourcc: String, in webp: Data) -> Data? {
        webp.withUnsafeBytes { raw -> Data? in
            var input = WebPData(bytes: raw.bindMemory(to: UInt8.self).baseAddress, size: raw.count)
            guard let mux = WebPMuxCreate(&input, 0) else { return nil }
            defer { WebPMuxDelete(mux) }
            var chunk = WebPData()
            guard WebPMuxGetChunk(mux, fourcc, &chunk) == WEBP_MUX_OK, let bytes = chunk.bytes else { return nil }
            return Data(bytes: bytes, count: chunk.size)
        }
    }
}
