import Foundation
import Testing
import TestSupport
import Workspace

/// A key file is one short line: a huge one (the 2026-12-07 report read a 1 GiB file whole) is
/// refused by its size before it is read.
@Suite struct OversizedKeyFileTests {
    @Test func aHugeKeyFileIsRefusedByItsSize() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let path = folder.path + "/api-key"
        // Sparse: 64 MiB on paper, nothing on disk.
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 64 << 20)
        try handle.close()
        #expect { try APIKeyStore.readKeyFile(path) } throws: { error in
            let why = "\(error)"
            return why.contains(path) && why.contains("it is 67108864 bytes, over the limit of \(APIKeyStore.maxKeyFileBytes)")
        }
        try Data("  rw-0123456789abcdef0123456789abcdef\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try APIKeyStore.readKeyFile(path) == "rw-0123456789abcdef0123456789abcdef")
    }
}
