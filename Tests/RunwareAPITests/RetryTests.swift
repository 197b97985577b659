import Foundation
import Synchronization
import Testing
@testable import RunwareAPI

/// A transport that answers from a script and records what it was asked.
final class ScriptedTransport: Transport, Sendable {
    enum Step: Sendable { case reply(Int, [String: String], String), fail(TransportError) }
    private let steps: Mutex<[Step]>
    let sent = Mutex<[HTTPRequest]>([])
    init(_ steps: [Step]) { self.steps = Mutex(steps) }
    var count: Int { sent.withLock { $0.count } }
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        let step = steps.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .reply(let status, let headers, let body)?: return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        case .fail(let e)?: throw e
        case nil: Issue.record("unexpected request"); throw TransportError.connectionFailed("script exhausted")
        }
    }
}

final class Recorder<T: Sendable>: Sendable {
    private let store = Mutex<[T]>([])
    func append(_ value: T) { store.withLock { $0.append(value) } }
    var values: [T] { store.withLock { $0 } }
}

@Suite struct RetryTests {
    let ok = ScriptedTransport.Step.reply(200, [:], #"{"data":[]}"#)

    func retrying(_ base: ScriptedTransport, delays: Recorder<Duration>, policy: RetryPolicy = RetryPolicy()) -> RetryingTransport {
        RetryingTransport(base: base, policy: policy, sleep: { d in delays.append(d) }, random: { 0.5 })
    }

    @Test func backsOffExponentiallyWithJitterOn429And5xx() async throws {
        let base = ScriptedTransport([.reply(429, [:], "{}"), .reply(503, [:], "{}"), .reply(500, [:], "{}"), ok])
        let delays = Recorder<Duration>()
        let response = try await retrying(base, delays: delays).send(HTTPRequest(url: "http://x"))
        #expect(response.status == 200)
        #expect(base.count == 4)
        #expect(delays.values == [.milliseconds(1500), .milliseconds(2500), .milliseconds(4500)])
    }

    @Test func honoursRetryAfter() async throws {
        let base = ScriptedTransport([.reply(429, ["retry-after": "7"], "{}"), ok])
        let delays = Recorder<Duration>()
        _ = try await retrying(base, delays: delays).send(HTTPRequest(url: "http://x"))
        #expect(delays.values == [.seconds(7)])
    }

    @Test func neverRetriesOtherClientErrors() async throws {
        for status in [400, 401, 402, 403, 404, 409] {
            let base = ScriptedTransport([.reply(status, [:], "{}")])
            let delays = Recorder<Duration>()
            let response = try await retrying(base, delays: delays).send(HTTPRequest(url: "http://x"))
            #expect(response.status == status && base.count == 1)
        }
    }

    @Test func retriesBrokenConnectionsThenGivesUp() async throws {
        let base = ScriptedTransport(Array(repeating: .fail(.interrupted("reset")), count: 4))
        let delays = Recorder<Duration>()
        await #expect(throws: TransportError.interrupted("reset")) {
            _ = try await retrying(base, delays: delays).send(HTTPRequest(url: "http://x"))
        }
        #expect(base.count == 4)
    }

    @Test func aStormOf429EndsWithTheLast429() async throws {
        let base = ScriptedTransport(Array(repeating: .reply(429, [:], "{}"), count: 4))
        let delays = Recorder<Duration>()
        let response = try await retrying(base, delays: delays).send(HTTPRequest(url: "http://x"))
        #expect(response.status == 429 && base.count == 4)
    }

    @Test func delaysAreCapped() {
        let p = RetryPolicy(maxRetries: 10)
        #expect(p.delay(attempt: 9, retryAfter: nil, unit: 0) == .seconds(30))
        #expect(p.delay(attempt: 0, retryAfter: .seconds(600), unit: 0) == .seconds(60))
        #expect(RetryPolicy.parseRetryAfter("2") == .seconds(2))
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
    }
}

/// The content service's pricing is asked for under the model ids the official SDK 1.8.0 maps
/// (`types/task_map.py`): FLUX.1 [dev] and [schnell] are `bfl-flux-1-dev` and `bfl-flux-1-schnell`
/// since 2026 (`flux-1-dev` is an architecture there, and its pricing page answers 404).
@Suite struct PricingIDTests {
    @Test func eachModelIsAskedForUnderItsContentID() async throws {
        let body = #"{"air":"x","pricingExamples":[]}"#
        for (air, id) in [("runware:111@1", "flux-1-dev-srpo"), ("runware:101@1", "bfl-flux-1-dev"), ("runware:100@1", "bfl-flux-1-schnell"),
                          ("civitai:1@1", "civitai%3A1%401")] {
            let transport = ScriptedTransport([.reply(404, [:], body)])
            let client = RunwareClient(endpoint: "https://api.runware.ai/v1", apiKey: "k", transport: transport)
            _ = try await client.pricing(model: air)
            #expect(transport.sent.withLock { $0.first?.url } == "https://content.runware.ai/models/\(id)/pricing", "\(air)")
        }
    }
}
