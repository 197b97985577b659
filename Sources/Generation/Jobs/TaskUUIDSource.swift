import RunwareAPI
import Synchronization

/// Where a job's taskUUID comes from. The runner mints one for every job it runs, so whoever
/// builds a request (the CLI, the studio's form) never has to; tests give a fixed sequence.
package struct TaskUUIDSource: Sendable {
    private let next: @Sendable () -> String

    package init(_ next: @escaping @Sendable () -> String) { self.next = next }

    /// Fresh random UUID v4s.
    package static let random = TaskUUIDSource { TaskID.make() }

    /// These UUIDs in order, then the same list again (for tests that name what they expect).
    package static func sequence(_ uuids: [String]) -> TaskUUIDSource {
        precondition(!uuids.isEmpty, "a sequence of taskUUIDs needs at least one")
        let position = Mutex(0)
        return TaskUUIDSource {
            position.withLock { i in
                defer { i += 1 }
                return uuids[i % uuids.count]
            }
        }
    }

    package func make() -> String { next() }
}
