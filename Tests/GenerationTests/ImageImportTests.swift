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

    /// Importing where it lies records the user's own file; importing it again names the job that
    /// has it (it made a second job on the same file); `--copy` writes a copy into the library, never
    /// over another file, and deleting the copy's job leaves the original alone.
    @Test func importedFilesStayTheUsersAndAreImportedOnce() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let path = folder.path + "/my heron.png"
        let png = try ImageEncoder.encode(RGBAImage(width: 16, height: 16), as: .png)
        let bytes = try ImageText.embed(parameters: "a grey heron\nSteps: 20, Seed: 5, Size: 512x512", task: "", into: png)
        try bytes.write(to: URL(fileURLWithPath: path))
        let imported = try ImageImport.file(path, into: store)
        #expect(try store.job(imported.jobID).results.first?.owned == false)
        #expect(throws: ImageImport.Refusal.alreadyInHistory(path: path, jobID: imported.jobID)) {
            try ImageImport.file(path, into: store, copyInto: folder.url.appendingPathComponent("library"))
        }
        #expect(ImageImport.Refusal.alreadyInHistory(path: path, jobID: 1).isFailure == false)
        _ = try store.delete(imported.jobID)
        #expect(FileManager.default.contents(atPath: path) == bytes)

        // A copy, next to a file that already has the copy's name.
        let library = folder.url.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Data("another".utf8).write(to: library.appendingPathComponent("myheron.png"))
        let copied = try ImageImport.file(path, into: store, copyInto: library)
        #expect(copied.path == library.appendingPathComponent("myheron-2.png").path)
        #expect(try String(contentsOf: library.appendingPathComponent("myheron.png"), encoding: .utf8) == "another")
        #expect(FileManager.default.contents(atPath: copied.path) == bytes)
        let job = try store.job(copied.jobID)
        #expect(job.results.first?.owned == true && job.reason == "imported from \(path)")
        #expect(throws: ImageImport.Refusal.alreadyInHistory(path: path, jobID: copied.jobID)) { try ImageImport.file(path, into: store) }
        let deletion = try store.delete(copied.jobID)
        #expect(deletion.removed == [copied.path] && FileManager.default.contents(atPath: path) == bytes)
    }
}
