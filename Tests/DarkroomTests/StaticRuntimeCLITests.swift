import Foundation
import Testing
import TestSupport

/// Every build of `darkroom` (the one the tests run, release in `make test`, debug in a developer's) carries the Swift runtime and
/// Foundation: no library comes from the toolchain's folder and its RUNPATH does not name it,
/// so a copy runs where no Swift toolchain is. The release smoke test also runs the installed
/// copy with that folder hidden.
@Suite struct StaticRuntimeCLITests {
    @Test func theBinaryLoadsNothingFromTheToolchain() async throws {
        let binary = Binary.product("darkroom")
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        let ldd = try await Binary.run("/usr/bin/ldd", [binary], environment: env)
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(!ldd.stdout.contains("libswiftCore"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains("libFoundation"), "\(ldd.stdout)")
        let elf = try await Binary.run("/usr/bin/readelf", ["-d", binary], environment: env)
        let runpath = elf.stdout.split(separator: "\n").filter { $0.contains("RUNPATH") || $0.contains("RPATH") }
        #expect(runpath.allSatisfy { !$0.contains("/lib/swift") }, "\(runpath)")
    }
}
