/// What `darkroom --version` says.
enum DarkroomVersion {
    static let number = "0.4.0"
    static let text = "darkroom \(number) (Runware image studio; default model runware:111@1)"
}
