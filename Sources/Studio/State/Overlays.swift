import Foundation
import History
import RunwareAPI
import TerminalUI

/// What a picker writes into when something is chosen.
public enum PickerTarget: Sendable, Equatable {
    case field(JSONPath)
    /// A new item of a stack, added after the given index (or at the end).
    case newStackItem(stack: String, after: Int?)
}

/// The model picker: a query searched with `modelSearch` as it is typed.
public struct ModelPicker: Sendable, Equatable {
    public var target: PickerTarget
    public var category: String?
    public var query: LineEditor
    public var results: [ModelEntry] = []
    public var selected = 0
    /// The query the shown results answer; differs from `query.text` while a search is on its way.
    public var answered: String?
    public var error: String?

    public init(target: PickerTarget, category: String?, query: String = "") {
        self.target = target
        self.category = category
        self.query = LineEditor(query)
    }

    public var searching: Bool { answered != query.text }
}

/// A folder entry in the file picker.
public struct FileEntry: Sendable, Equatable {
    public var name: String
    public var isDirectory: Bool
    public var bytes: Int
    public init(name: String, isDirectory: Bool, bytes: Int) {
        self.name = name
        self.isDirectory = isDirectory
        self.bytes = bytes
    }
}

/// The file picker for input images: folders first, images only, filter as you type, and a
/// thumbnail of the selected file.
public struct FilePicker: Sendable, Equatable {
    public var target: JSONPath
    public var folder: String
    public var entries: [FileEntry] = []
    public var filter = LineEditor()
    public var selected = 0
    public var loading = true
    public var error: String?

    public init(target: JSONPath, folder: String) {
        self.target = target
        self.folder = folder
    }

    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "webp"]

    public var visible: [FileEntry] {
        let words = filter.text.lowercased().split(separator: " ")
        let shown = entries.filter { e in words.allSatisfy { e.name.lowercased().contains($0) } }
        return [FileEntry(name: "..", isDirectory: true, bytes: 0)] + shown
    }

    public var selection: FileEntry? {
        let v = visible
        return v.indices.contains(selected) ? v[selected] : nil
    }

    public var selectedPath: String? {
        guard let e = selection, !e.isDirectory else { return nil }
        return (folder as NSString).appendingPathComponent(e.name)
    }
}

/// Reverse search through every prompt sent, as you type (Ctrl-R).
public struct PromptSearch: Sendable, Equatable {
    public var query = LineEditor()
    public var selected = 0

    public init() {}

    public func matches(in prompts: [String]) -> [String] {
        let words = query.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return prompts }
        return prompts.filter { p in
            let lower = p.lowercased()
            return words.allSatisfy { lower.contains($0) }
        }
    }
}

/// A documented set of values to choose from, with type-to-filter.
public struct ChoicePicker: Sendable, Equatable {
    public var path: JSONPath
    public var list: ChoiceList
    public var filter = LineEditor()

    public init(path: JSONPath, options: [String], current: String?) {
        self.path = path
        list = ChoiceList(options, selecting: current)
    }
}

/// One line of text asked for (tags, a folder).
public struct InputPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case tags(jobID: Int64)
        case exportFolder(jobID: Int64)
        case sweep(jobID: Int64)
    }
    public var purpose: Purpose
    public var title: String
    public var line: LineEditor
    public init(_ purpose: Purpose, title: String, text: String = "") {
        self.purpose = purpose
        self.title = title
        line = LineEditor(text)
    }
}

public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case input(InputPrompt)
    case choice(ChoicePicker)
    case models(ModelPicker)
    case files(FilePicker)
    case promptSearch(PromptSearch)
}
