import Foundation

/// How many values and keys a JSON text holds and how deeply it nests, counted in one pass over
/// its bytes without building anything, so that a text which would grow into a huge tree (a 60 MB
/// `[0,0,…]` is 30 million values) is refused before it is parsed. Not a validator: what it
/// passes is still parsed, and a malformed text is the parser's to refuse.
enum JSONShape {
    enum Excess: Equatable {
        case values(limit: Int)
        case depth(limit: Int)

        var message: String {
            switch self {
            case .values(let limit):
                return "The request holds more than \(limit) JSON values and keys; the sandbox takes at most \(limit) in one request."
            case .depth(let limit):
                return "The request nests JSON arrays and objects more than \(limit) deep; the sandbox takes at most \(limit) levels."
            }
        }
    }

    /// No task the API takes nests anywhere near this deep.
    static let maxDepth = 32

    /// The first limit `text` goes past, or nil when it holds at most `maxValues` values and keys
    /// (each string, number, literal, array and object counts once) nested at most `maxDepth` deep.
    static func excess(_ text: Data, maxValues: Int, maxDepth: Int = maxDepth) -> Excess? {
        text.withUnsafeBytes { bytes -> Excess? in
            var values = 0
            var depth = 0
            var inString = false
            var escaped = false
            // A scalar starts where a value may: at the start, or after `[`, `,` or `:`.
            var valueMayStart = true
            for byte in bytes {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    continue
                case UInt8(ascii: "\""):
                    inString = true
                    values += 1
                    valueMayStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    values += 1
                    depth += 1
                    if depth > maxDepth { return .depth(limit: maxDepth) }
                    valueMayStart = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    valueMayStart = false
                case UInt8(ascii: ","), UInt8(ascii: ":"):
                    valueMayStart = true
                default:
                    if valueMayStart { values += 1 }
                    valueMayStart = false
                }
                if values > maxValues { return .values(limit: maxValues) }
            }
            return nil
        }
    }
}
