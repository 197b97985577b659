import Foundation
import Generation
import History
import Imaging
import RunwareAPI
import Testing
import TestSupport

/// `history import` as a library call: an image carrying its parameters becomes a job, with its
/// small thumbnail made at once; one carrying nothing is refused by name.
@Suite struct ImageImportTests {
    @Test func anImportedImageIsRecordedWithItsThumbnail() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let thumbnails = StoredThumbnails(folder: folder.url.appendingPathComponent("thumbnails"))
        let path = folder.path + "/heron.png"
        let png = try ImageEncoder.encode(RGBAImage(width: 600, height: 300), as: .png)
        try ImageText.embed(parameters: "a grey heron\nSteps: 20, Seed: 5, Size: 512x512", task: "", into: png)
            .write(to: URL(fileURLWithPath: path))
        let imported = try ImageImport.file(path, into: store, thumbnails: thumbnails)
        let job = try store.job(imported.jobID)
        #expect(job.positivePrompt == "a grey heron" && job.isImported && job.results.map(\.path) == [path])
        let small = try ImageDecoder.decode(try ImageFile.read(try #require(thumbnails.location(ofImageAt: path)).path))
        #expect(small.width == StoredThumbnails.side && small.height == StoredThumbnails.side / 2)

        let plain = folder.path + "/plain.png"
        try png.write(to: URL(fileURLWithPath: plain))
        #expect(throws: ImageImport.Refusal.noParameters(path: plain)) { try ImageImport.file(plain, into: store) }
        #expect(throws: ImageImport.Refusal.self) { try ImageImport.file(folder.path + "/missing.png", into: store) }
    }
}
