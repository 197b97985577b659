import Foundation
@testable import History
import Testing
import TestSupport

@Suite struct TemporaryFileCleanupTests {
    /// An abandoned temporary name that cannot be removed (a non-empty folder took its place) is
    /// named with its reason; the others still go.
    @Test func aTemporaryFileThatCannotBeRemovedIsNamed() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let dead = Binary.deadPID()
        let gone = folder.url.appendingPathComponent(".a.jpg.\(dead)-1a2b3c4d.tmp")
        let stuck = folder.url.appendingPathComponent(".b.jpg.\(dead)-2a2b3c4d.tmp")
        try Data([1]).write(to: gone)
        try FileManager.default.createDirectory(at: stuck, withIntermediateDirectories: false)
        try Data([2]).write(to: stuck.appendingPathComponent("keep"))
        let cleanup = TemporaryFileName.removeAbandoned(under: folder.url)
        #expect(cleanup.removed == 1)
        #expect(cleanup.failed.map(\.path) == [stuck.path])
        #expect(!FileManager.default.fileExists(atPath: gone.path))
        #expect(FileManager.default.fileExists(atPath: stuck.appendingPathComponent("keep").path))
    }
}
