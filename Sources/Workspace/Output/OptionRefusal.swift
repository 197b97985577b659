/// A command-line value Workspace cannot use, said as `--option "value": what it must be`.
/// The executable turns it into its own usage error.
package struct OptionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
