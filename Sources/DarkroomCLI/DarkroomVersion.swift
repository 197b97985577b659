import RunwareAPI

/// What `darkroom --version` says.
enum DarkroomVersion {
    static let number = ClientVersion.number
    static let text = "darkroom \(number) (Runware image studio; default model runware:111@1)"
}
