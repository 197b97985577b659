/// The `?` screen: every binding of the screen it was opened on, by context, scrolled.
package struct HelpOverlay: Sendable, Equatable {
    package var screen: StudioScreen
    package var scroll = 0

    package init(screen: StudioScreen) { self.screen = screen }

    mutating func handle(_ input: Input, _ context: ScreenContext) -> OverlayOutcome {
        guard case .action(let action) = input else { return .stay(.help(self)) }
        if action == .helpClose { return .close() }
        scroll = max(0, scroll + ListStep.delta(action, page: context.listPage))
        return .stay(.help(self))
    }
}
