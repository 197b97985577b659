import Foundation
import Synchronization
import History
import Imaging
import RunwareAPI

/// Runs one imageInference job end to end: validate, upload local inputs, send, wait (sync) or
/// poll (async), fetch every result and write it atomically. Emits `JobEvent`s as it goes.
package struct JobRunner: Sendable {
    package let client: RunwareClient
    package let schedule: PollSchedule
    package let home: String
    /// Where every job is recorded, `pending` before anything is sent.
    package let history: HistoryStore?
    /// Where each job's taskUUID comes from: minted here, when the job is run.
    package let taskUUIDs: TaskUUIDSource
    /// Where the small thumbnail of every saved image goes (design section 4); nil makes none.
    package let thumbnails: StoredThumbnails?
    /// Where local input images are copied when a job is created (nil: the request keeps the
    /// original paths).
    package let inputs: KeptInputs?
    let sleep: @Sendable (Duration) async throws -> Void
    let now: @Sendable () -> Date

    package init(client: RunwareClient, schedule: PollSchedule = PollSchedule(), home: String = NSHomeDirectory(),
                history: HistoryStore? = nil, taskUUIDs: TaskUUIDSource = .random, thumbnails: StoredThumbnails? = nil,
                inputs: KeptInputs? = nil, sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.schedule = schedule
        self.home = home
        self.history = history
        self.taskUUIDs = taskUUIDs
        self.thumbnails = thumbnails
        self.inputs = inputs
        self.sleep = sleep
        self.now = now
    }

    /// The same runner with another poll schedule (recovery waits less than a new job).
    package func with(schedule: PollSchedule) -> JobRunner {
        JobRunner(client: client, schedule: schedule, home: home, history: history, taskUUIDs: taskUUIDs, thumbnails: thumbnails,
                  inputs: inputs, sleep: sleep, now: now)
    }

    /// Runs the job; images go into `folder`. The job gets a fresh taskUUID from `taskUUIDs`
    /// (whatever the draft holds), unless `taskUUID` names one (`generate --task-uuid`). Throws
    /// `JobFailure`; History (when given) holds the job from before the first byte is sent to its
    /// final status and reason, and every event names the job by its History id. The schedule's
    /// budget is the whole job's deadline: uploads, retries, polling and downloads included.
    package func run(_ draft: ImageInferenceRequest, into folder: URL, parent: JobParent? = nil, taskUUID: String? = nil,
                    events: @escaping @Sendable (JobEvent) -> Void = { _ in }) async throws -> [SavedImage] {
        var minted = draft
        minted.taskUUID = taskUUID ?? taskUUIDs.make()
        // The cost is always asked for (it costs nothing): every job's is recorded, so spend
        // today, `account` and the estimates match what the balance lost.
        minted.includeCost = true
        let issues = minted.validate()
        if !issues.isEmpty { throw JobFailure.invalid(ValidationFailure(issues: issues)) }
        let files: [(field: String, path: String, data: Data)]
        do { files = try LocalInputs.load(minted, home: home) } catch let e as LocalInputs.InputError {
            throw JobFailure.input(e)
        }
        var parent = parent
        for file in files {
            let path = file.path.hasPrefix("~/") ? home + file.path.dropFirst(1) : file.path
            // A History image used as an input makes its job the parent: img2img chains show in the lineage.
            if parent == nil, let id = try? history?.jobID(ofResultPath: (path as NSString).standardizingPath) {
                parent = JobParent(id: id, lineage: .input)
            }
            // The job names a copy of its own, so a re-run works whatever becomes of the original.
            if let inputs, !inputs.holds(path) {
                do { LocalInputs.set(&minted, file.field, try inputs.keep(file.data)) } catch let e as AtomicFile.WriteError {
                    throw JobFailure.output(e)
                } catch {
                    throw JobFailure.output(AtomicFile.WriteError(path: inputs.folder.path, reason: "\(error)"))
                }
            }
        }
        let draft = minted
        let started = now()
        let jobID: Int64?
        do { jobID = try history?.createPending(draft, parent: parent, createdAt: started) } catch {
            throw JobFailure.history("\(error)")
        }
        let task = draft.taskUUID
        let emit: @Sendable (JobStep) -> Void = { step in events(JobEvent(jobID: jobID, taskUUID: task, step: step)) }
        let savedCount = SavedCounter()
        do {
            let budget = schedule.budget
            let outcome: JobOutcome
            do {
                // Retries of the shared client made for this job are this job's events.
                outcome = try await RetryEvent.observing({ emit(.retrying($0)) }) {
                    try await Deadline.run(within: budget) { [self] in
                        try await perform(draft, files: files, into: folder, jobID: jobID, started: started, events: { step in
                            if case .saved = step { savedCount.add() }
                            emit(step)
                        })
                    }
                }
            } catch is Deadline.Passed {
                if draft.effectiveDelivery != .async && savedCount.value == 0 {
                    throw JobFailure.lostSyncAnswer("no answer within the job's deadline of \(budget)")
                }
                throw JobFailure.timedOut(after: budget, finished: savedCount.value, total: draft.resultCount)
            }
            if outcome.saved.isEmpty {
                if outcome.failures.isEmpty { throw JobFailure.result("the API finished the task without any image") }
                // Every image was refused here (wrong format, too large...): a bad result, not an API refusal.
                if outcome.failures.allSatisfy({ $0.code == ResultCollector.refusedCode }) {
                    throw JobFailure.result(outcome.failures.map(\.message).joined(separator: "; "))
                }
                throw JobFailure.api(.api(status: outcome.status, errors: outcome.failures))
            }
            if let jobID { try recordFinish(jobID, .done, outcome.summary(total: draft.resultCount)) }
            emit(.finished(outcome.saved))
            return outcome.saved
        } catch let thrown as JobFailure {
            // A cancelled task's transfer ends as a transport error or a timeout: it was cancelled
            // all the same, and History says so (`status:cancelled`), not "failed".
            let failure = Task.isCancelled ? JobFailure.cancelled : thrown
            if let jobID {
                let status: JobStatus = if case .cancelled = failure { .cancelled } else { .failed }
                // The job's own failure is what is thrown; History not taking it is said beside it.
                do { try recordFinish(jobID, status, failure.description) } catch { emit(.historyWriteFailed("\(error)")) }
            }
            throw failure
        }
    }

    /// The job's final status in History; a failure to write it is reported, never swallowed.
    func recordFinish(_ jobID: Int64, _ status: JobStatus, _ reason: String?) throws {
        do { try history?.finish(jobID, status: status, reason: reason) } catch {
            throw JobFailure.history("cannot record job \(jobID) as \(status.rawValue): \(error)")
        }
    }

    func perform(_ draft: ImageInferenceRequest, files: [(field: String, path: String, data: Data)], into folder: URL,
                 jobID: Int64?, started: Date, events: @escaping @Sendable (JobStep) -> Void) async throws -> JobOutcome {
        events(.validated)
        if let jobID {
            do { try history?.markRunning(jobID) } catch { throw JobFailure.history("cannot record job \(jobID) as running: \(error)") }
        }
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
            let collector = ResultCollector(runner: self, request: request, folder: folder, jobID: jobID,
                                            createdAt: started, events: events)
            try await submitAndWait(request, into: collector, events: events)
            return collector.outcome
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

    /// Sends the task and collects its images as they arrive, each saved at once: an image
    /// that arrived is kept whatever happens to the rest of the task afterwards.
    func submitAndWait(_ request: ImageInferenceRequest, into collector: ResultCollector,
                       events: @Sendable (JobStep) -> Void) async throws {
        var first: InferenceAnswer?
        do {
            first = try await client.submit(request)
        } catch RunwareError.api(_, let errors) where errors.contains(where: { $0.code == "conflictTaskUUID" }) {
            // A retried submit that had already arrived: the task exists. An async one is collected
            // by polling; a sync one cannot be (getResponse serves async tasks only).
            if request.effectiveDelivery != .async { throw JobFailure.lostSyncAnswer("its retry found the task already sent") }
        } catch RunwareError.transport(let e) where request.effectiveDelivery != .async && !e.neverSent && e != .cancelled {
            // The sync task was sent and its answer did not come: not sent again (see `HTTPRequest.resendable`).
            throw JobFailure.lostSyncAnswer(e.description)
        }
        events(.submitted(delivery: request.effectiveDelivery))
        if let first { try await collector.take(first) }
        if collector.isComplete { return }
        try await poll(request, into: collector, events: events)
    }

    /// Asks getResponse until every image has arrived or failed, or the task failed as a whole.
    func poll(_ request: ImageInferenceRequest, into collector: ResultCollector, events: @Sendable (JobStep) -> Void) async throws {
        let start = now()
        var n = 0
        // Told once per change: an answer that moved nothing on (a percentage that stays) is no news.
        var told: ImagesProgress?
        while !collector.isComplete {
            let waited = Duration.milliseconds(Int64(now().timeIntervalSince(start) * 1000))
            if waited >= schedule.budget {
                throw JobFailure.timedOut(after: schedule.budget, finished: collector.saved.count, total: request.resultCount)
            }
            try await sleep(schedule.delay(poll: n))
            n += 1
            let answer: InferenceAnswer
            do { answer = try await client.poll(taskUUID: request.taskUUID) } catch RunwareError.api(let status, let errors)
                where !collector.saved.isEmpty {
                // The task failed after some images arrived: those are kept.
                var failed = InferenceAnswer(status: status)
                failed.taskFailures = errors
                try await collector.take(failed)
                return
            }
            try await collector.take(answer)
            let progress = collector.progress(answer)
            if progress != told { events(.processing(progress)) }
            told = progress
        }
    }

    /// One image written: what it is, and what went wrong on the way without stopping it (the
    /// job's reason keeps `notes`).
    struct Stored {
        var image: SavedImage
        var notes: [String] = []
    }

    /// Fetches, checks and writes one image with its parameters, makes its thumbnail, and records
    /// it in History at once.
    func saveOne(_ result: ImageResult, of request: ImageInferenceRequest, into folder: URL, jobID: Int64?, index: Int,
                 stamp: String) async throws -> Stored {
        let fetcher = ResultFetcher(client: client)
        let (fetched, format) = try await fetcher.bytes(of: result)
        let size = try ResultFetcher.checkDimensions(fetched, request: request, imageUUID: result.imageUUID)
        // The picture must decode: a damaged image is a failed image, never a `done` one. Its
        // small thumbnail is made on the way (design section 4).
        let small: RGBAImage
        do { small = try ImageDecoder.thumbnail(fetched, fitting: StoredThumbnails.side, StoredThumbnails.side) } catch {
            throw ResultFetcher.FetchError.unreadable(imageUUID: result.imageUUID, reason: "\(error)")
        }
        var notes: [String] = []
        if let note = ResultFetcher.formatNote(format, asked: request.effectiveOutputFormat, index: index) { notes.append(note) }
        let data: Data
        do { data = try ImageMetadata.embed(in: fetched, request: request, seed: result.seed) } catch {
            // Kept as the API sent it (an image is never thrown away for its metadata), and said so.
            data = fetched
            notes.append("image \(index + 1) was saved without its parameters (embedding them failed: \(error))")
        }
        // Named from the job's start and the image's identity; never over another file: a name
        // taken by another image gets `-2`, `-3`, … (the same bytes, written before a kill, are kept as they are).
        let identity = result.imageUUID ?? request.taskUUID
        let url: URL
        do {
            let first = try ImageFileName.url(ImageFileName.make(stamp: stamp, identity: identity, index: index, format: format), in: folder)
            url = try AtomicFile.writeNew(data, to: first) { variant in
                first.deletingLastPathComponent().appendingPathComponent(
                    ImageFileName.make(stamp: stamp, identity: identity, index: index, format: format, variant: variant))
            }
        } catch let e as ImageFileName.OutsideFolder {
            throw JobFailure.result(e.description)
        }
        if let thumbnails {
            do { try thumbnails.write(small, forImageAt: url.path) } catch {
                notes.append("no thumbnail was made for image \(index + 1): \(error)")
            }
        }
        let image = SavedImage(jobID: jobID, path: url.path, taskUUID: request.taskUUID, imageUUID: result.imageUUID, seed: result.seed,
                               cost: result.cost, format: format.rawValue, bytes: data.count, imageURL: result.imageURL,
                               index: index, nsfw: result.nsfwContent)
        if let jobID {
            // What the API said about the image, without the image itself (base64 can be megabytes).
            var said = result
            if let b64 = said.imageBase64Data { said.imageBase64Data = "(\(b64.utf8.count) bytes, saved as the file)" }
            if let uri = said.imageDataURI { said.imageDataURI = "(\(uri.utf8.count) bytes, saved as the file)" }
            let response = (try? RunwareJSON.encode(said)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            do {
                try history?.addResult(HistoryResult(index: index, imageUUID: result.imageUUID, seed: result.seed, path: url.path,
                                                     width: size.width, height: size.height, format: format.rawValue,
                                                     bytes: data.count, nsfw: result.nsfwContent, cost: result.cost,
                                                     responseJSON: response), to: jobID)
            } catch {
                throw JobFailure.history("\(error)")
            }
        }
        return Stored(image: image, notes: notes)
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }
}

/// How many images a job has saved so far, read when its deadline passes.
final class SavedCounter: Sendable {
    private let count = Mutex<Int>(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
