import Foundation
import RunwareAPI

/// A sweep: one, two or three parameters, each with a list of values, over a base request; one
/// job per cell, shown as a labelled contact sheet (the third parameter's values are its pages).
package struct SweepAxis: Sendable, Equatable {
    package var name: String
    package var values: [String]
    /// A prompt search-and-replace axis (`prompt:fox/cat,owl`): the word each value takes the
    /// place of in the prompt; its first value is the word itself (the prompt as it was).
    package var replacing: String?

    package init(name: String, values: [String], replacing: String? = nil) {
        self.name = name
        self.values = values
        self.replacing = replacing
    }
}

package struct SweepCell: Sendable, Equatable {
    package var label: String
    package var path: String?
    package var failure: String?
}

package struct SweepGrid: Sendable, Equatable {
    package var baseJobID: Int64
    package var axes: [SweepAxis]
    /// Page by page (a page per value of the third axis, one page without it), each row-major: a
    /// row per value of the second axis (one row without it), a column per value of the first.
    package var cells: [SweepCell]
    /// The page on screen (0 without a third axis).
    package var page = 0
    /// The PNGs it was saved as, one per page.
    package var savedPNGs: [String] = []

    package init(baseJobID: Int64, axes: [SweepAxis], cells: [SweepCell]) {
        self.baseJobID = baseJobID
        self.axes = axes
        self.cells = cells
    }

    package var columns: Int { axes[0].values.count }
    package var rows: Int { axes.count > 1 ? axes[1].values.count : 1 }
    package var pages: Int { axes.count > 2 ? axes[2].values.count : 1 }
    package var columnLabels: [String] { axes[0].values.map { "\(axes[0].name)=\($0)" } }
    package var rowLabels: [String] { axes.count > 1 ? axes[1].values.map { "\(axes[1].name)=\($0)" } : [] }
    /// `seed=2` for each page; empty without a third axis.
    package var pageLabels: [String] { axes.count > 2 ? axes[2].values.map { "\(axes[2].name)=\($0)" } : [] }

    /// The cell at a row and column of a page.
    package func cell(page: Int, row: Int, column: Int) -> SweepCell {
        cells[(page * rows + row) * columns + column]
    }

    /// The cells of one page, row-major.
    package func cells(ofPage page: Int) -> ArraySlice<SweepCell> {
        let size = rows * columns
        return cells[min(cells.count, page * size)..<min(cells.count, (page + 1) * size)]
    }

    /// Another page, kept within the pages.
    package mutating func turn(by delta: Int) {
        page = max(0, min(pages - 1, page + delta))
    }

    package static let maxCells = 36

    package struct ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        package var description: String
    }

    /// `CFGScale=2,4,6 steps=20,28,36 seed=1,2`: one, two or three axes (the third as pages), each
    /// a field name and its values. A value may hold spaces (`scheduler=Euler,DPM++ 2M Karras`):
    /// an axis ends where the next `NAME=` starts; quotes keep a comma or an `=` in a value (`"a, b"`).
    package static func axes(_ text: String, fields: [FieldSpec]) throws -> [SweepAxis] {
        let parts = try split(text)
        guard (1...3).contains(parts.count) else {
            throw ParseError(description: "give one, two or three parameters (the third as pages), e.g. CFGScale=2,4,6 steps=20,28 seed=1,2")
        }
        var axes: [SweepAxis] = []
        for (name, valueText) in parts {
            if let twice = axes.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
                throw ParseError(description: "\(twice.name) is given twice; give each parameter once, with all its values")
            }
            if name.lowercased() == "prompt" {
                // prompt:fox/cat,owl — "fox" in the prompt, then "cat", then "owl" in its place.
                guard let slash = valueText.firstIndex(of: "/"), slash != valueText.startIndex else {
                    throw ParseError(description: "a prompt axis is prompt:WORD/other,other (e.g. prompt:fox/cat,owl)")
                }
                let word = String(valueText[..<slash]).trimmingCharacters(in: .whitespaces)
                let others = try Self.values(String(valueText[valueText.index(after: slash)...]))
                guard !others.isEmpty else { throw ParseError(description: "prompt:\(word)/ has nothing to put in its place") }
                axes.append(SweepAxis(name: "prompt", values: [word] + others, replacing: word))
                continue
            }
            let pieces = [name, valueText]
            guard let field = fields.first(where: { $0.path.description.caseInsensitiveCompare(pieces[0]) == .orderedSame }),
                  field.kind.takesText || { if case .choice = field.kind { true } else { false } }(), field.kind != .prompt
            else {
                throw ParseError(description: "\"\(pieces[0])\" is not a parameter a sweep can vary (try steps, CFGScale, seed, scheduler, lora[0].weight)")
            }
            let values = try Self.values(pieces[1])
            guard !values.isEmpty else { throw ParseError(description: "\"\(pieces[0])\" has no values") }
            axes.append(SweepAxis(name: field.path.description, values: values))
        }
        let cells = axes.reduce(1) { $0 * $1.values.count }
        guard cells <= maxCells else { throw ParseError(description: "\(cells) cells; a sweep holds at most \(maxCells)") }
        return axes
    }

    /// The text cut into `NAME=values` parts: a part starts at a word followed by `=` at the
    /// start or after a space, outside quotes; `by` and `x` between parts are dropped.
    static func split(_ text: String) throws -> [(name: String, values: String)] {
        let chars = Array(text)
        var starts: [(name: String, valueStart: Int, partStart: Int)] = []
        var quoted = false
        var i = 0
        while i < chars.count {
            if chars[i] == "\"" { quoted.toggle() }
            if !quoted, i == 0 || chars[i - 1] == " " {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || "._[]".contains(chars[j]) { j += 1 }
                let isPromptAxis = chars[j...].first == ":" && String(chars[i..<j]).lowercased() == "prompt"
                if j > i, j < chars.count, chars[j] == "=" || isPromptAxis, chars[i].isLetter {
                    starts.append((String(chars[i..<j]), j + 1, i))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        guard quoted == false else { throw ParseError(description: "a quote is not closed") }
        guard let first = starts.first else {
            throw ParseError(description: text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "give one, two or three parameters (the third as pages), e.g. CFGScale=2,4,6 steps=20,28 seed=1,2"
                : "\"\(text.trimmingCharacters(in: .whitespaces))\": write NAME=value,value,...")
        }
        let before = String(chars[0..<first.partStart]).trimmingCharacters(in: .whitespaces)
        guard before.isEmpty else { throw ParseError(description: "\"\(before)\": write NAME=value,value,...") }
        return starts.enumerated().map { n, start in
            let end = n + 1 < starts.count ? starts[n + 1].partStart : chars.count
            var values = String(chars[start.valueStart..<end]).trimmingCharacters(in: .whitespaces)
            for joiner in [" by", " x"] where values.lowercased().hasSuffix(joiner) { values = String(values.dropLast(joiner.count)) }
            return (start.name, values.trimmingCharacters(in: .whitespaces))
        }
    }

    /// `2,4,6` or `Euler,"DPM++ 2M Karras"`: commas split, quotes keep, spaces inside stay.
    static func values(_ text: String) throws -> [String] {
        var values: [String] = [], current = "", quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); continue }
            if c == ",", !quoted { values.append(current); current = ""; continue }
            current.append(c)
        }
        values.append(current)
        return values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The request of every cell, in `cells`' order (page by page, row-major); every cell that
    /// breaks a documented limit is named.
    package static func requests(base: [String: JSONValue], axes: [SweepAxis]) throws -> [(label: String, request: ImageInferenceRequest)] {
        let rowValues: [String?] = axes.count > 1 ? axes[1].values : [nil]
        let pageValues: [String?] = axes.count > 2 ? axes[2].values : [nil]
        var out: [(String, ImageInferenceRequest)] = []
        var broken: [String] = []
        // Page by page, row by row, column by column: each cell's value of every axis.
        let combinations: [[String?]] = pageValues.flatMap { page in
            rowValues.flatMap { row in axes[0].values.map { column in [column, row, page] } }
        }
        for values in combinations {
            var form = GenerateForm(document: base)
            let settings = zip(axes, values).compactMap { axis, value in value.map { (axis.name, $0) } }
            let label = settings.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            for (name, v) in settings {
                if name == "prompt", let word = axes.first(where: { $0.name == "prompt" })?.replacing {
                    let prompt = form.document["positivePrompt"]?.stringValue ?? ""
                    guard prompt.contains(word) else { throw ParseError(description: "the prompt has no \"\(word)\" to replace") }
                    if let field = form.fields.first(where: { $0.path == "positivePrompt" }) {
                        form.set(field, text: prompt.replacingOccurrences(of: word, with: v))
                    }
                    continue
                }
                guard let field = form.fields.first(where: { $0.path.description == name }) else {
                    throw ParseError(description: "\(name) is not in this request")
                }
                form.set(field, text: v)
            }
            if !form.issues.isEmpty {
                broken.append("cell \(label): " + form.issues.map(FieldNames.message).joined(separator: "; "))
            }
            out.append((label, form.draft))
        }
        guard broken.isEmpty else {
            let shown = broken.prefix(4).joined(separator: " · ")
            throw ParseError(description: "\(broken.count) of \(out.count) cells break a limit: \(shown)"
                + (broken.count > 4 ? " · and \(broken.count - 4) more" : ""))
        }
        return out
    }
}
