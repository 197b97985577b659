import Foundation
import TerminalUI

/// Semantic roles mapped to styles. Unset roles fall back to their parent (`field.error` ->
/// `field`), then to the terminal's default colours.
package struct Theme: Sendable, Equatable {
    package static let roles: Set<String> = [
        "title", "border", "border.focused", "field", "field.label", "field.value", "field.focused", "field.error",
        "hint", "selection", "status", "status.error", "footer", "footer.key", "footer.text",
    ]

    package var name: String
    package var styles: [String: Style]

    package init(name: String, styles: [String: Style]) {
        self.name = name
        self.styles = styles
    }

    package func style(_ role: String) -> Style {
        var r = role
        while true {
            if let s = styles[r] { return s }
            guard let dot = r.lastIndex(of: ".") else { return .plain }
            r = String(r[..<dot])
        }
    }
}

extension Theme {
    /// For terminals without colour (and NO_COLOR): attributes only, so focus, errors and the
    /// selection stay visible.
    package static let monochrome = Theme(name: "monochrome", styles: [
        "title": Style(attributes: .bold),
        "border.focused": Style(attributes: .bold),
        "field.focused": Style(attributes: .reverse),
        "field.error": Style(attributes: [.bold, .underline]),
        "hint": Style(attributes: .dim),
        "selection": Style(attributes: .reverse),
        "status": Style(attributes: .reverse),
        "status.error": Style(attributes: [.reverse, .bold]),
        "footer.key": Style(attributes: .bold),
    ])

    /// The `themes/` folder shipped with Darkroom: `DARKROOM_THEMES`, else the first `themes`
    /// folder holding `dark.toml` above the executable (the repository when built from source),
    /// else `/usr/share/darkroom/themes`.
    /// A folder of more themes named by `DARKROOM_THEMES` (looked in after the user's).
    package static func extraFolder(environment: [String: String]) -> URL? {
        guard let v = environment["DARKROOM_THEMES"], !v.isEmpty else { return nil }
        return URL(fileURLWithPath: v)
    }
}
