import Foundation

/// `{"data":[...]}` and/or `{"errors":[...]}`; also the `{"error":{...}}` and bare-array forms
/// the SDK tolerates. Unknown fields are ignored.
public struct ResponseEnvelope<Item: Decodable & Sendable>: Sendable {
    public var data: [Item]
    public var errors: [APIErrorObject]

    public init(data: [Item], errors: [APIErrorObject]) {
        self.data = data
        self.errors = errors
    }

    private struct Wire: Decodable {
        var data: [Item]?
        var errors: [APIErrorObject]?
        var error: APIErrorObject?
    }

    public static func decode(_ body: Data) throws -> ResponseEnvelope {
        let decoder = JSONDecoder()
        if let first = body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }), first == UInt8(ascii: "[") {
            return ResponseEnvelope(data: [], errors: try decoder.decode([APIErrorObject].self, from: body))
        }
        let wire = try decoder.decode(Wire.self, from: body)
        var errors = wire.errors ?? []
        if let e = wire.error { errors.append(e) }
        return ResponseEnvelope(data: wire.data ?? [], errors: errors)
    }
}

/// A `data` item of an imageInference or getResponse answer: a result, or a failed generation
/// reported inside `data` (`{"status":"error","error":{...}}` or top-level `code`/`message`).
public enum InferenceItem: Decodable, Sendable {
    case result(ImageResult)
    case failure(APIErrorObject)

    private enum Keys: String, CodingKey { case status, error, code, message }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let status = try c.decodeIfPresent(String.self, forKey: .status)
        if status == "error" || c.contains(.error) || (c.contains(.code) && c.contains(.message)) {
            self = .failure(try APIErrorObject(from: decoder))
        } else {
            self = .result(try ImageResult(from: decoder))
        }
    }
}
