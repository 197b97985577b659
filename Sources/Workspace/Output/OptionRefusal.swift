/// A command-line value Workspace cannot use, said as `--option "value": what it must be`.
/// The executable turns it into its own usage error.
public struct OptionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
