import Foundation
import Imaging
import RunwareAPI
import Synchronization

/// The protocol half of the sandbox: takes a POST /v1 body and answers like the real API.
/// The HTTP half (`SandboxServer`) only moves bytes. Thread-safe; generation runs outside locks.
package final class SandboxEngine: Sendable {
    package struct Settings: Sendable {
        package var apiKey: String
        /// How long an async task stays `processing` before its results appear.
        package var asyncLatency: Duration
        /// How long URL results live when the request gives no `ttl`.
        package var defaultTTL: Int
        package var faults: FaultPlan
        /// What the sandbox keeps and accepts at once.
        package var limits: SandboxLimits
        /// Where getResponse and sync answers put an image that failed: inside `data` as
        /// `{status:"error", error:{code, message}}` (the 2026 schemas), or in `errors[]` with
        /// `status:"error"` (the 2025 docs).
        package var failedImages: FailedImageShape
        /// How long each image of an async task takes after the one before it, so a task's
        /// images finish at different times.
        package var imageInterval: Duration
        /// The account's balance before any job, in USD; each image made costs what `includeCost` says.
        package var startingBalance: Double
        /// Whether image URLs in tasks may point at loopback, private or link-local addresses.
        /// Runware cannot reach those, and a sandbox that fetched them would let any task make
        /// requests to the services around it, so it refuses them unless this is on (tests that
        /// serve images from their own loopback server).
        package var fetchesPrivateImageURLs: Bool
        /// An async task's results appear only once it has been polled (getResponse) this many
        /// times, as a slow task's would: a client's behaviour between polls is then the same
        /// however busy the machine is. Nil: after `asyncLatency` alone.
        package var asyncPolls: Int?
        package var now: @Sendable () -> Date

        package init(apiKey: String, asyncLatency: Duration = .milliseconds(150), defaultTTL: Int = 86_400,
                    faults: FaultPlan = FaultPlan(), limits: SandboxLimits = SandboxLimits(),
                    failedImages: FailedImageShape = .inData, imageInterval: Duration = .milliseconds(40),
                    startingBalance: Double = 10, fetchesPrivateImageURLs: Bool = false, asyncPolls: Int? = nil,
                    now: @escaping @Sendable () -> Date = { Date() }) {
            self.apiKey = apiKey
            self.asyncLatency = asyncLatency
            self.defaultTTL = defaultTTL
            self.faults = faults
            self.limits = limits
            self.failedImages = failedImages
            self.imageInterval = imageInterval
            self.startingBalance = startingBalance
            self.fetchesPrivateImageURLs = fetchesPrivateImageURLs
            self.asyncPolls = asyncPolls
            self.now = now
        }
    }

    /// See `Settings.failedImages`.
    package enum FailedImageShape: String, Sendable, CaseIterable {
        case inData = "data"
        case inErrors = "errors"
    }

    struct TaskRecord: Sendable {
        var created: Date
        /// Only async tasks can be collected with getResponse, as on Runware.
        var async = false
        var total = 1
        /// Each image as it finished: a result item, or the failure of that image. Async tasks
        /// only: a sync task's record only keeps its UUID taken.
        var images: [Result<JSONValue, APIErrorObject>] = []
        /// The task failed as a whole.
        var failure: APIErrorObject?
        var finished = false
        /// getResponse calls for it so far (`Settings.asyncPolls`).
        var polls = 0
    }

    struct StoredImage: Sendable {
        var bytes: Data
        var format: ImageFormat
    }

    struct State: Sendable {
        var requestCount = 0
        /// Under "KEY/taskUUID".
        var tasks: LRUStore<String, TaskRecord>
        /// Under imageUUID: URL results and uploads.
        var images: LRUStore<String, StoredImage>
        var faults: FaultPlan
        /// What the images made so far cost, in USD.
        var spent = 0.0
    }

    let settings: Settings
    let state: Mutex<State>
    let baseURL = Mutex<String>("http://127.0.0.1")
    let deliverer = Deliverer()

    package init(settings: Settings) {
        self.settings = settings
        let limits = settings.limits
        self.state = Mutex(State(
            tasks: LRUStore(byteLimit: limits.taskRecordBytes, countLimit: limits.taskRecords, cost: { $0.estimatedBytes }),
            images: LRUStore(byteLimit: limits.imageBytes, cost: { $0.estimatedBytes }),
            faults: settings.faults))
    }

    /// Every POST /v1 that reached the sandbox, valid or not.
    package var requestCount: Int { state.withLock { $0.requestCount } }

    /// Where URL results are served from (`http://127.0.0.1:PORT`).
    package func setBaseURL(_ url: String) { baseURL.withLock { $0 = url } }

    /// Replaces the planned faults (tests and `darkroom sandbox --fault`).
    package func plan(_ faults: FaultPlan) { state.withLock { $0.faults = faults } }

    package func handle(body: Data, authorization: String?, faultHeader: String?) async -> SandboxReply {
        await handle(authorization: authorization, faultHeader: faultHeader) { tasks(in: body) }
    }

    /// Tasks already parsed (a WebSocket message) from a connection authenticated with `key`.
    func handle(tasks: [[String: JSONValue]], key: String) async -> SandboxReply {
        await handle(authorization: "Bearer \(key)", faultHeader: nil) { .tasks(tasks) }
    }

    /// A request refused before it reached the engine (its key, or its size), counted like the others.
    func refused(_ reply: SandboxReply) -> SandboxReply {
        state.withLock { $0.requestCount += 1 }
        return reply
    }

    private func handle(authorization: String?, faultHeader: String?,
                        tasks: () -> ParsedTasks) async -> SandboxReply {
        var faults = state.withLock { s -> [Fault] in
            s.requestCount += 1
            return s.faults.next()
        }
        if let faultHeader, let extra = try? Fault.parseList(faultHeader) { faults += extra }
        for case .delay(let ms) in faults { try? await Task.sleep(for: .milliseconds(ms)) }
        if let code = faults.compactMap({ if case .status(let c) = $0 { c } else { nil } }).first {
            var reply = SandboxReply.errors(code, [Self.faultError(code)])
            if code == 429 || code == 503 { reply.headers.append(("Retry-After", "1")) }
            return reply
        }
        let failing = faults.compactMap { if case .partial(let n) = $0 { n } else { nil } }.max() ?? 0
        var reply: SandboxReply
        switch tasks() {
        case .tasks(let objects): reply = await answer(objects, authorization: authorization, failingImages: failing)
        case .refused(let refusal): reply = refusal
        }
        reply.faults = faults
        return reply
    }

    static func faultError(_ code: Int) -> APIErrorObject {
        switch code {
        case 429: return APIErrorObject(code: "rateLimitExceeded", message: "Too many requests: the queue is full. Retry with backoff.")
        case 402: return APIErrorObject(code: "insufficientCredits", message: "Insufficient credits to run this task.")
        case 503: return APIErrorObject(code: "noAvailableServer", message: "Temporary capacity limit reached. Retry shortly.")
        default: return APIErrorObject(code: "internalServerError", message: "Internal server error (injected by the sandbox).")
        }
    }

    /// The task objects of a body or message, or the answer refusing it.
    enum ParsedTasks {
        case tasks([[String: JSONValue]])
        case refused(SandboxReply)
    }

    /// The task objects of a body or message: a non-empty JSON array of objects, within the
    /// values the sandbox parses at once (counted before parsing).
    func tasks(in body: Data) -> ParsedTasks {
        if let excess = JSONShape.excess(body, maxValues: settings.limits.requestJSONValues) {
            return .refused(.errors(413, [APIErrorObject(code: "payloadTooLarge", message: excess.message)]))
        }
        guard let json = try? JSONValue.parse(body), case .array(let tasks) = json, !tasks.isEmpty else {
            return .refused(.errors(400, [APIErrorObject(code: "invalidPayload",
                                                         message: "The request body must be a non-empty JSON array of task objects.")]))
        }
        let objects = tasks.compactMap(\.objectValue)
        if objects.count != tasks.count {
            return .refused(.errors(400, [APIErrorObject(code: "invalidPayload", message: "Every task must be a JSON object.")]))
        }
        return .tasks(objects)
    }

    private func answer(_ tasks: [[String: JSONValue]], authorization: String?, failingImages: Int) async -> SandboxReply {
        var objects = tasks
        var key = authorization.flatMap(Self.bearer)
        if objects.first?["taskType"]?.stringValue == "authentication" {
            key = objects.removeFirst()["apiKey"]?.stringValue
        }
        guard let key, !key.isEmpty else {
            return .errors(401, [APIErrorObject(code: "missingApiKey", message: "No API key was provided.",
                                                parameters: ["apiKey"], taskType: "authentication")])
        }
        guard key == settings.apiKey else {
            return .errors(401, [APIErrorObject(code: "invalidApiKey", message: "Invalid API key. Get one at https://my.runware.ai",
                                                parameters: ["apiKey"], taskType: "authentication")])
        }
        var data: [JSONValue] = []
        var errors: [APIErrorObject] = []
        var status = 200
        var taskErrors = false
        for task in objects {
            let outcome = await run(task, key: key, failingImages: failingImages)
            data += outcome.data
            errors += outcome.errors
            taskErrors = taskErrors || (!outcome.errors.isEmpty && !outcome.imageErrorsOnly)
            if outcome.status != 200 && status == 200 { status = outcome.status }
        }
        var envelope: [String: JSONValue] = ["data": .array(data)]
        if !errors.isEmpty {
            envelope["errors"] = JSONValue.from(errors)
            // Images that failed beside others that arrived are still a 200 answer.
            if status == 200 && taskErrors { status = 400 }
        }
        return .json(status, .object(envelope))
    }

    private func run(_ task: [String: JSONValue], key: String, failingImages: Int) async -> TaskOutcome {
        let type = task["taskType"]?.stringValue
        let uuid = task["taskUUID"]?.stringValue
        switch type {
        case ImageInferenceRequest.taskType: return await imageInference(task, key: key, failingImages: failingImages)
        case GetResponseRequest.taskType: return getResponse(uuid: uuid, key: key)
        case ImageUploadRequest.taskType: return await imageUpload(task)
        case ModelSearchRequest.taskType: return modelSearch(task)
        case "ping": return TaskOutcome(data: [.object(["taskType": .string("ping"), "pong": .bool(true)])])
        case AccountDetailsRequest.taskType: return accountManagement(task)
        default:
            return .failure(400, APIErrorObject(code: "unsupportedTaskType",
                                                message: "Task type \(type.map { "\"\($0)\"" } ?? "(missing)") is not supported.",
                                                parameters: ["taskType"], taskType: type, taskUUID: uuid))
        }
    }

    private func modelSearch(_ task: [String: JSONValue]) -> TaskOutcome {
        switch ModelCatalogue.search(task) {
        case .success(let found):
            let item = ModelSearchResult(taskUUID: task["taskUUID"]?.stringValue ?? "", totalResults: found.total, results: found.results)
            return TaskOutcome(data: [JSONValue.from(item)])
        case .failure(var error):
            error.taskUUID = task["taskUUID"]?.stringValue
            return .failure(400, error)
        }
    }

    /// `getDetails`: the sandbox's organisation and a balance that goes down by each image's cost.
    private func accountManagement(_ task: [String: JSONValue]) -> TaskOutcome {
        let uuid = task["taskUUID"]?.stringValue
        guard task["operation"]?.stringValue == "getDetails" else {
            return .failure(400, APIErrorObject(code: "invalidOperation",
                                                message: "Operation \(task["operation"]?.summary ?? "(missing)") is not supported; use getDetails.",
                                                parameters: ["operation"], taskType: AccountDetailsRequest.taskType, taskUUID: uuid))
        }
        let balance = settings.startingBalance - state.withLock { $0.spent }
        return TaskOutcome(data: [.object([
            "taskType": .string(AccountDetailsRequest.taskType), "taskUUID": .string(uuid ?? ""), "operation": .string("getDetails"),
            "organizationName": .string("Darkroom sandbox"), "organizationUUID": .string("00000000-0000-4000-8000-000000000000"),
            "balance": .object(["amount": .double((balance * 1_000_000).rounded() / 1_000_000), "currency": .string("USD")]),
        ])])
    }

    /// What the content service publishes for a model (`GET /models/<id>/pricing`), consistent
    /// with what the sandbox charges; nil for a model it does not serve.
    package static func pricing(modelID id: String) -> JSONValue? {
        let air = ModelPricing.contentIDs.first { $0.value == id }?.key ?? id
        guard let entry = ModelCatalogue.checkpoints.first(where: { $0.air == air }) else { return nil }
        var r = ImageInferenceRequest(taskUUID: "", model: air, positivePrompt: "")
        r.width = 1024
        r.height = 1024
        r.steps = 28
        let price = String(format: "$%.4f", cost(r))
        return .object([
            "model": .string(id), "air": .string(air), "name": .string(entry.name),
            "pricingOverview": .string("\(price) per 1024x1024 image at 28 steps; scales with pixels and steps"),
            "pricingExamples": .array([.object(["configuration": .string("1024x1024, 28 steps"), "price": .string(price)])]),
        ])
    }

    static func bearer(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
