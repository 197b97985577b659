import Foundation
import GRDB
@testable import History
import RunwareAPI
import Testing
import TestSupport

/// Whose file a result names decides what deleting its job does: Darkroom's files go, the user's
/// own (imported where they lie) stay unless asked for, a file another job names stays; and a
/// delete killed between its transaction and its files is finished later, never undone.
@Suite struct FileOwnershipTests {
    func image(_ path: String, index: Int = 0, owned: Bool = true) -> HistoryResult {
        HistoryResult(index: index, imageUUID: nil, seed: 1, path: path, width: 8, height: 8, format: "PNG", bytes: 3, nsfw: nil,
                      cost: nil, responseJSON: "{}", owned: owned)
    }

    func request(_ prompt: String = "a cat") -> ImageInferenceRequest {
        ImageInferenceRequest(taskUUID: TaskID.make(), positivePrompt: prompt)
    }

    func file(_ path: String) throws -> String {
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `history import ~/Downloads/mine.jpg` then `history rm 1 --yes` removed the user's file.
    @Test func deletingAnImportedJobKeepsTheUsersFileUnlessAskedByName() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let mine = try file(folder.path + "/mine.png")
        let first = try store.importImage(request(), result: image(mine, owned: false))
        #expect(try store.job(first).results.first?.owned == false)
        #expect(try store.jobHolding(mine) == first)

        let deletion = try store.delete(first)
        #expect(FileManager.default.fileExists(atPath: mine))
        #expect(deletion.removed.isEmpty && deletion.kept == [KeptFile(path: mine, why: .usersOwn)])
        #expect(deletion.summary.contains("kept your file \(mine)"))
        #expect(try store.jobHolding(mine) == nil)

        // Asked for by name, it goes.
        let again = try store.importImage(request(), result: image(mine, owned: false))
        let batch = try store.delete([again], userFiles: .remove)
        #expect(batch.removed == 1 && !FileManager.default.fileExists(atPath: mine))
    }

