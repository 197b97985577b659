import Foundation
import Generation
import History
import Testing
import TestSupport

/// Files written atomically and local paths told apart (the environment, config and key tests
/// live in WorkspaceTests with the code).
@Suite struct SetupTests {
    @Test func atomicWritesLeaveNothingBehindOnFailure() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let target = folder.url.appendingPathComponent("a.png")
        try AtomicFile.write(Data([1, 2, 3]), to: target)
        #expect(folder.files() == ["a.png"])
        // Renaming onto a folder fails: the temporary file must go.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dir.png/inner"), withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data([4]), to: folder.url.appendingPathComponent("dir.png")) }
        #expect(folder.files() == ["a.png", "dir.png"])
    }

    @Test func localPathsAreToldApartFromOtherReferences() {
        #expect(LocalInputs.isLocalPath("./a.png") && LocalInputs.isLocalPath("/tmp/x") && LocalInputs.isLocalPath("photo.JPG"))
        #expect(!LocalInputs.isLocalPath("59a2edc2-45e6-429f-be5f-7ded59b92046"))
        #expect(!LocalInputs.isLocalPath("https://example.com/a.png"))
        #expect(!LocalInputs.isLocalPath("data:image/png;base64,AAAA"))
    }
}
