import Foundation

/// `{"data":[...]}` and/or `{"errors":[...]}`; also the `{"error":{...}}` and bare-array forms
/// the SDK tolerates. Unknown fields are ignored.
package struct ResponseEnvelope<Item: Decodable & Sendable>: Sendable {
    package var data: [Item]
    package var errors: [APIErrorObject]
    /// `data` items that could not be read at all, each with why; the others are kept.
    package var unreadable: [String] = []

    package init(data: [Item], errors: [APIErrorObject], unreadable: [String] = []) {
        self.data = data
        self.errors = errors
        self.unreadable = unreadable
    }

    private struct Wire: Decodable {
        var data: [EachItem<Item>]?
        var errors: [EachItem<APIErrorObject>]?
        var error: APIErrorObject?

        enum Keys: String, CodingKey { case data, errors, error }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            // `data` is an array, but an object is seen too (an imageUpload answer in Runware's
            // docs): it is read as the one item.
            if let list = try? c.decodeIfPresent([EachItem<Item>].self, forKey: .data) {
                data = list
            } else if let one = try? c.decodeIfPresent(EachItem<Item>.self, forKey: .data) {
                data = [one]
            }
            errors = try c.decodeIfPresent([EachItem<APIErrorObject>].self, forKey: .errors)
            error = try c.decodeIfPresent(APIErrorObject.self, forKey: .error)
        }
    }

    /// One element decoded on its own, so a bad one never takes its neighbours with it.
    private struct EachItem<T: Decodable>: Decodable {
        var value: T?
        var problem: String?
        init(from decoder: Decoder) throws {
            do { value = try T(from: decoder) } catch { problem = JSONValue.describe(error) }
        }
    }

    package static func decode(_ raw: Data) throws -> ResponseEnvelope {
        let decoder = JSONDecoder()
        // Invalid UTF-8 in a server's message must not lose the whole answer: bad bytes become U+FFFD.
        let body = String(data: raw, encoding: .utf8) == nil ? Data(String(decoding: raw, as: UTF8.self).utf8) : raw
        if let first = body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }), first == UInt8(ascii: "[") {
            return ResponseEnvelope(data: [], errors: try decoder.decode([APIErrorObject].self, from: body))
        }
        let wire = try decoder.decode(Wire.self, from: body)
        var errors = (wire.errors ?? []).compactMap(\.value)
        if let e = wire.error { errors.append(e) }
        let items = wire.data ?? []
        let unreadable = items.enumerated().compactMap { n, item in item.problem.map { "data item \(n + 1) is unreadable: \($0)" } }
        return ResponseEnvelope(data: items.compactMap(\.value), errors: errors, unreadable: unreadable)
    }
}

/// A `data` item of an imageInference or getResponse answer: a result, or a failed generation
/// reported inside `data` (`{"status":"error","error":{...}}` or top-level `code`/`message`).
package enum InferenceItem: Decodable, Sendable {
    case result(ImageResult)
    case failure(APIErrorObject)

    private enum Keys: String, CodingKey { case status, error, code, message }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let status = try c.decodeIfPresent(String.self, forKey: .status)
        if status == "error" || c.contains(.error) || (c.contains(.code) && c.contains(.message)) {
            self = .failure(try APIErrorObject(from: decoder))
        } else {
            self = .result(try ImageResult(from: decoder))
        }
    }
}
