import Foundation
import Testing
import TestSupport

/// Shell completion (`make install` installs the scripts): History's job ids for the commands that
/// take them, image files for image arguments, and the values a parameter allows.
@Suite struct CompletionCLITests {
    static let darkroom = Binary.product("darkroom")

    @Test func jobIDsImageFilesAndValuesAreCompleted() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let env = Binary.isolatedEnvironment(folder)
        // Without History nothing is offered, and completing creates none.
        let none = try await Binary.run(Self.darkroom, ["---completion", "history", "rm", "--", "positional@0", "3", "0",
                                                        "darkroom", "history", "rm", ""], environment: env)
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none.stdout)\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/data/darkroom/history.sqlite"))

        for prompt in ["a fox", "an owl"] {
            let r = try await Binary.run(Self.darkroom, ["generate", prompt, "--sandbox", "--size", "128x128", "-q"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let ids = try await Binary.run(Self.darkroom, ["---completion", "history", "rm", "--", "positional@0", "3", "0",
                                                       "darkroom", "history", "rm", ""], environment: env)
        #expect(ids.stdout.split(separator: "\n") == ["2", "1"], "\(ids.stdout)\(ids.stderr)")
        let typed = try await Binary.run(Self.darkroom, ["---completion", "history", "show", "--", "positional@0", "3", "1",
                                                         "darkroom", "history", "show", "1"], environment: env)
        #expect(typed.stdout.split(separator: "\n") == ["1"], "\(typed.stdout)")

        let bash = try await Binary.run(Self.darkroom, ["--generate-completion-script", "bash"], environment: env)
        #expect(bash.stdout.contains("'!*.@(png|jpg|jpeg|webp|PNG|JPG|JPEG|WEBP)'"), "image files for show, import, --seed-image")
        #expect(bash.stdout.contains("-W 'JPG'$'\\n''PNG'$'\\n''WEBP'"), "--output-format's values")
        #expect(bash.stdout.contains("---completion history rm -- positional@0"), "job ids for rm")
    }
}
