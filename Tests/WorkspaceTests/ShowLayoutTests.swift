import Testing
import TerminalUI
import Workspace

/// `SheetLayout` and `PixelChoice`: how `darkroom show` (and the studio's `--preview`) read their options.
@Suite struct ShowLayoutTests {
    @Test func onePictureFillsTheWidthAndTheTerminalHeight() throws {
        #expect(try SheetLayout.choose(size: nil, grid: nil, columns: 80, terminalRows: 30)
                == SheetLayout(perRow: 1, slotWidth: 80, slotHeight: 28))
        #expect(try SheetLayout.choose(size: nil, grid: nil, columns: 80, terminalRows: nil)
                == SheetLayout(perRow: 1, slotWidth: 80, slotHeight: 40))
    }

    @Test func aGridSharesTheWidthWithTwoColumnsBetweenSlots() throws {
        #expect(try SheetLayout.choose(size: nil, grid: "4", columns: 86, terminalRows: nil)
                == SheetLayout(perRow: 4, slotWidth: 20, slotHeight: 10))
        // COLSxROWS also fits the rows to the screen.
        #expect(try SheetLayout.choose(size: nil, grid: "4x2", columns: 86, terminalRows: 12)
                == SheetLayout(perRow: 4, slotWidth: 20, slotHeight: 5))
        #expect(try SheetLayout.choose(size: "30x12", grid: "2", columns: 86, terminalRows: 12)
                == SheetLayout(perRow: 2, slotWidth: 30, slotHeight: 12))
    }

    @Test func badSizesAreRefusedWithTheOptionAndItsForm() {
        #expect(throws: OptionRefusal("--size \"0x5\": expected COLSxROWS, e.g. 48x24")) {
            try SheetLayout.choose(size: "0x5", grid: nil, columns: 80, terminalRows: nil)
        }
        #expect(throws: OptionRefusal("--grid \"many\": expected COLS or COLSxROWS, e.g. 8 or 4x2")) {
            try SheetLayout.choose(size: nil, grid: "many", columns: 80, terminalRows: nil)
        }
    }

    @Test func aNamedPixelFormatIsTakenAsItIsAndAnUnknownOneRefused() throws {
        let kitty = try PixelChoice.resolve("kitty", option: "--format", environment: [:], interactive: false, tmuxHint: true)
        #expect(kitty == TerminalProbe.Result(format: .kitty, tmuxPassthrough: false, hint: nil))
        let inTmux = try PixelChoice.resolve("sixel", option: "--preview", environment: ["TMUX": "/tmp/t"], interactive: false,
                                             tmuxHint: false)
        #expect(inTmux.tmuxPassthrough && inTmux.hint == nil)
        #expect(throws: OptionRefusal("--preview \"png\": must be one of auto, symbols, sixel, kitty, iterm")) {
            try PixelChoice.resolve("png", option: "--preview", environment: [:], interactive: false, tmuxHint: false)
        }
    }
}
