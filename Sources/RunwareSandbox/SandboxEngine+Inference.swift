import BlockingWork
import Foundation
import Imaging
import RunwareAPI

extension SandboxEngine {
    /// `failingImages`: how many images, from the last, fail on their own (the `partial=N` fault).
    func imageInference(_ task: [String: JSONValue], key: String, failingImages: Int = 0) async -> TaskOutcome {
        let type = ImageInferenceRequest.taskType
        let uuid = task["taskUUID"]?.stringValue
        let (request, decodeIssues) = ImageInferenceRequest.decode(task)
        // The API reports the first violation of a task.
        if let issue = (decodeIssues + request.validate()).first {
            return .failure(400, .from(issue, taskType: type, taskUUID: uuid))
        }
        guard ModelCatalogue.serves(request.model) else {
            return .failure(400, APIErrorObject(code: "invalidModel",
                                                message: "Model \"\(request.model)\" is not available on this server.",
                                                parameters: ["model"], taskType: type, taskUUID: uuid,
                                                documentation: APIErrorObject.docs))
        }
        let inputs: InputCompositor.Inputs
        do { inputs = try await resolveInputs(request) } catch let e as APIErrorObject {
            var e = e
            e.taskType = type
            e.taskUUID = uuid
            return .failure(400, e)
        } catch {
            return .failure(400, APIErrorObject(code: "invalidImage", message: "\(error)", taskType: type, taskUUID: uuid))
        }
        let recordKey = key + "/" + request.taskUUID
        let now = settings.now()
        let expires = now.addingTimeInterval(TimeInterval(settings.limits.taskRecordLifetime))
        let async = request.effectiveDelivery == .async
        let conflict = state.withLock { s -> Bool in
            if s.tasks.value(for: recordKey, now: now) != nil { return true }
            s.tasks.insert(TaskRecord(created: now, async: async, total: request.resultCount), for: recordKey, expires: expires, now: now)
            return false
        }
        if conflict {
            return .failure(409, APIErrorObject(code: "conflictTaskUUID",
                                                message: "A task with taskUUID \(request.taskUUID) already exists.",
                                                parameters: ["taskUUID"], taskType: type, taskUUID: uuid))
        }
        let plan = ImagePlan(failing: failingImages)
        if async {
            let latency = settings.asyncLatency
            Task.detached { [self] in
                try? await Task.sleep(for: latency)
                await self.waitForPolls(recordKey)
                await self.complete(recordKey, request, inputs, plan: plan, paced: true)
            }
            return TaskOutcome(data: [.object(["taskType": .string(type), "taskUUID": .string(request.taskUUID)])])
        }
        // Answered from what was made, not from the record, which may be evicted by then.
        let images = await complete(recordKey, request, inputs, plan: plan, paced: false)
        if let failure = images.failure { return .failure(500, failure) }
        return answer(images.images, taskUUID: request.taskUUID)
    }

