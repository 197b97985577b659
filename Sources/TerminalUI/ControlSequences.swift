import Foundation

/// The few control sequences written around a picture, by name (ECMA-48 and DEC's).
package enum ControlSequences {
    /// DECSC: the cursor's place and colours kept, for `restoreCursor`.
    package static let saveCursor = "\u{1B}7"
    /// DECRC: back where `saveCursor` was, with its colours.
    package static let restoreCursor = "\u{1B}8"
    /// SGR 0: default colours and no attributes.
    package static let resetAttributes = "\u{1B}[0m"

    /// CUP: the cursor to a cell, `row` and `column` counted from 0.
    package static func moveTo(row: Int, column: Int) -> String { "\u{1B}[\(row + 1);\(column + 1)H" }

    /// `body` written from a cell, the cursor and its colours put back after.
    package static func at(row: Int, column: Int, _ body: String) -> String {
        saveCursor + moveTo(row: row, column: column) + body + restoreCursor
    }
}

/// OSC 52 asks the terminal to put text on the clipboard; it works over SSH and, with
/// `set-clipboard on`, through tmux.
package enum OSC52 {
    package static func sequence(copying text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
