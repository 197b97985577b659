import Foundation
import Generation
import HostileFiles
import Preview
import RunwareAPI
@testable import Studio
import Synchronization
import TerminalUI
import Testing
import TestSupport

/// What the studio takes from outside (the 2026-12-07 report's F6, F7 and F18): its saved state
/// held to a size and to the parameter table, a price asked once per model, counts shown whole.
@Suite struct OutsideBoundsStudioTests {
    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("darkroom-bounds-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A snapshot of a fresh studio whose draft holds `changes`.
    func snapshot(_ changes: [String: JSONValue]) -> StudioSnapshot {
        var snapshot = StudioSnapshot(StudioFixture().state)
        snapshot.draft = .object((snapshot.draft.objectValue ?? [:]).merging(changes) { $1 })
        return snapshot
    }

    @Test func anOversizedStateFileIsNamedAndIgnoredUnread() throws {
        let url = folder().appendingPathComponent("studio.json")
        try JSONEncoder().encode(snapshot(["positivePrompt": .string(String(repeating: "a", count: 2 << 20))])).write(to: url)
        guard case .damaged(let why) = StudioStateFile(url: url).read() else { Issue.record("a 2 MiB state file was read"); return }
        #expect(why.contains(url.path) && why.contains("over the limit of \(StudioStateFile.maxBytes)"))
    }

    @Test func aSavedDraftPastTheTablesSizesIsCutWithANotice() throws {
        let snapshot = snapshot([
            "positivePrompt": .string(String(repeating: "p", count: 5000)),
            "lora": .array((0..<40).map { .object(["model": .string("civitai:\($0)@1"), "weight": .double(1)]) }),
        ])
        var fresh = StudioFixture().state
        snapshot.restore(into: &fresh) { _ in true }
        #expect(fresh.generate.form.value("positivePrompt") == .string(String(repeating: "p", count: 3000)))
        #expect(fresh.generate.form.value("lora")?.arrayValue?.count == 32)
        let notice = fresh.status.notice ?? ""
        #expect(notice.contains("cut from the saved draft: lora after its first 32 items (it had 40"), "\(notice)")
        #expect(notice.contains("positivePrompt after its first 3000 characters (it had 5000; the limit is 3000)"), "\(notice)")
    }

    @Test func aStripOfThousandsComesBackAsTheStripsFortyEight() throws {
        var s = StudioFixture()
        for i in 0..<10 { s.state.generate.add(RecentResult(path: "/r\(i).png", seed: nil, historyID: Int64(i), index: 0)) }
        var snapshot = StudioSnapshot(s.state)
        snapshot.results = (0..<5000).map { .init(path: "/r\($0).png", seed: nil, job: "\($0)", index: 0, flagged: false) }
        var asked = 0
        var fresh = StudioFixture().state
        snapshot.restore(into: &fresh) { _ in asked += 1; return true }
        #expect(fresh.generate.results.count == GenerateState.resultLimit && asked == GenerateState.resultLimit)
    }

    /// Every estimate key not yet answered asked the content service again; a slow one got a
    /// request per change of steps.
    @Test func aModelsPriceIsAskedOnceWhileItsAnswerIsOnItsWay() async throws {
        let cache = PriceCache()
        let asked = Count()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await cache.price(of: "runware:101@1") {
                asked.add()
                for await _ in gate { break }
                return 0.01
            }
        }
        while asked.value < 1 { await Task.yield() }
        let second = Task { try await cache.price(of: "runware:101@1") { asked.add(); return 0.02 } }
        // The second call has found the first one's request, or (before) decided to ask again.
        while cache.decided.load(ordering: .sequentiallyConsistent) < 2 { await Task.yield() }
        open.yield()
        #expect(try await first.value == 0.01)
        #expect(try await second.value == 0.01)
        #expect(asked.value == 1)
        let again = try await cache.price(of: "runware:101@1") { 0.03 }
        #expect(again == 0.01, "an answered price is kept")
    }

    /// `o` on an image whose `parameters` text is past the 1 MiB read says it was cut, with
    /// what the table's sizes cut of the prompt.
    @Test func oOnAnImageWithATextPastTheReadCapSaysItWasCut() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/long.png"
        let text = "a heron " + String(repeating: "x", count: 2 << 20) + "\nSteps: 20"
        try HostileFiles.png(extra: [HostileFiles.chunk("tEXt", Array("parameters\0".utf8) + Array(text.utf8))])
            .write(to: URL(fileURLWithPath: path))
        let found = try #require(try LiveGeneratePort(client: RunwareClient(endpoint: "http://127.0.0.1:9/v1", apiKey: "unused", transport: CurlTransport()),
                                                        history: nil).taskObject(fromImage: path))
        let note = found.note ?? ""
        #expect(note.contains("the image's parameters text was read to its first 1 MiB (the file holds more)"), "\(note)")
        #expect(note.contains("positivePrompt after its first 3000 characters"), "\(note)")
        #expect(found.object["positivePrompt"]?.stringValue?.count == 3000)
    }

    @Test func theCostOfManyImagesNamesTheirCountWhole() {
        var s = StudioFixture(columns: 240, rows: 40)
        s.state.generate.setField("numberResults", text: "1000000000000")
        s.state.generate.estimates[s.state.generate.estimateKey] = .published(0.004)
        let screen = StudioView(theme: .monochrome, keyMap: .defaults).draw(s.state).frame.text.joined(separator: "\n")
        #expect(screen.contains("× 1000000000000)"), "\(screen.split(separator: "\n").first { $0.contains("Cost") } ?? "no cost line")")
    }
}

/// A count shared with tasks.
final class Count: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