    /// Until the task has been polled `Settings.asyncPolls` times (or its record is gone).
    func waitForPolls(_ recordKey: String) async {
        guard let wanted = settings.asyncPolls else { return }
        while let polls = state.withLock({ $0.tasks.value(for: recordKey, now: settings.now())?.polls }), polls < wanted {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// What happens to a task's images besides being made: the last `failing` fail on their own.
    struct ImagePlan: Sendable {
        var failing = 0
        func fails(_ index: Int, of total: Int) -> Bool { index >= total - failing }
    }

    /// Makes the results one image at a time (`paced`: an async task's images finish at different
    /// times), records each in the task record as it is done (while the record is kept), stores
    /// URL outputs and starts deliveries. Returns the images, or the task's error.
    @discardableResult
    func complete(_ recordKey: String, _ request: ImageInferenceRequest, _ inputs: InputCompositor.Inputs, plan: ImagePlan,
                  paced: Bool) async -> (images: [Result<JSONValue, APIErrorObject>], failure: APIErrorObject?) {
        var images: [Result<JSONValue, APIErrorObject>] = []
        let total = request.resultCount
        var random = SplitMix64(seed: Digest.fnv1a(request.taskUUID))
        for index in 0..<total {
            if paced && index > 0 { try? await Task.sleep(for: settings.imageInterval) }
            let seed = request.seed.map { $0 &+ UInt64(index) } ?? (random.next() & 0xFFFF_FFFF)
            let image: Result<JSONValue, APIErrorObject>
            if plan.fails(index, of: total) {
                image = .failure(APIErrorObject(code: "contentPolicyViolation",
                                                message: "Image \(index + 1) of \(total) was blocked by the provider's content policy.",
                                                taskType: ImageInferenceRequest.taskType, taskUUID: request.taskUUID))
            } else {
                do {
                    // Made and encoded on the bounded worker: a 1024² picture is tens of ms of CPU that
                    // would hold a cooperative-pool thread (the studio's own, with the sandbox inside it).
                    let made = try await BlockingWorker.shared.run(.background) { try self.makeResult(request, inputs, seed: seed) }
                    let cost = Self.cost(request)
                    state.withLock { $0.spent += cost }
                    deliverer.deliver([(made.json, made.bytes)], format: request.effectiveOutputFormat.rawValue,
                                      webhookURL: request.webhookURL, uploadEndpoint: request.uploadEndpoint)
                    image = .success(made.json)
                } catch {
                    let failure = APIErrorObject(code: "inferenceError", message: "Generation failed: \(error)",
                                                 taskType: ImageInferenceRequest.taskType, taskUUID: request.taskUUID)
                    state.withLock {
                        $0.tasks.update(recordKey) { record in
                            record.failure = failure
                            record.finished = true
                        }
                    }
                    return (images, failure)
                }
            }
            images.append(image)
            state.withLock {
                $0.tasks.update(recordKey) { record in
                    // A sync task's images went out with its answer, and getResponse cannot collect
                    // them: its record keeps no image data (base64 results made it large).
                    if record.async { record.images.append(image) }
                    record.finished = index == total - 1
                }
            }
        }
        return (images, nil)
    }

    /// The `data` (and `errors`) of an answer holding `images`: results, and each failed image in
    /// the shape `Settings.failedImages` says.
    /// `polled`: a getResponse answer, whose items carry their `status` (sync results have none).
    func answer(_ images: [Result<JSONValue, APIErrorObject>], taskUUID: String, polled: Bool = false,
                pending: [JSONValue] = []) -> TaskOutcome {
        var outcome = TaskOutcome()
        for image in images {
            switch image {
            case .success(var item):
                if polled, case .object(var fields) = item {
                    fields["status"] = .string("success")
                    item = .object(fields)
                }
                outcome.data.append(item)
            case .failure(var failure):
                failure.status = "error"
                switch settings.failedImages {
                case .inData:
                    outcome.data.append(.object([
                        "taskType": .string(ImageInferenceRequest.taskType), "taskUUID": .string(taskUUID), "status": .string("error"),
                        "error": .object(["code": .string(failure.code), "message": .string(failure.message)]),
                    ]))
                case .inErrors:
                    outcome.errors.append(failure)
                }
            }
        }
        outcome.data += pending
        outcome.imageErrorsOnly = true
        if outcome.data.isEmpty && !outcome.errors.isEmpty { outcome.status = 400 }
        return outcome
    }

    struct MadeResult {
        var json: JSONValue
        var bytes: Data
    }

    /// One result: its picture at the request's size from `seed`, encoded, stored when the
    /// output is a URL, checked for content when safety is on.
    func makeResult(_ request: ImageInferenceRequest, _ inputs: InputCompositor.Inputs, seed: UInt64) throws -> MadeResult {
        let format = ImageFormat(name: request.effectiveOutputFormat.rawValue) ?? .jpeg
        let (width, height) = (request.width ?? 1024, request.height ?? 1024)
        let recipe = PictureRecipe(width: width, height: height, seed: seed, prompt: request.positivePrompt,
                                   parameterDigest: Self.parameterDigest(request), transparent: request.advancedFeatures?.layerDiffuse == true)
        var picture = InputCompositor.apply(PictureMaker.make(recipe), inputs)
        let checked = ContentCheck.applies(to: request)
        let flagged = checked && ContentCheck.flags(prompt: request.positivePrompt, seed: seed)
        // A flagged picture comes back black, as a content filter returns it.
        if flagged { picture = RGBAImage(width: picture.width, height: picture.height, fill: (0, 0, 0, 255)) }
        let bytes = try ImageEncoder.encode(picture, as: format, quality: request.outputQuality ?? 95)
        let imageUUID = TaskID.make()
        var item: [String: JSONValue] = [
            "taskType": .string(ImageInferenceRequest.taskType), "taskUUID": .string(request.taskUUID),
            "imageUUID": .string(imageUUID), "seed": .int(Int64(bitPattern: seed)),
        ]
        switch request.effectiveOutputType {
        case .base64Data: item["imageBase64Data"] = .string(bytes.base64EncodedString())
        case .dataURI: item["imageDataURI"] = .string("data:\(format.mimeType);base64," + bytes.base64EncodedString())
        default:
            let ttl = request.ttl ?? settings.defaultTTL
            store(imageUUID, bytes, format, ttl: ttl)
            item["imageURL"] = .string(baseURL.withLock { $0 } + "/image/\(imageUUID).\(format.fileExtension)")
        }
        if request.includeCost == true { item["cost"] = .double(Self.cost(request)) }
        if checked { item["NSFWContent"] = .bool(flagged) }
        return MadeResult(json: .object(item), bytes: bytes)
    }

    /// Every image of an async task so far: each finished one (a result, or its failure), and a
    /// `processing` item for each still being made. Sync tasks cannot be collected this way, as
    /// on Runware, whose getResponse checks running async tasks.
    func getResponse(uuid: String?, key: String) -> TaskOutcome {
        let type = GetResponseRequest.taskType
        let now = settings.now()
        guard let uuid, let record = state.withLock({ $0.tasks.value(for: key + "/" + uuid, now: now) }), record.async else {
            return .failure(404, APIErrorObject(code: "taskFailedOrNotFound",
                                                message: "No async task with taskUUID \(uuid ?? "(missing)") was found.",
                                                parameters: ["taskUUID"], taskType: type, taskUUID: uuid))
        }
        state.withLock { $0.tasks.update(key + "/" + uuid) { $0.polls += 1 } }
        // The task failed as a whole: no `status` on it, so it is not read as one image's failure.
        if let failure = record.failure { return TaskOutcome(data: [], errors: [failure], status: 200) }
        let elapsed = now.timeIntervalSince(record.created)
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let expected = seconds(settings.asyncLatency) + seconds(settings.imageInterval) * Double(record.total)
        let progress = expected > 0 ? min(99, Int(elapsed / expected * 100)) : 50
        let pending = (record.images.count..<record.total).map { _ in
            JSONValue.object(["taskType": .string(ImageInferenceRequest.taskType), "taskUUID": .string(uuid),
                              "status": .string("processing"), "progress": .int(Int64(progress))])
        }
        var outcome = answer(record.images, taskUUID: uuid, polled: true, pending: pending)
        outcome.status = 200
        return outcome
    }

    /// A fixed price list: $0.0038 for 1024x1024 at 28 steps, scaled by pixels and steps, plus extras.
    static func cost(_ r: ImageInferenceRequest) -> Double {
        let pixels = Double((r.width ?? 1024) * (r.height ?? 1024)) / 1_048_576
        let steps = Double(r.steps ?? 28) / 28
        var c = 0.0038 * pixels * steps
        c += 0.0005 * Double(r.lora?.count ?? 0) + 0.001 * Double(r.controlNet?.count ?? 0)
        if r.hiresFix != nil && r.hiresFix != .off { c *= 2 }
        return (c * 1_000_000).rounded() / 1_000_000
    }

    /// Everything but identity and delivery fields, so each parameter changes the picture.
    static func parameterDigest(_ r: ImageInferenceRequest) -> UInt64 {
        var copy = r
        copy.taskUUID = ""
        copy.seed = nil
        copy.positivePrompt = ""
        copy.numberResults = nil
        copy.deliveryMethod = nil
        copy.outputType = nil
        copy.outputFormat = nil
        copy.outputQuality = nil
        copy.webhookURL = nil
        copy.uploadEndpoint = nil
        copy.ttl = nil
        copy.includeCost = nil
        copy.inputs = nil
        let bytes = (try? RunwareJSON.encode(copy)) ?? Data()
        return Digest.fnv1a([UInt8](bytes))
    }
}
