import Foundation
import RunwareAPI

/// Sends finished results on: one webhook POST of `{"data":[item]}` per result (retried on
/// failure), and one PUT of the raw image bytes per result to `uploadEndpoint`.
final class Deliverer: Sendable {
    let transport: any Transport = CurlTransport(options: .init(connectTimeout: .seconds(5), totalTimeout: .seconds(30)))

    private var retrying: RetryingTransport {
        RetryingTransport(base: transport, policy: RetryPolicy(maxRetries: 3, baseDelay: .milliseconds(500),
                                                                 jitter: .milliseconds(200)))
    }

    func deliver(_ results: [(item: JSONValue, bytes: Data)], format: String, webhookURL: String?, uploadEndpoint: String?) {
        guard webhookURL != nil || uploadEndpoint != nil else { return }
        let sender = retrying
        Task.detached {
            for (item, bytes) in results {
                if let webhookURL, let body = try? RunwareJSON.encode(JSONValue.object(["data": .array([item])])) {
                    _ = try? await sender.send(HTTPRequest(method: "POST", url: webhookURL,
                                                           headers: [("Content-Type", "application/json")], body: body))
                }
                if let uploadEndpoint {
                    _ = try? await sender.send(HTTPRequest(method: "PUT", url: uploadEndpoint,
                                                           headers: [("Content-Type", "image/\(format.lowercased())")], body: bytes))
                }
            }
        }
    }
}
