import Foundation

/// A list of choices with type-to-filter (the scheduler list has 75 names) and a selection that
/// stays on a visible item. Pure value.
package struct ChoiceList: Sendable, Equatable {
    package let all: [String]
    package private(set) var filter = ""
    package private(set) var visible: [String]
    package private(set) var selected = 0
    /// First visible row when the list is taller than its box.
    package private(set) var scroll = 0

    package init(_ choices: [String], selecting current: String? = nil) {
        all = choices
        visible = choices
        if let current, let i = choices.firstIndex(of: current) { selected = i }
    }

    package var selection: String? { visible.isEmpty ? nil : visible[selected] }

    /// Filters by every word of `text`, case-insensitive, in any order ("dpm karras").
    package mutating func setFilter(_ text: String) {
        let keep = selection
        filter = text
        let words = text.lowercased().split(separator: " ")
        visible = words.isEmpty ? all : all.filter { name in
            let lower = name.lowercased()
            return words.allSatisfy { lower.contains($0) }
        }
        selected = keep.flatMap { visible.firstIndex(of: $0) } ?? 0
        scroll = 0
    }

    package mutating func moveSelection(by delta: Int, height: Int) {
        guard !visible.isEmpty else { return }
        selected = max(0, min(visible.count - 1, selected + delta))
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
    }

    /// Draws the visible part into a box; the selected row in `selectedStyle`.
    package func draw(into frame: inout Frame, x: Int, y: Int, width: Int, height: Int, style: Style, selectedStyle: Style) {
        frame.fill(x: x, y: y, width: width, height: height, style: style)
        for row in 0..<height {
            let i = scroll + row
            guard i < visible.count else { break }
            let s = i == selected ? selectedStyle : style
            if i == selected { frame.fill(x: x, y: y + row, width: width, height: 1, style: s) }
            frame.put(visible[i], x: x + 1, y: y + row, style: s, maxWidth: width - 1)
        }
    }
}

/// A number with a step and documented limits; out-of-range values are kept (so validation can
/// name them) but stepping stays inside the limits.
package struct NumberField: Sendable, Equatable {
    package var value: Double?
    package let step: Double
    package let range: ClosedRange<Double>
    package let integer: Bool

    package init(value: Double?, step: Double, range: ClosedRange<Double>, integer: Bool) {
        self.value = value
        self.step = step
        self.range = range
        self.integer = integer
    }

    /// Steps by `times` steps; an unset value steps away from 0 (or the limit nearest to it).
    package mutating func increment(_ times: Int = 1) {
        let start = value ?? min(range.upperBound, max(range.lowerBound, 0))
        var v = start + step * Double(times)
        v = min(range.upperBound, max(range.lowerBound, v))
        value = integer ? v.rounded() : (v / step).rounded() * step
    }

    /// Parses typed text; empty clears the value. Returns false (value unchanged) when not a number.
    package mutating func set(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { value = nil; return true }
        guard let v = Double(trimmed), v.isFinite, !integer || v == v.rounded() else { return false }
        value = v
        return true
    }

    package var isInRange: Bool { value.map { range.contains($0) } ?? true }

    package var text: String {
        guard let value else { return "" }
        if integer { return String(Int64(value)) }
        let s = String(format: "%.2f", value)
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }
}
