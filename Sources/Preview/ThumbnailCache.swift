import Foundation
import Synchronization
import TerminalUI

/// Rendered cell grids, kept in memory (LRU, bounded in bytes) and on disk in the XDG cache
/// folder, keyed by the image's content, the cell size and the preview options. Safe to delete:
/// a missing or damaged entry is simply rendered again.
package final class ThumbnailCache: Sendable {
    package struct Key: Hashable, Sendable {
        package var content: UInt64
        package var columns: Int
        package var rows: Int
        package var options: PreviewOptions

        var fileName: String {
            // Every option that changes the cells: the cell shape too, so a font change is not
            // answered with a grid drawn for another one.
            let opts = "\(options.colors.rawValue)-\(options.symbols.rawValue)-\(String(options.background, radix: 16))"
                + "-a\(Int((options.cellAspect * 1000).rounded()))" + (options.stretch ? "-stretch" : "")
            return String(format: "%016llx", content) + "-\(columns)x\(rows)-\(opts).cells"
        }
    }

    private struct Memory {
        var grids: [Key: (grid: CellGrid, bytes: Int, used: UInt64)] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    package let folder: URL?
    package let memoryLimit: Int
    private let memory = Mutex(Memory())

    /// `folder` nil keeps the cache in memory only.
    package init(folder: URL?, memoryLimit: Int = 64 << 20) {
        self.folder = folder
        self.memoryLimit = memoryLimit
    }

    package func grid(for key: Key) -> CellGrid? {
        if let hit = memory.withLock({ m -> CellGrid? in
            guard var entry = m.grids[key] else { return nil }
            m.clock += 1
            entry.used = m.clock
            m.grids[key] = entry
            return entry.grid
        }) {
            return hit
        }
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(key.fileName).path),
              let grid = CellGridCoding.decode(data) else { return nil }
        remember(grid, for: key)
        return grid
    }

    package func store(_ grid: CellGrid, for key: Key) {
        remember(grid, for: key)
        guard let folder else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(key.fileName)
        let temp = folder.appendingPathComponent(".\(key.fileName).\(UInt32.random(in: 0...UInt32.max)).tmp")
        if (try? CellGridCoding.encode(grid).write(to: temp)) != nil {
            if rename(temp.path, target.path) != 0 { unlink(temp.path) }
        }
    }

    package var memoryBytes: Int { memory.withLock { $0.bytes } }

    /// The content digest recorded for a file identity (path, size, mtime, inode) by an earlier
    /// run, so an unchanged file need not be read again to find its cache entry.
    package func digest(forIdentity identity: UInt64) -> UInt64? {
        guard let folder, let data = FileManager.default.contents(atPath: Self.identityPath(folder, identity).path),
              data.count == 8 else { return nil }
        return data.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    package func record(digest: UInt64, forIdentity identity: UInt64) {
        guard let folder else { return }
        let target = Self.identityPath(folder, identity)
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        var value = digest
        let temp = target.appendingPathExtension("\(UInt32.random(in: 0...UInt32.max)).tmp")
        if (try? Data(bytes: &value, count: 8).write(to: temp)) != nil, rename(temp.path, target.path) != 0 { unlink(temp.path) }
    }

    private static func identityPath(_ folder: URL, _ identity: UInt64) -> URL {
        folder.appendingPathComponent("ids").appendingPathComponent(String(format: "%016llx", identity))
    }

    private func remember(_ grid: CellGrid, for key: Key) {
        let bytes = grid.cells.count * 24 + 64
        memory.withLock { m in
            m.clock += 1
            if let old = m.grids[key] { m.bytes -= old.bytes }
            m.grids[key] = (grid, bytes, m.clock)
            m.bytes += bytes
            while m.bytes > memoryLimit, let oldest = m.grids.min(by: { $0.value.used < $1.value.used }) {
                m.bytes -= oldest.value.bytes
                m.grids[oldest.key] = nil
            }
        }
    }
}

/// A compact binary form of a cell grid for the disk cache.
enum CellGridCoding {
    static let magic: [UInt8] = Array("DRCG1".utf8)

    static func encode(_ grid: CellGrid) -> Data {
        var out = Data(magic)
        out.reserveCapacity(magic.count + 4 + grid.cells.count * 14)
        append16(&out, grid.width)
        append16(&out, grid.height)
        for cell in grid.cells {
            append32(&out, cell.character.unicodeScalars.first?.value ?? 32)
            appendColor(&out, cell.foreground)
            appendColor(&out, cell.background)
        }
        return out
    }

    static func decode(_ data: Data) -> CellGrid? {
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 4, Array(bytes[0..<magic.count]) == magic else { return nil }
        var i = magic.count
        func u16() -> Int { defer { i += 2 }; return Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32() -> UInt32 {
            defer { i += 4 }
            return UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
        func color() -> TermColor {
            let tag = bytes[i]
            i += 1
            let v = u32()
            switch tag {
            case 1: return .indexed(UInt8(v & 0xFF))
            case 2: return .rgb(v)
            default: return .terminalDefault
            }
        }
        let w = u16(), h = u16()
        guard w > 0, h > 0, bytes.count == magic.count + 4 + w * h * 14 else { return nil }
        var grid = CellGrid(width: w, height: h)
        for k in 0..<(w * h) {
            let scalar = Unicode.Scalar(u32()).map(Character.init) ?? " "
            let fg = color(), bg = color()
            grid.cells[k] = Cell(scalar, foreground: fg, background: bg)
        }
        return grid
    }

    private static func append16(_ d: inout Data, _ v: Int) { d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8 & 0xFF)) }
    private static func append32(_ d: inout Data, _ v: UInt32) {
        d.append(UInt8(v & 0xFF)); d.append(UInt8(v >> 8 & 0xFF)); d.append(UInt8(v >> 16 & 0xFF)); d.append(UInt8(v >> 24))
    }
    private static func appendColor(_ d: inout Data, _ c: TermColor) {
        switch c {
        case .terminalDefault: d.append(0); append32(&d, 0)
        case .indexed(let i): d.append(1); append32(&d, UInt32(i))
        case .rgb(let v): d.append(2); append32(&d, v)
        }
    }
}

/// A fast 64-bit digest of file content (8 bytes a step, multiply-xorshift mixing).
package enum ContentDigest {
    package static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
            }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x94D0_49BB_1331_11EB }
            return h ^ (h >> 29)
        }
    }
}
