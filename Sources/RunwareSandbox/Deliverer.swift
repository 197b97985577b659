import Foundation
import Imaging
import RunwareAPI

/// Sends finished results on: one webhook POST of `{"data":[item]}` per result, retried on any
/// answer but a 2xx as Runware does, and one PUT of the raw image bytes per result to
/// `uploadEndpoint` with the format's registered type (`image/jpeg` for JPG).
final class Deliverer: Sendable {
    let transport: any Transport = CurlTransport(options: .init(connectTimeout: .seconds(5), totalTimeout: .seconds(30)))
    /// Tries per delivery, and the wait before the next (doubled each time).
    let attempts: Int
    let firstWait: Duration

    init(attempts: Int = 4, firstWait: Duration = .milliseconds(500)) {
        self.attempts = attempts
        self.firstWait = firstWait
    }

    func deliver(_ results: [(item: JSONValue, bytes: Data)], format: String, webhookURL: String?, uploadEndpoint: String?) {
        guard webhookURL != nil || uploadEndpoint != nil else { return }
        let type = ImageFormat(name: format)?.mimeType ?? "application/octet-stream"
        Task.detached { [self] in
            for (item, bytes) in results {
                if let webhookURL, let body = try? RunwareJSON.encode(JSONValue.object(["data": .array([item])])) {
                    await send(HTTPRequest(method: "POST", url: webhookURL, headers: [("Content-Type", "application/json")], body: body))
                }
                if let uploadEndpoint {
                    await send(HTTPRequest(method: "PUT", url: uploadEndpoint, headers: [("Content-Type", type)], body: bytes))
                }
            }
        }
    }

    /// Until a 2xx comes back, at most `attempts` times.
    private func send(_ request: HTTPRequest) async {
        var wait = firstWait
        for attempt in 1...attempts {
            if let answer = try? await transport.send(request), (200..<300).contains(answer.status) { return }
            guard attempt < attempts else { return }
            try? await Task.sleep(for: wait)
            wait = wait * 2
        }
    }
}
