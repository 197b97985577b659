import Foundation
@testable import History
import RunwareAPI
import Testing
import TestSupport

/// Deleting a job accounts for every file it named: removed, already gone, or not removable (with why).
@Suite struct JobDeletionTests {
    func image(_ path: String, index: Int) -> HistoryResult {
        HistoryResult(index: index, imageUUID: nil, seed: 1, path: path, width: 8, height: 8, format: "PNG", bytes: 3, nsfw: nil,
                      cost: nil, responseJSON: "{}")
    }

    @Test func aFileThatCannotBeRemovedIsNamedWithItsReasonAndTheOthersStillGo() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let id = try store.createPending(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a cat"))
        let removable = folder.path + "/a.png", gone = folder.path + "/b.png", stuck = folder.path + "/c.png"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: removable))
        // Where an image was there is now a folder with something in it: unlink fails even for root.
        try FileManager.default.createDirectory(atPath: stuck, withIntermediateDirectories: true)
        try Data([4]).write(to: URL(fileURLWithPath: stuck + "/keep.txt"))
        for (i, path) in [removable, gone, stuck].enumerated() { try store.addResult(image(path, index: i), to: id) }

        let deletion = try store.delete(id)
        #expect(deletion.removed == [removable])
        #expect(deletion.alreadyGone == [gone])
        #expect(deletion.failed.map(\.path) == [stuck])
        #expect(deletion.failed.first?.reason.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: removable))
        // The folder and what it holds are left exactly as they were.
        #expect(FileManager.default.fileExists(atPath: stuck + "/keep.txt"))
        #expect(deletion.summary.contains("deleted job \(id) and 1 image file") && deletion.summary.contains("cannot remove \(stuck): "))
        #expect(throws: HistoryError.noSuchJob(id)) { try store.job(id) }
    }

    @Test func deletingAJobThatIsNotThereSaysSo() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        #expect(throws: HistoryError.noSuchJob(42)) { try store.delete(42) }
    }
}

/// Export copies what is there, lists what is gone, and names a file it cannot read.
@Suite struct JobExportTests {
    @Test func anUnreadableImageIsNamedAndAMissingOneListed() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let id = try store.createPending(ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: "a cat"))
        let good = folder.path + "/a.png", gone = folder.path + "/b.png"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: good))
        for (i, path) in [good, gone].enumerated() {
            try store.addResult(HistoryResult(index: i, imageUUID: nil, seed: 1, path: path, width: 8, height: 8, format: "PNG",
                                              bytes: 3, nsfw: nil, cost: nil, responseJSON: "{}"), to: id)
        }
        let outcome = try store.export(id, to: folder.url.appendingPathComponent("out"))
        #expect(outcome.missing == [gone])
        #expect(Set(outcome.written.map { ($0 as NSString).lastPathComponent }) == ["job-\(id).json", "job-\(id)-1.png"])
        // A folder where the image was: there, but not readable as a file.
        try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: false)
        #expect { try store.export(id, to: folder.url.appendingPathComponent("again")) } throws: { error in
            (error as? JobExport.ReadError)?.path == gone
        }
    }
}
