import Foundation
import Imaging
import Preview
import TerminalUI
import Testing
import TestSupport

/// Our cell grids next to what the chafa command prints for the same picture and settings.
/// Where the picture is unambiguous (solid colour bars) every cell's colour must agree.
@Suite struct ChafaCLIComparisonTests {
    /// The colour a cell shows for a solid area, from chafa's SGR output, row by row.
    static func solidColours(_ text: String) -> [[UInt32]] {
        var rows: [[UInt32]] = []
        for line in text.split(separator: "\n") {
            var row: [UInt32] = []
            var fg: UInt32 = 0, bg: UInt32 = 0, inverse = false
            var i = line.startIndex
            while i < line.endIndex {
                if line[i] == "\u{1B}", let m = line[i...].firstIndex(of: "m") {
                    let params = line[line.index(i, offsetBy: 2)..<m].split(separator: ";").compactMap { UInt32($0) }
                    var k = 0
                    if params.isEmpty { inverse = false }
                    while k < params.count {
                        if params[k] == 0 { inverse = false; k += 1 } else if params[k] == 7 { inverse = true; k += 1 } else if (params[k] == 38 || params[k] == 48), k + 4 < params.count, params[k + 1] == 2 {
                            let v = params[k + 2] << 16 | params[k + 3] << 8 | params[k + 4]
                            if params[k] == 38 { fg = v } else { bg = v }
                            k += 5
                        } else { k += 1 }
                    }
                    i = line.index(after: m)
                    continue
                }
                let ch = line[i]
                if ch != "\u{1B}" && !ch.isNewline { row.append((ch == " ") != inverse ? bg : fg) }
                i = line.index(after: i)
            }
            if !row.isEmpty { rows.append(row) }
        }
        return rows
    }

    @Test func colourBarsMatchTheChafaCommand() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/bars.png"
        try ImageEncoder.encode(Samples.colourBars(barWidth: 16, height: 64), as: .png).write(to: URL(fileURLWithPath: path))
        let chafa = try #require(["/usr/bin/chafa", "/usr/local/bin/chafa"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                 "the chafa command is missing (scripts/install-deps.sh installs it)")
        let r = try await Binary.run(chafa, ["--size", "8x4", "--stretch", "--symbols", "block+space", "--colors", "full",
                                             "-f", "symbols", "--polite", "on", path],
                                     environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"])
        #expect(r.status == 0, "\(r.stderr)")
        let theirs = Self.solidColours(r.stdout)
        let grid = SymbolRenderer().render(Samples.colourBars(barWidth: 16, height: 64), columns: 8, rows: 4, options: PreviewOptions())
        let ours = (0..<4).map { y in (0..<8).map { x -> UInt32 in
            let c = grid[x, y]
            if case .rgb(let v) = (c.character == " " ? c.background : c.foreground) { return v }
            return 0xFFFF_FFFF
        } }
        #expect(theirs == ours, "chafa: \(theirs)\nours: \(ours)")
    }
}
