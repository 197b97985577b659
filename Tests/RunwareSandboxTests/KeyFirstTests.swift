import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// A POST's key is checked before its body is read: a wrong key in the headers is refused at
/// once, and without one only the start of the body is read to find the authentication task.
/// What is parsed is bounded in values, not only in bytes. The hostile bodies are the tests' own.
@Suite struct KeyFirstTests {
    func settings(_ change: (inout SandboxLimits) -> Void = { _ in }) -> SandboxEngine.Settings {
        var settings = SandboxEngine.Settings(apiKey: SandboxHarness.key, asyncLatency: .milliseconds(30))
        change(&settings.limits)
        return settings
    }

    /// `[0,0,…,0]` of `bytes` bytes: a value every two bytes, the shape that grows most when parsed.
    func zeros(_ bytes: Int) -> String {
        "[" + String(repeating: "0,", count: (bytes - 2) / 2) + "0]"
    }

    func code(_ body: Data) throws -> String? {
        try ResponseEnvelope<JSONValue>.decode(body).errors.first?.code
    }

    func head(key: String?, length: Int) -> String {
        "POST /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (key.map { "Authorization: Bearer \($0)\r\n" } ?? "")
            + "Content-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
    }

    @Test func aWrongKeyIsAnsweredBeforeTheBodyArrives() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            // Declares 60 MB and sends the first kilobyte only: the answer must not wait for the rest.
            let connection = try RawConnection(port: try #require(sandbox.server.port))
            try connection.send(head(key: "wrong", length: 60 << 20) + zeros(1024))
            #expect(try await connection.responseStatus(within: .seconds(15)) == 401)
        }
    }

    @Test func withoutAKeyOnlyTheStartOfTheBodyIsRead() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let connection = try RawConnection(port: try #require(sandbox.server.port))
            try connection.send(head(key: nil, length: 60 << 20) + zeros(8192))
            #expect(try await connection.responseStatus(within: .seconds(15)) == 401)
        }
    }

    /// One guess per connection: a refused key closes it, so keys cannot be guessed over one
    /// keep-alive connection (as 5 failed authentications close a WebSocket).
    @Test func aRefusedKeyEndsItsConnection() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let port = try #require(sandbox.server.port)
            let ping = #"[{"taskType":"ping","taskUUID":"p"}]"#
            let inBody = #"[{"taskType":"authentication","apiKey":"guess-2"},{"taskType":"ping","taskUUID":"p"}]"#
            for (key, body) in [("guess-1", ping), (nil, inBody), (nil, ping)] {
                let connection = try RawConnection(port: port)
                try connection.send(head(key: key, length: body.utf8.count) + body)
                #expect(try await connection.responseStatus(within: .seconds(15)) == 401, "\(body)")
                #expect(try await connection.closedByServer(within: .seconds(15)), "\(body)")
            }
        }
    }

    @Test func bodiesWithoutTheRightKeyTakeNothingFromTheBudget() async throws {
        let limits = settings {
            $0.requestBodiesInFlightBytes = 1_000_000
            $0.requestBodyBytes = 600_000
        }
        try await SandboxHarness.with(limits) { sandbox in
            let port = try #require(sandbox.server.port)
            // Two clients declare 500 kB each, one with a wrong key and one with none, and stall.
            let wrong = try RawConnection(port: port)
            try wrong.send(head(key: "wrong", length: 500_000) + "[")
            let none = try RawConnection(port: port)
            try none.send(head(key: nil, length: 500_000) + "[")
            // A client with the key still has the whole budget.
            let body = "[{\"taskType\":\"ping\",\"taskUUID\":\"p\",\"padding\":\"" + String(repeating: "x", count: 590_000) + "\"}]"
            #expect(try await sandbox.post(body).status == 200)
        }
    }

    @Test func aSixtyMegabyteBodyWithAWrongKeyHoldsNoneOfIt() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let response = try await sandbox.post(zeros(60 << 20), key: "wrong")
            #expect(response.status == 401)
            #expect(try code(response.body) == "invalidApiKey")
            #expect(sandbox.server.bodyBytesPeak == 0)
            let missing = try await sandbox.post(zeros(60 << 20), key: nil)
            #expect(missing.status == 401)
            #expect(try code(missing.body) == "missingApiKey")
            #expect(sandbox.server.bodyBytesPeak <= 128 << 10)
        }
    }

    @Test func theAuthenticationTaskFirstInTheBodyStillWorks() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let auth = #"{"taskType":"authentication","apiKey":"\#(SandboxHarness.key)"}"#
            let small = try await sandbox.post("[\(auth),{\"taskType\":\"ping\",\"taskUUID\":\"p\"}]", key: nil)
            #expect(small.status == 200)
            // A large body after it is read once the key is found.
            let padding = String(repeating: "x", count: 1_000_000)
            let large = try await sandbox.post("[\(auth),{\"taskType\":\"ping\",\"taskUUID\":\"p\",\"padding\":\"\(padding)\"}]", key: nil)
            #expect(large.status == 200)
            let wrong = try await sandbox.post(#"[{"taskType":"authentication","apiKey":"nope"},{"taskType":"ping","taskUUID":"p"}]"#, key: nil)
            #expect(wrong.status == 401)
            #expect(try code(wrong.body) == "invalidApiKey")
            // An authentication task that does not end within the first 4096 bytes is not looked for.
            let late = try await sandbox.post(#"[{"taskType":"authentication","padding":"\#(padding)","apiKey":"\#(SandboxHarness.key)"}]"#, key: nil)
            #expect(late.status == 401)
            let error = try #require(try ResponseEnvelope<JSONValue>.decode(late.body).errors.first)
            #expect(error.code == "missingApiKey" && error.message.contains("4096"))
        }
    }

    @Test func aBodyWithTooManyValuesIsRefusedBeforeItIsParsed() async throws {
        try await SandboxHarness.with(settings()) { sandbox in
            let many = try await sandbox.post(zeros(400_000))
            #expect(many.status == 413)
            let error = try #require(try ResponseEnvelope<JSONValue>.decode(many.body).errors.first)
            #expect(error.code == "payloadTooLarge" && error.message.contains("100000"))
            let deep = try await sandbox.post(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
            #expect(deep.status == 413)
            // A large body of few values is fine.
            let padding = String(repeating: "x", count: 2_000_000)
            #expect(try await sandbox.post("[{\"taskType\":\"ping\",\"taskUUID\":\"p\",\"padding\":\"\(padding)\"}]").status == 200)
        }
    }
}
