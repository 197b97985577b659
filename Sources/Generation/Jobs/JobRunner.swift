import Foundation
import History
import Imaging
import RunwareAPI

/// Runs one imageInference job end to end: validate, upload local inputs, send, wait (sync) or
/// poll (async), fetch every result and write it atomically. Emits `JobEvent`s as it goes.
public struct JobRunner: Sendable {
    public let client: RunwareClient
    public let schedule: PollSchedule
    public let home: String
    /// Where every job is recorded, `pending` before anything is sent.
    public let history: HistoryStore?
    let sleep: @Sendable (Duration) async throws -> Void
    let now: @Sendable () -> Date

    public init(client: RunwareClient, schedule: PollSchedule = PollSchedule(), home: String = NSHomeDirectory(),
                history: HistoryStore? = nil,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.schedule = schedule
        self.home = home
        self.history = history
        self.sleep = sleep
        self.now = now
    }

    /// Runs the job; images go into `folder`. Throws `JobFailure`; History (when given) holds the
    /// job from before the first byte is sent to its final status and reason.
    public func run(_ draft: ImageInferenceRequest, into folder: URL, parent: (id: Int64, lineage: Lineage)? = nil,
                    events: @Sendable (JobEvent) -> Void = { _ in }) async throws -> [SavedImage] {
        let issues = draft.validate()
        if !issues.isEmpty { throw JobFailure.invalid(ValidationFailure(issues: issues)) }
        let files: [(field: String, path: String, data: Data)]
        do { files = try LocalInputs.load(draft, home: home) } catch let e as LocalInputs.InputError {
            throw JobFailure.input(e)
        }
        let started = now()
        let jobID: Int64?
        do { jobID = try history?.createPending(draft, parentID: parent?.id, lineage: parent?.lineage, createdAt: started) } catch {
            throw JobFailure.history("\(error)")
        }
        do {
            let saved = try await perform(draft, files: files, into: folder, jobID: jobID, started: started, events: events)
            if let jobID { try? history?.finish(jobID, status: .done) }
            return saved
        } catch let failure as JobFailure {
            if let jobID {
                let status: JobStatus = if case .cancelled = failure { .cancelled } else { .failed }
                try? history?.finish(jobID, status: status, reason: failure.description)
            }
            throw failure
        }
    }

    func perform(_ draft: ImageInferenceRequest, files: [(field: String, path: String, data: Data)], into folder: URL,
                 jobID: Int64?, started: Date, events: @Sendable (JobEvent) -> Void) async throws -> [SavedImage] {
        events(.validated(taskUUID: draft.taskUUID))
        if let jobID { try? history?.markRunning(jobID) }
        do {
            var request = draft
            for file in files {
                events(.uploading(field: file.field, path: file.path))
                let format = ImageFormat.detect(file.data) ?? .png
                let uri = "data:\(format.mimeType);base64," + file.data.base64EncodedString()
                let uploaded = try await client.upload(image: uri)
                LocalInputs.set(&request, file.field, uploaded.imageUUID)
                events(.uploaded(field: file.field, imageUUID: uploaded.imageUUID))
            }
            let results = try await submitAndWait(request, events: events)
            return try await save(results, of: request, into: folder, jobID: jobID, createdAt: started, events: events)
        } catch let e as JobFailure {
            throw e
        } catch let e as RunwareError {
            if case .invalidRequest(let v) = e { throw JobFailure.invalid(v) }
            throw JobFailure.api(e)
        } catch is CancellationError {
            throw JobFailure.cancelled
        } catch let e as AtomicFile.WriteError {
            throw JobFailure.output(e)
        } catch let e as ResultFetcher.FetchError {
            throw JobFailure.result(e.description)
        } catch {
            throw JobFailure.result(String(describing: error))
        }
    }

    func submitAndWait(_ request: ImageInferenceRequest, events: @Sendable (JobEvent) -> Void) async throws -> [ImageResult] {
        var finished: [ImageResult] = []
        do {
            finished = distinct(try await client.imageInference(request).filter(\.isFinished))
        } catch RunwareError.api(_, let errors) where errors.contains(where: { $0.code == "conflictTaskUUID" }) {
            // A retried submit that had already arrived: the task exists, so collect it by polling.
        }
        events(.submitted(taskUUID: request.taskUUID, delivery: request.effectiveDelivery))
        if finished.count >= request.resultCount { return finished }
        return try await poll(request, already: finished, events: events)
    }

    func poll(_ request: ImageInferenceRequest, already: [ImageResult], events: @Sendable (JobEvent) -> Void) async throws -> [ImageResult] {
        let start = now()
        var collected = distinct(already)
        var n = 0
        while true {
            let waited = Duration.milliseconds(Int64(now().timeIntervalSince(start) * 1000))
            if waited >= schedule.budget {
                throw JobFailure.timedOut(after: schedule.budget, finished: collected.count, total: request.resultCount)
            }
            try await sleep(schedule.delay(poll: n))
            n += 1
            let items = try await client.getResponse(taskUUID: request.taskUUID)
            collected = distinct(collected + items.filter(\.isFinished))
            let progress = items.compactMap(\.progress).max()
            events(.processing(progress: progress, finished: collected.count, total: request.resultCount))
            if collected.count >= request.resultCount { return collected }
        }
    }

    func distinct(_ results: [ImageResult]) -> [ImageResult] {
        var seen = Set<String>()
        return results.filter { seen.insert($0.resultKey).inserted }
    }

    func save(_ results: [ImageResult], of request: ImageInferenceRequest, into folder: URL, jobID: Int64?,
              firstIndex: Int = 0, createdAt: Date? = nil, events: @Sendable (JobEvent) -> Void) async throws -> [SavedImage] {
        let fetcher = ResultFetcher(client: client)
        // Named from the job's start and the image's identity, so collecting a job again after a
        // crash rewrites the same files instead of leaving strays.
        let stamp = Self.stamp(createdAt ?? now())
        var saved: [SavedImage] = []
        for (offset, result) in results.enumerated() {
            let index = firstIndex + offset
            let (fetched, format) = try await fetcher.bytes(of: result, expected: request.effectiveOutputFormat)
            let data = ImageMetadata.embed(in: fetched, format: format, request: request, seed: result.seed)
            let id = (result.imageUUID ?? request.taskUUID).prefix(8)
            let url = folder.appendingPathComponent("\(stamp)-\(id)-\(index + 1).\(format.fileExtension)")
            try AtomicFile.write(data, to: url)
            let image = SavedImage(path: url.path, taskUUID: request.taskUUID, imageUUID: result.imageUUID, seed: result.seed,
                                   cost: result.cost, format: format.rawValue, bytes: data.count, imageURL: result.imageURL,
                                   index: index)
            saved.append(image)
            if let jobID {
                let size = try? ImageDecoder.dimensions(data)
                let response = (try? RunwareJSON.encode(result)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                do {
                    try history?.addResult(HistoryResult(index: index, imageUUID: result.imageUUID, seed: result.seed, path: url.path,
                                                         width: size?.width, height: size?.height, format: format.rawValue,
                                                         bytes: data.count, nsfw: result.nsfwContent, cost: result.cost,
                                                         responseJSON: response), to: jobID)
                } catch {
                    throw JobFailure.history("\(error)")
                }
            }
            events(.saved(image))
        }
        events(.finished(saved))
        return saved
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }
}
