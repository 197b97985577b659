import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Ends the connection after a response whose head says `Connection: close`, as a server that
/// sends it must (RFC 9112 §9.6). Hummingbird waits for the next request whatever the response
/// says, so without this a refused key (answered with `Connection: close`) left the connection
/// open for as many guesses as the client cared to make. The response is sent, then the sending
/// side is shut (the client reads the end of the stream), and whatever the client still sends
/// is read and dropped for at most `linger` before the connection is closed: closing at once,
/// with a body still arriving, could reset the connection before the client has read the answer.
final class CloseAfterResponse: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let linger: TimeAmount
    private var closing = false

    init(linger: TimeAmount) { self.linger = linger }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            closing = head.headerFields[.connection]?.lowercased().contains("close") == true
        case .end where closing:
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let linger = self.linger
            let written = context.writeAndFlush(data)
            written.cascade(to: promise)
            written.whenComplete { _ in
                bound.value.close(mode: .output, promise: nil)
                bound.value.eventLoop.scheduleTask(in: linger) { bound.value.close(promise: nil) }
            }
            return
        case .body, .end:
            break
        }
        context.write(data, promise: promise)
    }
}
