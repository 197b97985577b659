import Foundation

/// kitty's graphics protocol, written by Darkroom itself: a picture goes once, as PNG (`f=100`),
/// under an image id, and is placed again later by that id alone. Every command has `q=2`, so
/// kitty answers nothing (answers would arrive as keys). See kitty's "Terminal graphics protocol".
package enum KittyGraphics {
    /// The most base64 one command may carry (the protocol's limit).
    static let chunkSize = 4096

    /// Sends `png` and shows it at the cursor at its own pixel size, so it is never stretched to
    /// whole cells. With an `id` the picture stays in kitty's memory for `place(id:)`.
    package static func transmit(png: Data, id: UInt32? = nil, placement: UInt32? = nil) -> [UInt8] {
        var keys = "a=T,f=100,q=2"
        if let id { keys += ",i=\(id)" }
        if let placement { keys += ",p=\(placement)" }
        return commands(keys, payload: Array(png.base64EncodedString().utf8))
    }

    /// Shows a picture kitty already holds at the cursor; the same `placement` of the same image
    /// moves instead of adding a copy.
    package static func place(id: UInt32, placement: UInt32? = nil) -> [UInt8] {
        var keys = "a=p,q=2,i=\(id)"
        if let placement { keys += ",p=\(placement)" }
        return command(keys)
    }

    /// Takes the picture's placements off the screen; kitty keeps the picture for `place(id:)`.
    package static func hide(id: UInt32) -> [UInt8] { command("a=d,d=i,q=2,i=\(id)") }

    /// Takes the picture off the screen and out of kitty's memory.
    package static func free(id: UInt32) -> [UInt8] { command("a=d,d=I,q=2,i=\(id)") }

    static func command(_ keys: String) -> [UInt8] { Array("\u{1B}_G\(keys)\u{1B}\\".utf8) }

    /// One command, or a chunked series: each chunk is a multiple of four base64 characters except
    /// the last, and only the first carries the keys (`m=1` while more follow).
    static func commands(_ keys: String, payload: [UInt8]) -> [UInt8] {
        guard payload.count > chunkSize else { return Array("\u{1B}_G\(keys);".utf8) + payload + Array("\u{1B}\\".utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + payload.count / chunkSize * 16 + keys.utf8.count)
        var start = 0
        while start < payload.count {
            let end = min(payload.count, start + chunkSize)
            let more = end < payload.count ? 1 : 0
            let head = start == 0 ? "\(keys),m=\(more)" : "m=\(more)"
            out += Array("\u{1B}_G\(head);".utf8)
            out += payload[start..<end]
            out += Array("\u{1B}\\".utf8)
            start = end
        }
        return out
    }
}

extension KittyGraphics {
    /// Sends `png` with a virtual placement of `columns` x `rows` cells (`U=1`): nothing shows
    /// until placeholder text for `id` is written (`KittyPlaceholders`); kitty fits the picture
    /// into those cells, keeping its aspect.
    package static func transmitForPlaceholders(png: Data, id: UInt32, columns: Int, rows: Int) -> [UInt8] {
        commands("a=T,f=100,q=2,U=1,i=\(id),c=\(columns),r=\(rows)", payload: Array(png.base64EncodedString().utf8))
    }
}
