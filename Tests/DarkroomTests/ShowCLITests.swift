import Foundation
import Imaging
import Testing
import TestSupport

/// `darkroom show` as a person sees it: in tmux (capture-pane), and piped.
@Suite(.serialized) struct ShowCLITests {
    static let darkroom = Binary.product("darkroom")

    /// Three good pictures and four that cannot be shown.
    static func files(in folder: TempFolder) throws -> [String] {
        var paths: [String] = []
        for (i, format) in ImageFormat.allCases.enumerated() {
            var img = RGBAImage(width: 256, height: 256, fill: (UInt8(60 * i), 120, 200, 255))
            for y in 100..<150 { for x in 100..<150 { let p = (y * 256 + x) * 4; img.pixels[p] = 255; img.pixels[p + 1] = 0; img.pixels[p + 2] = 0 } }
            let path = folder.path + "/good\(i).\(format.fileExtension)"
            try ImageEncoder.encode(img, as: format, quality: 90).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let jpeg = try ImageEncoder.encode(RGBAImage(width: 256, height: 256, fill: (9, 9, 9, 255)), as: .jpeg)
        try jpeg.prefix(jpeg.count / 2).write(to: URL(fileURLWithPath: folder.path + "/cut.jpg"))
        try Data().write(to: URL(fileURLWithPath: folder.path + "/empty.png"))
        try Data("just text".utf8).write(to: URL(fileURLWithPath: folder.path + "/notes.webp"))
        try bombPNG().write(to: URL(fileURLWithPath: folder.path + "/bomb.png"))
        return paths + [folder.path + "/cut.jpg", folder.path + "/empty.png", folder.path + "/notes.webp", folder.path + "/missing.png",
                        folder.path + "/bomb.png"]
    }

    /// A tiny PNG whose header claims 20000x20000 pixels (400 million): refused before decoding.
    static func bombPNG() -> Data {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let ihdr: [UInt8] = Array("IHDR".utf8) + be(20000) + be(20000) + [8, 2, 0, 0, 0]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in ihdr {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13) + ihdr + be(~crc))
    }

