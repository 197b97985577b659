import Foundation
import History
@testable import Studio
import TerminalUI
import Testing
import Workspace

/// `?` lists every key that does something, from the key map, and `keys.toml` can rebind the
/// keys that used to be written into the code.
@Suite struct HelpListsEveryKeyTests {
    @Test func everyBoundKeyIsListedByHelp() {
        let s = StudioFixture()
        var listedAnywhere = Set<StudioAction>()
        for screen in StudioScreen.allCases {
            let lines = HelpView.lines(.defaults, screen: screen, state: s.state)
            for context in KeyContext.listed(on: screen) {
                for binding in KeyMap.defaults.bindings where binding.context == context && !binding.keys.isEmpty {
                    let keys = HelpView.keys(binding, screen: screen)
                    #expect(lines.contains { $0.keys == keys && $0.text.hasPrefix(binding.description) },
                            "\(screen): \(binding.action.rawValue) (\(keys)) is not listed")
                    listedAnywhere.insert(binding.action)
                }
            }
        }
        for action in StudioAction.allCases {
            #expect(listedAnywhere.contains(action), "\(action.rawValue) is bound nowhere that help lists")
        }
    }

    /// A stock xterm, a Mac keyboard or a terminal that eats Alt still reaches every Alt binding:
    /// help shows another key, or the Esc form that works where the binding does.
    @Test func everyAltBindingHasAKeyWithoutAlt() {
        let s = StudioFixture()
        for screen in StudioScreen.allCases {
            let lines = HelpView.lines(.defaults, screen: screen, state: s.state)
            for context in KeyContext.listed(on: screen) {
                for binding in KeyMap.defaults.bindings where binding.context == context
                    && binding.keys.contains(where: { if case .alt = $0 { true } else { false } }) {
                    let listed = HelpView.keys(binding, screen: screen).components(separatedBy: ", ")
                    #expect(listed.contains { !$0.hasPrefix("alt-") }, "\(screen): \(binding.action.rawValue) has only Alt keys")
                    #expect(lines.contains { $0.keys == listed.joined(separator: ", ") })
                }
            }
        }
    }

    @Test func escapeThenAKeyIsThatKeyWithAlt() {
        var s = StudioFixture()
        s.state.generate.lastSeed = 42
        s.key(.escape)
        #expect(s.state.escapeAsAlt)
        s.key(.character("s"))
        #expect(!s.state.escapeAsAlt)
        #expect(s.state.generate.form.value("seed") == .uint(42) || s.state.generate.form.value("seed") == .int(42))
        // Esc then a key with no Alt binding says so and types nothing.
        s.key(.escape)
        s.key(.character("z"))
        #expect(s.state.status.notice?.contains("alt-z does nothing here") == true)
        // Esc then a section number jumps there.
        s.key(.escape)
        s.key(.character("8"))
        #expect(s.state.generate.focusedField?.section == "Delivery")
    }

    @Test func theFormerlyHardCodedKeysAreBindings() {
        let map = KeyMap.defaults
        #expect(map.action(for: .character("y"), in: [.confirm, .global]) == .confirmYes)
        #expect(map.action(for: .character("n"), in: [.confirm, .global]) == .confirmNo)
        #expect(map.action(for: .character("l"), in: HistoryPane.lineage(LineageTree(parent: nil, job: StudioFixture.job(1), children: [])).keyContexts)
                == .lineageClose)
        #expect(map.action(for: .escape, in: [.detail, .history, .global]) == .detailClose)
        #expect(map.action(for: .character("q"), in: Overlay.help(HelpOverlay(screen: .generate)).keyContexts) == .helpClose)
        #expect(map.action(for: .ctrl("u"), in: [.text]) == .editDeleteToStart)
    }

    @Test func keysTomlRebindsTheConfirmationAndHelpKeys() throws {
        let map = try KeyMap.defaults.overridden(by: """
            [keys]
            "confirm.yes" = ["j"]
            "help.close" = ["x"]
            """, file: "keys.toml")
        var s = StudioFixture(keyMap: map)
        s.openHistory([3, 2, 1])
        s.key(.character("d"))
        s.key(.character("y"))
        #expect(s.state.overlay != nil, "y is no longer yes")
        s.effects = []
        s.key(.character("j"))
        #expect(s.effects.contains(.history(.batch(HistoryBatch(.jobs([3]), .delete(userFiles: .keep))))))
        #expect(s.state.overlay == nil)
        s.key(.character("?"))
        #expect(s.state.overlay == .help(HelpOverlay(screen: .history)))
        s.key(.character("q"))
        #expect(s.state.overlay != nil, "q is no longer close")
        let help = HelpView.lines(map, screen: .history, state: s.state)
        #expect(help.contains { $0.keys == "x" && $0.text == "close this help" })
        s.key(.character("x"))
        #expect(s.state.overlay == nil)
    }

    @Test func keysTomlRebindsLineEditingInFieldsAndThePromptAlike() throws {
        let map = try KeyMap.defaults.overridden(by: "[keys]\n\"edit.delete-to-start\" = [\"ctrl-o\"]", file: "keys.toml")
        var s = StudioFixture(keyMap: map)
        // The prompt: the same command as a field, to the start of the line the cursor is on.
        s.state.generate.focus(path: "positivePrompt")
        s.key(.enter)
        s.type("in snow")
        s.key(.ctrl("u"))
        #expect(s.state.generate.prompt.text == "a fox\nin snow", "ctrl-u is unbound now")
        s.key(.ctrl("o"))
        #expect(s.state.generate.prompt.text == "a fox\n")
        #expect(s.state.generate.form.draft.positivePrompt == "a fox\n")
        // A field.
        s.state.generate.focus(path: "steps")
        s.type("28")
        s.key(.ctrl("o"))
        #expect(s.state.generate.line.text == "")
    }

    @Test func ctrlUDeletesToTheLineStartInTheMultiLinePromptAsInAField() {
        var s = StudioFixture()
        s.state.generate.focus(path: "positivePrompt")
        s.key(.enter)
        s.type("in snow")
        s.key(.left, times: 3)
        s.key(.ctrl("u"))
        #expect(s.state.generate.prompt.text == "a fox\nnow")
        s.key(.ctrl("k"))
        #expect(s.state.generate.prompt.text == "a fox\n")
        s.key(.alt("u"))
        #expect(s.state.generate.prompt.text == "a fox\nnow")
    }
}
