/// A colour as the terminal layer knows it; the backend maps it to what the terminal can show.
package enum TermColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)
    /// 0xRRGGBB
    case rgb(UInt32)
}

package struct TextAttributes: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let bold = TextAttributes(rawValue: 1)
    package static let dim = TextAttributes(rawValue: 2)
    package static let italic = TextAttributes(rawValue: 4)
    package static let underline = TextAttributes(rawValue: 8)
    package static let reverse = TextAttributes(rawValue: 16)
}

package struct Style: Sendable, Hashable {
    package var foreground: TermColor
    package var background: TermColor
    package var attributes: TextAttributes

    package init(foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    package static let plain = Style()
}

/// One screen cell: a grapheme cluster and its style. A wide character occupies its cell and a
/// following `continuation` cell, so every row has exactly `width` cells.
package struct ScreenCell: Sendable, Hashable {
    package var text: Character
    package var style: Style
    package var isContinuation: Bool

    package init(_ text: Character, style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    package static let blank = ScreenCell(" ")
}