    @Test func pipedOutputIsAContactSheetWithReasonsInPlace() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let files = try Self.files(in: folder)
        let r = try await Binary.run(Self.darkroom, ["show", "--grid", "4", "--width", "120", "--colors", "256"] + files,
                                     environment: Binary.isolatedEnvironment(folder, extra: ["TERM": "xterm-256color"]))
        #expect(r.status == 1)
        for name in ["good0.jpg", "good1.png", "good2.webp", "cut.jpg", "empty.png", "notes.webp", "missing.png"] {
            #expect(r.stdout.contains(name), "\(name)")
        }
        #expect(r.stdout.contains("\u{1B}[0;38;5;"))
        #expect(r.stderr.contains("cut.jpg: damaged JPG image"))
        #expect(r.stderr.contains("empty.png: is empty"))
        #expect(r.stderr.contains("notes.webp: not a JPEG, PNG or WEBP image"))
        #expect(r.stderr.contains("missing.png: no such file"))
        #expect(r.stderr.contains("bomb.png: 20000x20000 is 400000000 pixels, over the limit of 67108864"))
        // Every line fits the width asked for.
        let visible = r.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(visible.split(separator: "\n").allSatisfy { $0.count <= 120 })
    }

    /// The first sheet of images makes their small thumbnails (design section 4); `--no-cache` makes none.
    @Test func aSheetMakesTheThumbnailsLaterSheetsRead() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let good = Array(try Self.files(in: folder).prefix(3))
        let thumbnails = folder.path + "/cache/darkroom/thumbnails"
        func made() -> Int {
            FileManager.default.enumerator(atPath: thumbnails)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".webp") }.count ?? 0
        }
        let args = ["show", "--grid", "3", "--width", "60", "--colors", "256"]
        let env = Binary.isolatedEnvironment(folder, extra: ["TERM": "xterm-256color"])
        #expect(try await Binary.run(Self.darkroom, args + ["--no-cache"] + good, environment: env).status == 0)
        #expect(made() == 0)
        let first = try await Binary.run(Self.darkroom, args + good, environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(made() == 3)
        let again = try await Binary.run(Self.darkroom, args + good, environment: env)
        #expect(again.status == 0 && again.stdout == first.stdout)
    }

    /// `--size` is a box the picture fits in with its shape kept; `--stretch` fills it. A square
    /// in a 60x15 box with 1:2 cells is 30x15 symbols, and a sixel picture keeps its 256x256
    /// (never scaled up) unless stretched to the box's 600x300 pixels.
    @Test func sizeFitsKeepingTheShapeAndStretchFills() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let square = try Self.files(in: folder)[0]
        let env = Binary.isolatedEnvironment(folder, extra: ["TERM": "xterm-256color"])
        func widths(_ extra: [String]) async throws -> [Int] {
            let r = try await Binary.run(Self.darkroom, ["show", "--size", "60x15", "--colors", "256", "--no-cache"] + extra + [square],
                                         environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let visible = r.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            return visible.split(separator: "\n").dropLast().map(\.count)  // the caption is last
        }
        #expect(try await widths([]) == Array(repeating: 30, count: 15))
        #expect(try await widths(["--stretch"]) == Array(repeating: 60, count: 15))
        func sixelSize(_ extra: [String]) async throws -> String? {
            let r = try await Binary.run(Self.darkroom, ["show", "--size", "60x15", "--format", "sixel", "--no-cache"] + extra + [square],
                                         environment: env)
            return r.stdout.firstMatch(of: /"1;1;(\d+);(\d+)/).map { "\($0.1)x\($0.2)" }
        }
        #expect(try await sixelSize(["--stretch"]) == "600x300")
        let kept = try #require(try await sixelSize([]))
        #expect(kept.hasPrefix("2") && kept != "600x300", "a 256x256 picture is not scaled up: \(kept)")
    }

    @Test func badOptionsAreNamed() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await Binary.run(Self.darkroom, ["show", "x.png", "--symbols", "emoji"], environment: Binary.isolatedEnvironment(folder))
        #expect(r.status == 64)
        #expect(r.stderr.contains("--symbols \"emoji\": must be one of block, half, braille, ascii"))
    }

    // The colours chafa would pick for the same TERM: 24-bit for xterm-256color, 256 for tmux's own names.
    @Test(arguments: [("xterm-direct", "38;2;"), ("xterm-256color", "38;2;"), ("tmux-256color", "38;5;")])
    func inTmuxTheSheetFitsThePane(_ term: String, _ sgr: String) async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let files = try Self.files(in: folder).prefix(3)  // the three good ones
        let socket = "darkroom-test-\(UUID().uuidString.prefix(8))"
        let tmux = "/usr/bin/tmux"
        let env = Binary.isolatedEnvironment(folder, extra: ["TERM": "xterm-256color"])
        let colorterm = term == "xterm-direct" ? "COLORTERM=truecolor " : ""
        let command = "TERM=\(term) \(colorterm)\(Self.darkroom) show --grid 3 \(files.joined(separator: " ")); sleep 10"
        _ = try await Binary.launch(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "40", command],
                                    environment: env)
        defer { Task { _ = try? await Binary.launch(tmux, ["-L", socket, "kill-server"], environment: env) } }
        var screen = ""
        for _ in 0..<100 {
            screen = try await Binary.run(tmux, ["-L", socket, "capture-pane", "-p", "-e"], environment: env).stdout
            if screen.contains("good2.webp") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(screen.contains("good0.jpg") && screen.contains("good1.png") && screen.contains("good2.webp"), "\(screen)")
        #expect(screen.contains(sgr))
        let plain = try await Binary.run(tmux, ["-L", socket, "capture-pane", "-p"], environment: env).stdout
        #expect(plain.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // Three thumbnails side by side: the first picture row has block symbols in all three slots.
        let firstRow = plain.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstRow.count > 66, "\(plain)")
    }
}
