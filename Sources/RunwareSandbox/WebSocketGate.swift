import NIOCore

/// First in a connection's pipeline, ahead of every decoder: reads the connection's first request
/// head and, when it asks for the WebSocket upgrade on /v1 (the only request the server upgrades),
/// reads the header of every frame after it. Each data frame is put to the connection's
/// `WebSocketAllowance` as its header arrives, before its payload is buffered anywhere; a frame it
/// refuses closes the connection with a close frame that says why. Any other connection it leaves
/// at once. It only looks: the bytes go on unchanged.
final class WebSocketGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let allowance: WebSocketAllowance
    /// The longest first request head read for the upgrade; a longer one is not upgraded.
    static let maxHead = 8192

    private enum Stage {
        case firstHead
        case frames
        case refused
    }

    private var stage = Stage.firstHead
    private var head: [UInt8] = []
    /// The header of the frame being read, until complete.
    private var frameHeader: [UInt8] = []
    /// Payload bytes of the current frame still to come.
    private var payloadLeft: UInt64 = 0

    init(allowance: WebSocketAllowance) { self.allowance = allowance }

    /// Whether the first request asked for the WebSocket upgrade on /v1, so frames follow it.
    var sawUpgrade: Bool { stage != .firstHead }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard stage != .refused else { return }
        var bytes = buffer.readableBytesView[...]
        if stage == .firstHead {
            let before = head.count
            head += bytes.prefix(Self.maxHead - before)
            guard let end = Self.endOfHead(head) else {
                context.fireChannelRead(data)
                if head.count >= Self.maxHead { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
                return
            }
            guard Self.asksForWebSocket(head[..<end]) else {
                context.fireChannelRead(data)
                context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
                return
            }
            stage = .frames
            bytes = bytes.dropFirst(end - before)
            head = []
        }
        if let refusal = readFrames(bytes) {
            stage = .refused
            refuse(context: context, refusal)
            return
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        allowance.end()
        context.fireChannelInactive()
    }

    /// Follows frame boundaries through `bytes`, putting each data frame to the allowance.
    private func readFrames(_ bytes: ByteBufferView.SubSequence) -> WebSocketAllowance.Refusal? {
        var rest = bytes
        while !rest.isEmpty {
            if payloadLeft > 0 {
                let skipped = min(UInt64(rest.count), payloadLeft)
                rest = rest.dropFirst(Int(skipped))
                payloadLeft -= skipped
                continue
            }
            let needed = frameHeader.count < 2 ? 2 : Self.headerLength(frameHeader)
            let taken = rest.prefix(needed - frameHeader.count)
            frameHeader += taken
            rest = rest.dropFirst(taken.count)
            guard frameHeader.count == max(2, Self.headerLength(frameHeader)) else { continue }
            let final = frameHeader[0] & 0x80 != 0
            let opcode = frameHeader[0] & 0x0F
            let length = Self.payloadLength(frameHeader)
            frameHeader = []
            // Control frames (close, ping, pong) are at most 125 bytes, which the decoder enforces.
            if opcode < 8, let refusal = allowance.frameArriving(length: length, continues: opcode == 0, final: final) {
                return refusal
            }
            payloadLeft = length
        }
        return nil
    }

    /// Sends a close frame with the refusal's code and reason, then closes the connection.
    private func refuse(context: ChannelHandlerContext, _ refusal: WebSocketAllowance.Refusal) {
        let reason = Array(refusal.reason.utf8.prefix(123))
        var frame = context.channel.allocator.buffer(capacity: 4 + reason.count)
        frame.writeBytes([0x88, UInt8(2 + reason.count), UInt8(refusal.code >> 8), UInt8(refusal.code & 0xFF)])
        frame.writeBytes(reason)
        allowance.end()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(NIOAny(frame)).whenComplete { _ in bound.value.close(promise: nil) }
    }

    /// The length of a frame header whose first two bytes are known: 2, plus the extended
    /// length, plus the mask key.
    static func headerLength(_ header: [UInt8]) -> Int {
        guard header.count >= 2 else { return 2 }
        let short = header[1] & 0x7F
        return 2 + (short == 126 ? 2 : short == 127 ? 8 : 0) + (header[1] & 0x80 != 0 ? 4 : 0)
    }

    static func payloadLength(_ header: [UInt8]) -> UInt64 {
        let short = header[1] & 0x7F
        let extended = short == 126 ? header[2..<4] : short == 127 ? header[2..<10] : []
        return extended.isEmpty ? UInt64(short) : extended.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Where the head ends (after its blank line) in `bytes`, if it does.
    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    /// A GET of /v1 with `Upgrade: websocket` and `Connection: upgrade` headers: what the server
    /// upgrades (or, with bad WebSocket headers, answers 400 and closes).
    static func asksForWebSocket(_ head: ArraySlice<UInt8>) -> Bool {
        let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n")
        guard let requestLine = lines.first?.split(separator: " "), requestLine.count == 3, requestLine[0] == "GET",
              requestLine[1].split(separator: "?", omittingEmptySubsequences: false).first == "/v1" else { return false }
        func header(_ name: String, contains token: String) -> Bool {
            lines.dropFirst().contains { line in
                let parts = line.split(separator: ":", maxSplits: 1)
                return parts.count == 2 && parts[0].lowercased() == name && parts[1].lowercased().contains(token)
            }
        }
        return header("upgrade", contains: "websocket") && header("connection", contains: "upgrade")
    }
}
