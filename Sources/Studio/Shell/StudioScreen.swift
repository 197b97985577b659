/// The studio's screens.
public enum StudioScreen: String, Sendable, Equatable, CaseIterable {
    case generate, history
}