    /// Two jobs on one file (two imports before this was refused): deleting one left the other "missing".
    @Test func aFileAnotherJobNamesStays() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let shared = try file(folder.path + "/shared.png")
        let one = try store.createPending(request())
        try store.addResult(image(shared), to: one)
        let two = try store.createPending(request())
        try store.addResult(image(shared), to: two)
        let first = try store.delete(one)
        #expect(first.kept == [KeptFile(path: shared, why: .usedBy(two))] && FileManager.default.fileExists(atPath: shared))
        let last = try store.delete(two)
        #expect(last.removed == [shared] && !FileManager.default.fileExists(atPath: shared))
    }

    /// A delete killed after its transaction left files History no longer knew, and `check --repair`
    /// imported them as new jobs. Its files are recorded in the same transaction and removed by the
    /// next `finishRemovals`; a newer file in the same place, or one a job names again, is left.
    @Test func aDeleteKilledBeforeItsFilesIsFinishedLater() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite", now: { Date(timeIntervalSince1970: 1_000_000) })
        let a = try file(folder.path + "/a.png"), b = try file(folder.path + "/b.png"), c = try file(folder.path + "/c.png")
        let ids = try [a, b, c].map { path in
            let id = try store.createPending(request())
            try store.addResult(image(path), to: id)
            return id
        }
        // The kill: rows gone and the removals recorded, the files not yet touched.
        var outcome = HistoryStore.DeletionOutcome()
        let doomed = try store.deleteRowsRecordingRemovals(ids, userFiles: .keep, into: &outcome)
        #expect(Set(doomed) == [a, b, c] && outcome.jobs == 3)
        #expect(try store.pendingRemovals() == [a, b, c])
        // Meanwhile b was written anew (a new image under an old name), and c is named by a new job.
        var later = timespec(tv_sec: 1_000_100, tv_nsec: 0)
        var times = [later, later]
        _ = utimensat(AT_FDCWD, b, &times, 0)
        later.tv_sec = 999_000
        times = [later, later]
        _ = utimensat(AT_FDCWD, a, &times, 0)
        _ = utimensat(AT_FDCWD, c, &times, 0)
        let newJob = try store.createPending(request())
        try store.addResult(image(c), to: newJob)

        let finish = try store.finishRemovals()
        #expect(finish.removed == [a] && finish.failed.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: a))
        #expect(FileManager.default.fileExists(atPath: b) && FileManager.default.fileExists(atPath: c))
        #expect(try store.pendingRemovals().isEmpty)
    }

    /// A History of the version before: imports outside the images folder become the user's own,
    /// what `check --repair` imported from the images folder stays Darkroom's.
    @Test func upgradingMarksEarlierImportsOutsideTheLibraryAsTheUsers() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/history.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try HistorySchema.migrator(library: folder.path).migrate(queue, upTo: "v5-parent-index")
            try queue.write { db in
                for (id, reason, file) in [(1, "imported from /home/u/mine.png", "/home/u/mine.png"),
                                           (2, "imported from \(folder.path)/images/2026/11/x.png", "\(folder.path)/images/2026/11/x.png"),
                                           (3, "", "\(folder.path)/out/made.png")] as [(Int, String, String)] {
                    try db.execute(sql: """
                        INSERT INTO job (id, taskUUID, createdAt, status, reason, model, positivePrompt, delivery, requestJSON)
                        VALUES (?, ?, 0, 'done', ?, 'runware:111@1', 'a cat', 'async', '{}')
                        """, arguments: [id, TaskID.make(), reason.isEmpty ? nil : reason])
                    try db.execute(sql: """
                        INSERT INTO result (jobID, idx, path, format, bytes, responseJSON) VALUES (?, 0, ?, 'PNG', 3, '{}')
                        """, arguments: [id, file])
                }
            }
        }
        let store = try HistoryStore(path: path)
        #expect(try store.job(1).results.first?.owned == false)
        #expect(try store.job(2).results.first?.owned == true)
        #expect(try store.job(3).results.first?.owned == true)
        #expect(try store.jobHolding("/home/u/mine.png") == 1)
    }

    /// On a 100 % full disk `history rm` failed with "disk I/O error": deleting is how a user frees
    /// space. The jobs' own files are removed first, then the rows. Needs root (a tmpfs of its own).
    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root (CI runs as root)"))
    func deletingWorksOnAFullDisk() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let disk = folder.path + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        #expect(Binary.shell("mount -t tmpfs -o size=4m tmpfs '\(disk)'") == 0)
        defer { _ = Binary.shell("umount -l '\(disk)'") }
        let store = try HistoryStore(path: disk + "/history.sqlite")
        var ids: [Int64] = []
        for n in 0..<20 {
            let id = try store.createPending(request("job \(n)"))
            let path = disk + "/image-\(n).png"
            try Data(repeating: UInt8(n), count: 64 * 1024).write(to: URL(fileURLWithPath: path))
            try store.addResult(image(path), to: id)
            try store.finish(id, status: .done)
            ids.append(id)
        }
        // Fill what is left, to the last byte.
        _ = Binary.shell("dd if=/dev/zero of='\(disk)/filler' bs=64k 2>/dev/null; dd if=/dev/zero of='\(disk)/filler2' bs=1 2>/dev/null")
        #expect(HistoryFile.volumeIsFull(disk + "/history.sqlite"))
        // Rating needs a write: it says the disk is full and what still works, not "disk I/O error".
        do {
            try store.rate([ids[0]], 4)
        } catch let e as HistoryError {
            #expect(e.description.contains("the disk is full") && e.description.contains("history rm"), "\(e)")
        }
        let batch = try store.delete(Array(ids.prefix(5)))
        #expect(batch.jobs == 5 && batch.removed == 5 && batch.failed.isEmpty, "\(batch.summary)")
        #expect(try store.count == 15)
        #expect(!FileManager.default.fileExists(atPath: disk + "/image-0.png"))
        #expect(try store.pendingRemovals().isEmpty)
    }
}
