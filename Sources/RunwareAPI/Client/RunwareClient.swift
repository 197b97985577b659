import Foundation

/// Sends tasks to a Runware endpoint (`https://api.runware.ai/v1` or the sandbox) and turns the
/// answers into typed values. Stateless apart from its configuration; safe to share.
package struct RunwareClient: Sendable {
    package static let productionEndpoint = "https://api.runware.ai/v1"

    package let endpoint: String
    private let apiKey: String
    package let transport: any Transport

    package init(endpoint: String = RunwareClient.productionEndpoint, apiKey: String, transport: any Transport) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
    }

    /// Validates, then sends one imageInference task. Sync: the results; async: the acknowledgement
    /// (plus any result already present).
    package func imageInference(_ request: ImageInferenceRequest) async throws -> [ImageResult] {
        try await submit(request).resultsOrThrow()
    }

    /// One poll of an async task. Items are cumulative; any failed generation throws.
    package func getResponse(taskUUID: String) async throws -> [ImageResult] {
        try await poll(taskUUID: taskUUID).resultsOrThrow()
    }

    /// Validates, then sends one imageInference task and returns every item of the answer, good
    /// and failed alike: one image's failure never discards another's result. Throws only when
    /// nothing usable came back.
    package func submit(_ request: ImageInferenceRequest) async throws -> InferenceAnswer {
        let issues = request.validate()
        if !issues.isEmpty { throw RunwareError.invalidRequest(ValidationFailure(issues: issues)) }
        // A sync answer comes only when every image is made: the wait for its first byte is the
        // job's (its deadline cancels it), and a request that may have arrived is never sent again.
        let sync = request.effectiveDelivery != .async
        let (envelope, status) = try await post([request], as: InferenceItem.self, timeout: sync ? Self.syncWait : nil,
                                                firstByteTimeout: sync ? Self.syncWait : nil, resendable: !sync)
        return try answer(of: envelope, status: status, taskUUID: request.taskUUID)
    }

    /// The longest a sync task's answer is waited for by the transport; the job's own deadline
    /// (`generate --timeout`) is what ends the wait in practice.
    package static let syncWait: Duration = .seconds(24 * 3600)

    /// One getResponse of an async task, every item kept (see `submit`).
    package func poll(taskUUID: String) async throws -> InferenceAnswer {
        let (envelope, status) = try await post([GetResponseRequest(taskUUID: taskUUID)], as: InferenceItem.self)
        return try answer(of: envelope, status: status, taskUUID: taskUUID)
    }

    package func upload(image: String) async throws -> UploadResult {
        let request = ImageUploadRequest(image: image)
        let (envelope, status) = try await post([request], as: UploadResult.self)
        try Self.throwErrors(envelope.errors, status: status)
        guard let item = envelope.data.first(where: { $0.taskUUID == request.taskUUID }) ?? envelope.data.first else {
            throw RunwareError.badResponse(status: status, reason: "imageUpload answer has no data item")
        }
        return item
    }

    package func modelSearch(_ request: ModelSearchRequest) async throws -> ModelSearchResult {
        let issues = request.validate()
        if !issues.isEmpty { throw RunwareError.invalidRequest(ValidationFailure(issues: issues)) }
        let (envelope, status) = try await post([request], as: ModelSearchResult.self)
        try Self.throwErrors(envelope.errors, status: status)
        guard let item = envelope.data.first else {
            throw RunwareError.badResponse(status: status, reason: "modelSearch answer has no data item")
        }
        return item
    }

    /// The organisation's details and balance (`accountManagement`, `getDetails`).
    package func accountDetails() async throws -> AccountDetails {
        let request = AccountDetailsRequest()
        let (envelope, status) = try await post([request], as: AccountDetails.self)
        try Self.throwErrors(envelope.errors, status: status)
        guard let item = envelope.data.first else {
            throw RunwareError.badResponse(status: status, reason: "accountManagement answer has no data item")
        }
        return item
    }

    /// The model's published price from the content service beside this endpoint; nil when it
    /// publishes none (404).
    package func pricing(model air: String) async throws -> ModelPricing? {
        let id = ModelPricing.contentIDs[air] ?? air
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
        let url = ModelPricing.contentBase(forEndpoint: endpoint) + "/models/\(escaped)/pricing"
        let response: HTTPResponse
        do { response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: [("Accept", "application/json")])) }
        catch let e as TransportError { throw RunwareError.transport(e) }
        if response.status == 404 { return nil }
        guard (200..<300).contains(response.status) else {
            throw RunwareError.badResponse(status: response.status, reason: "the content service answered HTTP \(response.status) for \(id)'s pricing")
        }
        do { return try JSONDecoder().decode(ModelPricing.self, from: response.body) } catch {
            throw RunwareError.badResponse(status: response.status, reason: "unreadable pricing: \(JSONValue.describe(error))")
        }
    }

    /// Fetches a result URL through the same transport (without the API key: it is a public link).
    package func download(_ url: String) async throws -> Data {
        guard isFetchableURL(url) else {
            let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
            throw RunwareError.transport(.unsupportedURL("the result link uses \(scheme.prefix(20)):, only http and https are fetched"))
        }
        let response: HTTPResponse
        do { response = try await transport.send(HTTPRequest(method: "GET", url: url)) } catch let e as TransportError {
            throw RunwareError.transport(e)
        }
        guard (200..<300).contains(response.status) else {
            let errors = (try? ResponseEnvelope<JSONValue>.decode(response.body))?.errors ?? []
            if !errors.isEmpty { throw RunwareError.api(status: response.status, errors: errors) }
            throw RunwareError.badResponse(status: response.status, reason: "downloading \(url) failed")
        }
        return response.body
    }

    // MARK: - Wire

    package func post<Item: Decodable & Sendable>(_ tasks: [any Encodable], as: Item.Type, timeout: Duration? = nil,
                                                 firstByteTimeout: Duration? = nil, resendable: Bool = true) async throws
        -> (ResponseEnvelope<Item>, Int)
    {
        let body: Data
        do { body = try RunwareJSON.encode(tasks.map(AnyEncodable.init)) } catch {
            throw RunwareError.badResponse(status: 0, reason: "cannot encode the request: \(error)")
        }
        let request = HTTPRequest(method: "POST", url: endpoint, headers: [
            ("Content-Type", "application/json"), ("Accept", "application/json"), ("Authorization", "Bearer \(apiKey)"),
        ], body: body, timeout: timeout, firstByteTimeout: firstByteTimeout, resendable: resendable)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch let e as TransportError {
            throw RunwareError.transport(e)
        }
        return (try Self.decodeEnvelope(response, as: Item.self), response.status)
    }

    static func decodeEnvelope<Item: Decodable & Sendable>(_ response: HTTPResponse, as: Item.Type) throws
        -> ResponseEnvelope<Item>
    {
        do {
            let envelope = try ResponseEnvelope<Item>.decode(response.body)
            if !(200..<300).contains(response.status) && envelope.errors.isEmpty {
                throw RunwareError.api(status: response.status, errors: [Self.statusError(response.status)])
            }
            return envelope
        } catch let e as RunwareError {
            throw e
        } catch {
            // A documented status with an empty or non-JSON body still means what Runware documents.
            if Self.documentedStatuses.contains(response.status) {
                throw RunwareError.api(status: response.status, errors: [Self.statusError(response.status)])
            }
            throw RunwareError.badResponse(status: response.status, reason: describe(response, error))
        }
    }

    static let documentedStatuses: Set<Int> = [401, 402, 403, 429, 503, 504]

    static func statusError(_ status: Int) -> APIErrorObject {
        let message: String
        switch status {
        case 401: return APIErrorObject(code: "invalidApiKey", message: "the API key was refused")
        case 402: message = "insufficient balance"
        case 403: message = "the API key lacks permission"
        case 404: message = "not found"
        case 429: message = "too many requests; the queue is full"
        case 503: message = "temporarily over capacity"
        case 504: message = "maximum queue wait exceeded"
        default: message = "HTTP error \(status)"
        }
        return APIErrorObject(code: "httpError", message: message)
    }

    static func describe(_ response: HTTPResponse, _ error: Error) -> String {
        let type = response.contentType.split(separator: ";").first.map(String.init) ?? "no content type"
        if response.body.isEmpty { return "empty body" }
        if !type.contains("json") {
            let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            let title = text.range(of: "<title>").flatMap { r in
                text[r.upperBound...].range(of: "</title>").map { String(text[r.upperBound..<$0.lowerBound]) }
            }
            return "expected JSON, got \(type)" + (title.map { " (\"\($0)\")" } ?? "")
        }
        return "the JSON is malformed or cut short (\(response.body.count) bytes): \(JSONValue.describe(error))"
    }

    static func throwErrors(_ errors: [APIErrorObject], status: Int) throws {
        if !errors.isEmpty { throw RunwareError.api(status: status, errors: errors) }
    }

    private func answer(of envelope: ResponseEnvelope<InferenceItem>, status: Int, taskUUID: String) throws -> InferenceAnswer {
        var answer = InferenceAnswer(status: status)
        // An `errors` entry with `status: "error"` is one failed image (the 2025 docs' getResponse);
        // one without is the task failing as a whole.
        for error in envelope.errors where error.taskUUID == nil || error.taskUUID == taskUUID {
            if error.status == "error" { answer.imageFailures.append(error) } else { answer.taskFailures.append(error) }
        }
        answer.notes = envelope.unreadable
        for item in envelope.data {
            switch item {
            case .result(let r) where r.taskUUID == taskUUID:
                answer.results.append(r)
                answer.notes += r.notes.map { "image \(r.imageUUID.map { String($0.prefix(8)) } ?? "?"): \($0)" }
            case .result: continue
            case .failure(let e) where e.taskUUID == nil || e.taskUUID == taskUUID: answer.imageFailures.append(e)
            case .failure: continue
            }
        }
        if answer.results.isEmpty && !answer.failures.isEmpty { throw RunwareError.api(status: status, errors: answer.failures) }
        return answer
    }
}

/// Everything one imageInference or getResponse answer said about a task: its results, the
/// images that failed (inside `data`), failures of the task as a whole (`errors`), and notes on
/// fields or items that could not be read.
package struct InferenceAnswer: Sendable {
    package var status: Int
    package var results: [ImageResult] = []
    /// Failed generations reported inside `data`, one per image.
    package var imageFailures: [APIErrorObject] = []
    /// Entries of `errors`: the task failed as a whole (no more images will come).
    package var taskFailures: [APIErrorObject] = []
    package var notes: [String] = []

    package init(status: Int = 200) { self.status = status }

    package var failures: [APIErrorObject] { imageFailures + taskFailures }

    /// The old all-or-nothing reading: any failure throws.
    func resultsOrThrow() throws -> [ImageResult] {
        if !failures.isEmpty { throw RunwareError.api(status: status, errors: failures) }
        return results
    }
}

struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
