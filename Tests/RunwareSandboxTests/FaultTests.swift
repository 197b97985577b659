import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

@Suite struct FaultTests {
    func send(_ sandbox: SandboxHarness, retries: Int = 0) async throws -> [ImageResult] {
        try await sandbox.client(retries: retries).imageInference(request(width: 128, height: 128))
    }

    @Test func droppedConnectionsAreInterruptions() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["drop"]))
            await #expect { try await send(sandbox) } throws: { error in
                guard case RunwareError.transport(.interrupted)? = error as? RunwareError else { return false }
                return true
            }
        }
    }

    @Test(arguments: ["truncate", "malformed", "html"])
    func unreadableBodiesAreBadResponses(_ fault: String) async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: [fault]))
            await #expect { try await send(sandbox) } throws: { error in
                guard case RunwareError.badResponse(_, let reason)? = error as? RunwareError else { return false }
                return fault == "html" ? reason.contains("text/html") && reason.contains("502 Bad Gateway") : reason.contains("JSON")
            }
        }
    }

    @Test func retriesRecoverFromAFewFaults() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["429*1", "503*1", "500*1"]))
            let results = try await send(sandbox, retries: 3)
            #expect(results.count == 1)
            #expect(sandbox.engine.requestCount == 4)
        }
    }

    /// An async task's acknowledgement lost on the way: the retry is a conflict, and the results
    /// wait in getResponse. A sync task cannot be collected that way (as on Runware).
    @Test func aRetryAfterADroppedReplyFindsTheTaskAlreadyDone() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["drop*1"]))
            var r = request(width: 128, height: 128)
            r.deliveryMethod = .async
            let client = sandbox.client(retries: 3)
            await #expect { try await client.imageInference(r) } throws: { error in
                guard case RunwareError.api(409, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "conflictTaskUUID"
            }
            var results: [ImageResult] = []
            for _ in 0..<200 where !(results.first?.isFinished ?? false) {
                results = try await client.getResponse(taskUUID: r.taskUUID)
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(results.count == 1 && results[0].isFinished)
            let sync = request(width: 128, height: 128)
            _ = try await client.imageInference(sync)
            await #expect { try await client.getResponse(taskUUID: sync.taskUUID) } throws: { error in
                guard case RunwareError.api(404, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "taskFailedOrNotFound" && errors[0].message.contains("No async task")
            }
        }
    }

    @Test func aStormOf429GivesUpWithRateLimitExceeded() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["429"]))
            await #expect { try await send(sandbox, retries: 3) } throws: { error in
                guard case RunwareError.api(429, let errors)? = error as? RunwareError else { return false }
                return errors.first?.code == "rateLimitExceeded"
            }
            #expect(sandbox.engine.requestCount == 4)
        }
    }

    @Test func slowTrickleAndDelaysStillComplete() async throws {
        try await SandboxHarness.with { sandbox in
            let r = try await sandbox.post("""
                [{"taskType":"modelSearch","taskUUID":"\(TaskID.make())"}]
                """, headers: [(Fault.header, "delay=50,trickle=5")])
            #expect(r.status == 200)
            #expect(try ResponseEnvelope<ModelSearchResult>.decode(r.body).data.count == 1)
        }
    }

    @Test func faultSpecsAreChecked() {
        #expect(throws: FaultParseError.self) { try FaultPlan(specs: ["explode"]) }
        #expect(throws: FaultParseError.self) { try FaultPlan(specs: ["429*0"]) }
        #expect((try? Fault.parse("503")) == .status(503))
    }

    @Test func cancellingAbortsATransferPromptly() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.engine.plan(try FaultPlan(specs: ["delay=3000"]))
            let client = sandbox.client()
            let task = Task { try await client.imageInference(request(width: 128, height: 128)) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            await #expect { try await task.value } throws: { error in
                guard case RunwareError.transport(.cancelled)? = error as? RunwareError else { return false }
                return true
            }
        }
    }
}
