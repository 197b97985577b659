import NIOCore
import NIOHTTP1

/// Answers a first request the HTTP decoder cannot read (raw control bytes in its path, headers
/// past the decoder's limits) with 400 or 431 and closes the connection. Without it such a
/// request got no answer at all, since the server decides on the WebSocket upgrade before its
/// HTTP handling (which answers later requests' errors itself) is in place. Leaves the pipeline
/// once the first request has been read.
final class BadRequestAnswer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let status: HTTPResponseStatus = error == .headerOverflow ? .requestHeaderFieldsTooLarge : .badRequest
        let head = HTTPResponseHead(version: .http1_1, status: status,
                                    headers: ["Connection": "close", "Content-Length": "0"])
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
