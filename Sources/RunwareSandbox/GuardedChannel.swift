import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The WebSocket-upgrading HTTP server's child channel with the sandbox's guards around it: a
/// `HeaderDeadline` and a `WebSocketGate` ahead of its decoders, and a `BadRequestAnswer` after
/// them for a first request they cannot read.
struct GuardedChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value
    let base: Base
    let timeout: TimeAmount
    let bodies: BodyBudget
    let unauthenticatedBytes: Int

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let allowance = WebSocketAllowance(budget: bodies, unauthenticatedBytes: unauthenticatedBytes)
            try channel.pipeline.syncOperations.addHandlers(HeaderDeadline(timeout: timeout), WebSocketGate(allowance: allowance))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            try channel.pipeline.syncOperations.addHandler(BadRequestAnswer())
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
