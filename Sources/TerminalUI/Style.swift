/// A colour as the terminal layer knows it; the backend maps it to what the terminal can show.
public enum TermColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)
    /// 0xRRGGBB
    case rgb(UInt32)
}

public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)
}

public struct Style: Sendable, Hashable {
    public var foreground: TermColor
    public var background: TermColor
    public var attributes: TextAttributes

    public init(foreground: TermColor = .terminalDefault, background: TermColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
}

/// One screen cell: a grapheme cluster and its style. A wide character occupies its cell and a
/// following `continuation` cell, so every row has exactly `width` cells.
public struct ScreenCell: Sendable, Hashable {
    public var text: Character
    public var style: Style
    public var isContinuation: Bool

    public init(_ text: Character, style: Style = .plain, isContinuation: Bool = false) {
        self.text = text
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = ScreenCell(" ")
}
