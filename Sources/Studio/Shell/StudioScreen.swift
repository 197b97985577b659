/// The studio's screens.
package enum StudioScreen: String, Sendable, Equatable, CaseIterable {
    case generate, history
}
