import Foundation
@testable import Studio
import TerminalUI
import Testing
import TestSupport
import Workspace

@Suite struct ThemeTests {
    static let themes = Binary.packageRoot.appendingPathComponent("themes")

    @Test(arguments: ["dark", "light", "high-contrast"])
    func everyShippedThemeLoadsAndCoversTheRoles(_ name: String) throws {
        let theme = try Theme.load(named: name, user: URL(fileURLWithPath: "/nonexistent"))
        #expect(theme.name == name)
        for role in ["title", "border.focused", "field.error", "selection", "status", "footer.key"] {
            #expect(theme.styles[role] != nil, "\(name) lacks \(role)")
        }
    }

    @Test func rolesFallBackToTheirParent() throws {
        let theme = try Theme.parse("""
            name = "t"
            [roles]
            "field" = { fg = "red" }
            "field.error" = { fg = "#ff0000", attrs = ["bold"] }
            """, file: "t.toml")
        #expect(theme.style("field.label").foreground == .indexed(1))
        #expect(theme.style("field.error") == Style(foreground: .rgb(0xFF0000), attributes: .bold))
        #expect(theme.style("status") == .plain)
    }

    @Test func mistakesAreNamedWithFileAndLine() {
        #expect { try Theme.parse("name = \"t\"\n[roles]\n\"borders\" = { fg = \"red\" }", file: "my.toml") } throws: {
            "\($0)".hasPrefix("my.toml:3: unknown role \"borders\"")
        }
        #expect { try Theme.parse("name = \"t\"\n[roles]\n\"border\" = { fg = \"reddish\" }", file: "my.toml") } throws: {
            "\($0)".contains("my.toml:3: role \"border\": fg \"reddish\" is not a colour name")
        }
        #expect { try Theme.parse("name = \"t\"\n[roles]\n\"border\" = { attrs = [\"blink\"] }", file: "my.toml") } throws: {
            "\($0)".contains("unknown attribute \"blink\"")
        }
    }

    /// The themes compiled in are the files in themes/, byte for byte (scripts/embed-themes.sh
    /// writes them); an installed binary needs no file beside it.
    @Test func theCompiledInThemesAreTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themes.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltInThemes.texts.keys))
        for file in files {
            let text = try String(contentsOf: Self.themes.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInThemes.texts[String(file.dropLast(5))] == text.trimmingCharacters(in: .newlines),
                    "\(file) differs from the compiled-in copy: run scripts/embed-themes.sh")
        }
        #expect { try Theme.load(named: "sepia", user: URL(fileURLWithPath: "/nonexistent")) } throws: {
            "\($0)".contains("no theme called \"sepia\": the built-in ones are dark, high-contrast, light")
        }
    }

    @Test func userThemesOverrideBuiltInOnes() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        try Data("name = \"dark\"\n[roles]\n\"title\" = { fg = \"green\" }\n".utf8).write(to: folder.url.appendingPathComponent("dark.toml"))
        let theme = try Theme.load(named: "dark", user: folder.url)
        #expect(theme.style("title").foreground == .indexed(2))
    }
}

@Suite struct KeyMapTests {
    @Test func defaultsResolveKeysToActions() {
        let map = KeyMap.defaults
        #expect(map.action(for: .ctrl("g")) == .generate)
        #expect(map.action(for: .function(5)) == .generate)
        #expect(map.action(for: .character("?")) == .help)
        #expect(map.action(for: .character("x")) == nil)
        // No key is bound twice in one context, nor on a screen and everywhere; F2 goes to History and back.
        for context in KeyContext.allCases {
            let keys = map.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
        for screen in [KeyContext.generate, .history] {
            let keys = map.bindings.filter { $0.context == .global || $0.context == screen }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(screen)")
        }
        #expect(map.action(for: .function(2), on: .generate) == .showHistory)
        #expect(map.action(for: .function(2), on: .history) == .showGenerate)
        #expect(map.action(for: .character("f"), on: .history) == .historyFork)
        #expect(map.action(for: .character("f"), on: .generate) == nil)
    }

    @Test func userFilesRebindAndUnbind() throws {
        let map = try KeyMap.defaults.overridden(by: """
            unbind = ["f5"]
            [keys]
            generate = ["ctrl-e"]
            help = ["f1", "ctrl-g"]
            """, file: "keys.toml")
        #expect(map.action(for: .ctrl("e")) == .generate)
        #expect(map.action(for: .function(5)) == nil)
        #expect(map.action(for: .ctrl("g")) == .help)
        #expect(map.binding(.generate)?.keys == [.ctrl("e")])
    }

    @Test func unknownActionsAndKeysAreRejectedWithFileAndLine() {
        #expect { try KeyMap.defaults.overridden(by: "[keys]\ngenrate = [\"ctrl-e\"]", file: "/c/keys.toml") } throws: {
            "\($0)".hasPrefix("/c/keys.toml:2: unknown action \"genrate\"")
        }
        #expect { try KeyMap.defaults.overridden(by: "[keys]\ngenerate = [\"hyper-e\"]", file: "/c/keys.toml") } throws: {
            "\($0)".hasPrefix("/c/keys.toml:2: unknown key \"hyper-e\"")
        }
    }

    /// A file that leaves no key to quit with is refused, naming the action: unbinding ctrl-q,
    /// quitting on keys the prompt types, or giving quit's key to another action.
    @Test func aFileThatLeavesNoWayToQuitIsRefused() throws {
        for text in ["unbind = [\"ctrl-q\", \"ctrl-c\", \"f10\", \"q\", \"esc\"]", "[keys]\nquit = [\"a\", \"e\", \"enter\", \"tab\"]",
                     "[keys]\nhelp = [\"ctrl-q\"]"] {
            do {
                _ = try KeyMap.defaults.overridden(by: text, file: "/c/keys.toml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".contains("leaves no way to quit: action \"quit\""), "\(error)")
            }
        }
        #expect(try KeyMap.defaults.overridden(by: "[keys]\nquit = [\"a\", \"f10\"]", file: "k").quitKeys == [.function(10)])
    }

    @Test func keyNamesRoundTrip() {
        for name in ["ctrl-g", "alt-x", "f5", "enter", "shift-tab", "?", "space", "pagedown"] {
            #expect(KeyName.name(KeyName.parse(name)!) == name)
        }
    }
}
