import Foundation

/// kitty's Unicode placeholders (kitty 0.28 and later): a picture sent with a virtual placement
/// (`U=1`) shows wherever the text `U+10EEEE` stands with the picture's id in its foreground
/// colour and its row and column as combining marks. The picture then lives in ordinary text
/// cells: tmux carries and clips it, it scrolls with the text, and writing the cells again takes
/// it away. See "Unicode placeholders" in kitty's graphics protocol.
package enum KittyPlaceholders {
    /// The placeholder character.
    static let placeholder: Unicode.Scalar = "\u{10EEEE}"

    /// The combining marks that stand for 0, 1, 2, … (row, column, the id's high byte): kitty's
    /// rule, Unicode 6.0's non-spacing marks of class 230 (above) with no decomposition, less
    /// those that normalization may fuse with a letter. 297 of them.
    package static let diacritics: [Unicode.Scalar] = {
        let fused: Set<UInt32> = [0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308, 0x0309, 0x030A, 0x030B,
                                  0x030C, 0x030F, 0x0311, 0x0313, 0x0314, 0x0342, 0x0653, 0x0654]
        return (0x0300...0x1FFFF).compactMap { value -> Unicode.Scalar? in
            guard !fused.contains(UInt32(value)), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            let p = scalar.properties
            guard p.generalCategory == .nonspacingMark, p.canonicalCombiningClass == .above,
                  let age = p.age, age.major < 6 || (age.major == 6 && age.minor == 0) else { return nil }
            // No decomposition mapping (canonical or compatibility).
            let alone = String(Character(scalar))
            guard alone.decomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual([scalar]) else { return nil }
            return scalar
        }
    }()

    /// The most rows or columns one picture may span (one mark per number).
    package static var maximumSpan: Int { diacritics.count }

    /// An image id that placeholders can carry through a 256-colour foreground, which tmux and
    /// every kitty pass unchanged: the low byte is the colour (16…255, never one of the 16 basic
    /// colours, which some programs rewrite as `ESC[3Nm`), the high byte a third mark (1…255, so
    /// the id never clashes with programs that count ids from 1); the middle bytes are zero.
    package static func imageID(_ n: UInt32) -> UInt32 {
        let low = 16 + n % 240, high = 1 + (n / 240) % 255
        return high << 24 | low
    }

    /// The text of each row of a `columns` x `rows` picture of image `id` (made by `imageID`):
    /// every cell carries its row, column and the id's high byte, so a row redrawn in part
    /// (by tmux, around an overlay) still shows the right piece. Each row ends with the
    /// foreground colour reset.
    package static func rows(id: UInt32, columns: Int, rows: Int) -> [String] {
        let columns = min(columns, maximumSpan), rows = min(rows, maximumSpan)
        let high = diacritics[Int(min(id >> 24, UInt32(maximumSpan - 1)))]
        let colour = "\u{1B}[38;5;\(id & 0xFF)m"
        return (0..<rows).map { row in
            var line = String.UnicodeScalarView()
            for column in 0..<columns {
                line.append(placeholder)
                line.append(diacritics[row])
                line.append(diacritics[column])
                line.append(high)
            }
            return colour + String(line) + "\u{1B}[39m"
        }
    }

    /// The rows drawn from the cursor down, each starting at `column` (the cursor's column, from
    /// the left edge): after a row, a carriage return, one line down and across again.
    package static func block(id: UInt32, columns: Int, rows: Int, column: Int) -> String {
        let across = column > 0 ? "\u{1B}[\(column)C" : ""
        return Self.rows(id: id, columns: columns, rows: rows).joined(separator: "\r\u{1B}[1B" + across)
    }
}
