import Synchronization

/// What one WebSocket connection may send, decided from each frame's header before its payload
/// is buffered (`WebSocketGate`): until the connection authenticates, messages of at most
/// `SandboxLimits.unauthenticatedBytes`; after, messages up to one body's size. Every data frame
/// is charged to the server's `BodyBudget` from its header until its message has been answered;
/// whatever is still charged when the connection ends is released then.
final class WebSocketAllowance: Sendable {
    /// Why a frame closes its connection: the close code and the reason sent with it.
    struct Refusal: Equatable, Sendable {
        var code: UInt16
        var reason: String
    }

    private struct State {
        var authenticated = false
        var charged = 0
        /// Bytes of the message being received so far, over its frames.
        var messageBytes = 0
        var ended = false
    }

    private let budget: BodyBudget
    private let unauthenticatedBytes: Int
    private let state = Mutex(State())

    init(budget: BodyBudget, unauthenticatedBytes: Int) {
        self.budget = budget
        self.unauthenticatedBytes = unauthenticatedBytes
    }

    var isAuthenticated: Bool { state.withLock { $0.authenticated } }

    /// Bytes charged now.
    var charged: Int { state.withLock { $0.charged } }

    func authenticated() { state.withLock { $0.authenticated = true } }

    /// A data frame's header has arrived (`continues`: a continuation of the message before it);
    /// nil when its `length` bytes are allowed and charged.
    func frameArriving(length: UInt64, continues: Bool, final: Bool) -> Refusal? {
        state.withLock { s in
            guard !s.ended else { return Refusal(code: 1001, reason: "the connection is closing") }
            let before = continues ? s.messageBytes : 0
            let limit = s.authenticated ? budget.perBody : unauthenticatedBytes
            guard length <= UInt64(limit - before) else {
                return Refusal(code: 1009, reason: s.authenticated
                    ? "a message may be at most \(limit) bytes"
                    : "authenticate first: until then a message may be at most \(limit) bytes")
            }
            guard budget.reserve(Int(length)) else {
                return Refusal(code: 1013, reason: "too many large messages at once across connections; retry shortly")
            }
            s.charged += Int(length)
            s.messageBytes = final ? 0 : before + Int(length)
            return nil
        }
    }

    /// A message of `bytes` has been answered (or dropped).
    func release(_ bytes: Int) {
        state.withLock { s in
            let released = min(bytes, s.charged)
            s.charged -= released
            budget.release(released)
        }
    }

    /// The connection has ended: everything still charged goes back to the budget.
    func end() {
        state.withLock { s in
            s.ended = true
            budget.release(s.charged)
            s.charged = 0
        }
    }
}
