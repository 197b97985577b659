import Foundation
import RunwareAPI

/// The key of a POST, checked before its body is read: a wrong key in `Authorization` is refused
/// at once; with no key there, only the start of the body is read, to find the `authentication`
/// task that must come first in the array.
enum KeyCheck {
    /// The key in the headers is right: read the body.
    case headerKey
    /// No key in the headers: the body must start with an authentication task holding it.
    case keyInBody
    case refused(SandboxReply)
}

extension SandboxEngine {
    func checkKey(authorization: String?) -> KeyCheck {
        guard let key = authorization.flatMap(Self.bearer), !key.isEmpty else { return .keyInBody }
        return key == settings.apiKey ? .headerKey : .refused(.invalidKey)
    }

    /// Nil when `prefix`, the start of a body, opens an array whose first element is an
    /// authentication task with the right key, complete within it; the refusal otherwise.
    func checkAuthenticationTask(inPrefix prefix: Data) -> SandboxReply? {
        guard let first = Self.firstObject(ofArrayIn: prefix),
              let task = (try? JSONValue.parse(first))?.objectValue,
              task["taskType"]?.stringValue == "authentication",
              let key = task["apiKey"]?.stringValue, !key.isEmpty else {
            return .missingKey(searched: settings.limits.unauthenticatedBytes)
        }
        return key == settings.apiKey ? nil : .invalidKey
    }

    /// The bytes of the first element of the JSON array `text` starts with, when that element is
    /// an object ending within `text`.
    static func firstObject(ofArrayIn text: Data) -> Data? {
        let bytes = [UInt8](text)
        var i = 0
        func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        let start = i
        var depth = 0
        var inString = false
        var escaped = false
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return Data(bytes[start...i]) }
            }
            i += 1
        }
        return nil
    }
}

extension SandboxReply {
    /// 401 for a key that is not the sandbox's. Asks the client to close the connection, so that
    /// it stops sending a body the sandbox will not read.
    static var invalidKey: SandboxReply {
        var reply = SandboxReply.errors(401, [APIErrorObject(code: "invalidApiKey", message: "Invalid API key. Get one at https://my.runware.ai",
                                                             parameters: ["apiKey"], taskType: "authentication")])
        reply.headers.append(("Connection", "close"))
        return reply
    }

    /// 401 for a request with no key where the sandbox looked: its headers, and the first
    /// `searched` bytes of its body.
    static func missingKey(searched: Int) -> SandboxReply {
        var reply = SandboxReply.errors(401, [APIErrorObject(
            code: "missingApiKey",
            message: "No API key was provided: send it as \"Authorization: Bearer KEY\", or as an authentication task "
                + "first in the array, within the body's first \(searched) bytes.",
            parameters: ["apiKey"], taskType: "authentication")])
        reply.headers.append(("Connection", "close"))
        return reply
    }
}
