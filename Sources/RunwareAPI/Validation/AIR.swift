/// Runware's AIR model identifiers: `source:id@version`, e.g. `runware:111@1`, `civitai:132942@146296`.
package enum AIR {
    package static func isValid(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), let at = s.lastIndex(of: "@"), colon < at else { return false }
        let source = s[s.startIndex..<colon]
        let id = s[s.index(after: colon)..<at]
        let version = s[s.index(after: at)...]
        guard !source.isEmpty, !id.isEmpty, !version.isEmpty else { return false }
        let sourceOK = source.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        let idOK = id.allSatisfy { !$0.isWhitespace && $0 != ":" && $0 != "@" }
        let versionOK = version.allSatisfy { !$0.isWhitespace && $0 != "@" }
        return sourceOK && idOK && versionOK
    }
}
