import ArgumentParser
@testable import DarkroomCLI
import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport
import Workspace

/// Every documented limit, broken one at a time through the command line: a message naming the
/// field, the value and the limit (every row parsed in-process), exit code 64, and not one request
/// reaches the sandbox (two rows through the binary).
@Suite struct BadInputCLITests {
    /// (extra arguments, text the message must contain)
    static let cases: [([String], String)] = [
        (["--output-type", "PNG"], "outputType = \"PNG\": must be one of URL, base64Data, dataURI"),
        (["--output-format", "GIF"], "outputFormat = \"GIF\": must be one of JPG, PNG, WEBP"),
        (["--output-quality", "19"], "outputQuality = 19: must be between 20 and 99"),
        (["--output-quality", "100"], "outputQuality = 100: must be between 20 and 99"),
        (["--webhook-url", "not a url"], "webhookURL = \"not a url\": must be an http:// or https:// URL"),
        (["--delivery", "soon"], "deliveryMethod = \"soon\": must be one of sync, async"),
        (["--upload-endpoint", "ftp://x/y"], "uploadEndpoint = \"ftp://x/y\": must be an http:// or https:// URL"),
        (["--safety-mode", "paranoid"], "safety.mode = \"paranoid\": must be one of none, fast"),
        (["--ttl", "59"], "ttl = 59: must be at least 60"),
        (["-n", "0"], "numberResults = 0: must be between 1 and 20"),
        (["-n", "21"], "numberResults = 21: must be between 1 and 20"),
        (["--cache-start-step=-1"], "acceleratorOptions.cacheStartStep = -1: must be at least 0"),
        (["--cache-end-step", "0"], "acceleratorOptions.cacheEndStep = 0: must be at least 1"),
        (["--cache-start-percent", "100"], "acceleratorOptions.cacheStartStepPercentage = 100: must be between 0 and 99"),
        (["--cache-end-percent", "0"], "acceleratorOptions.cacheEndStepPercentage = 0: must be between 1 and 100"),
        (["--cache-max-consecutive-steps", "6"], "acceleratorOptions.cacheMaxConsecutiveSteps = 6: must be between 1 and 5"),
        (["--fb-cache-threshold", "1.5"], "acceleratorOptions.fbCacheThreshold = 1.5: must be between 0 and 1"),
        (["--tea-cache-distance=-0.5"], "acceleratorOptions.teaCacheDistance = -0.5: must be between 0 and 1"),
        (["--db-cache-threshold", "2"], "acceleratorOptions.dbCacheThreshold = 2: must be between 0 and 1"),
        (["--db-cache-skip-interval", "0"], "acceleratorOptions.dbCacheSkipInterval = 0: must be at least 1"),
        (["--cache-start-step", "8", "--cache-end-step", "4"], "start must be before end"),
        (["--cache-start-step", "2", "--cache-end-percent", "50"], "use either the step form or the percentage form"),
        (["--mask-image", "m.png"], "a mask image needs a seed image"),
        (["--model", "flux-dev"], "model = \"flux-dev\": must be an AIR identifier"),
        (["--negative-prompt", "x"], "negativePrompt = 1 character: must be 2 to 3000 characters"),
        (["--width", "1000"], "width = 1000: must be 128 to 2048 and a multiple of 16"),
        (["--width", "2064"], "width = 2064: must be 128 to 2048 and a multiple of 16"),
        (["--height", "112"], "height = 112: must be 128 to 2048 and a multiple of 16"),
        (["--size", "1024x"], "--size \"1024x\": expected WIDTHxHEIGHT"),
        (["--seed", "9223372036854775808"], "seed = 9223372036854775808: must be between 0 and 9223372036854775807"),
        (["--seed=-1"], "seed = -1: must be an integer between 0 and 9223372036854775807"),
        (["--steps", "0"], "steps = 0: must be between 1 and 50"),
        (["--steps", "51"], "steps = 51: must be between 1 and 50"),
        (["--scheduler", "Euler Ancestral"], "scheduler = \"Euler Ancestral\": must be one of 75 documented names"),
        (["--cfg-scale", "20.5"], "CFGScale = 20.5: must be between 0 and 20"),
        (["--strength", "1.5"], "strength = 1.5: must be between 0 and 1"),
        (["--mask-margin", "16"], "maskMargin = 16: must be between 32 and 128"),
        (["--mask-margin", "129"], "maskMargin = 129: must be between 32 and 128"),
        (["--prompt-weighting", "a1111"], "promptWeighting = \"a1111\": must be one of compel, sdEmbeds"),
        (["--outpaint", "0,64,0,-1"], "outpaint.left = -1: must be at least 0"),
        (["--lora", "civitai:1@1:4.5"], "lora[0].weight = 4.5: must be between -4 and 4"),
        (["--lora", "civitai:1@1", "--lora", "civitai:2@1:-5"], "lora[1].weight = -5: must be between -4 and 4 (the 2nd --lora)"),
        (["--lora", "civitai:1@1:1:middle"], "lora[0].transformer = \"middle\": must be one of high, low, both"),
        (["--controlnet", "model=runware:25@1,guide=g.png,weight=5"], "controlNet[0].weight = 5: must be between -4 and 4"),
        (["--controlnet", "model=runware:25@1,guide=g.png,mode=strict"], "controlNet[0].controlMode = \"strict\""),
        (["--controlnet", "model=runware:25@1,guide=g.png,start=-1"], "controlNet[0].startStep = -1: must be at least 0"),
        (["--controlnet", "model=runware:25@1,guide=g.png,end=0"], "controlNet[0].endStep = 0: must be at least 1"),
        (["--controlnet", "model=runware:25@1,guide=g.png,start-percent=100"], "controlNet[0].startStepPercentage = 100"),
        (["--controlnet", "model=runware:25@1,guide=g.png,end-percent=101"], "controlNet[0].endStepPercentage = 101"),
        (["--controlnet", "model=runware:25@1,guide=g.png,start=10,end=5"], "start must be before end"),
        (["--controlnet", "model=runware:25@1,guide=g.png,end=40", "--steps", "30"], "controlNet[0].endStep, steps = 40 > 30"),
        (["--controlnet", "model=runware:25@1"], "controlNet[0].guideImage: is required"),
        (["--ip-adapter", "model=runware:55@1,image=a.png,weight=-4.01"], "ipAdapters[0].weight = -4.01: must be between -4 and 4"),
        (["--ip-adapter", "model=runware:55@1"], "ipAdapters[0].guideImages: needs at least 1 image"),
        (["--ip-adapter", "model=runware:55@1,image=a.png,combine=mix"], "ipAdapters[0].combineMethod = \"mix\""),
        (["--ip-adapter", "model=runware:55@1,image=a.png,embed=q"], "ipAdapters[0].embedScaling = \"q\""),
        (["--ip-adapter", "model=runware:55@1,image=a.png,weight-type=heavy"], "ipAdapters[0].weightType = \"heavy\""),
        (["--ip-adapter", "model=runware:55@1,image=a.png,composition=2"], "ipAdapters[0].weightComposition = 2: must be between 0 and 1"),
        (["--ace-image", "r.png"], "ACE++ needs model runware:102@1"),
        (["--model", "runware:102@1", "--ace-image", "r.png", "--ace-type", "mixed"], "acePlusPlus.type = \"mixed\""),
        (["--model", "runware:102@1", "--ace-image", "r.png", "--ace-image", "s.png"], "acePlusPlus.images = 2 items: must hold exactly 1 image"),
        (["--model", "runware:102@1", "--ace-image", "r.png", "--ace-type", "local_editing"], "type local_editing needs exactly 1 mask"),
        (["--model", "runware:102@1", "--ace-image", "r.png", "--ace-mask", "m.png"], "masks are allowed only with type local_editing"),
        (["--model", "runware:102@1", "--ace-image", "r.png", "--ace-repainting-scale", "1.1"], "acePlusPlus.repaintingScale = 1.1"),
        (["--hires-fix-model", "runware:1@1"], "hiresFix.model = \"runware:1@1\": must be one of"),
        (["--hires-fix-strength", "2"], "hiresFix.model: is required in the object form"),
        (["--hires-fix-model", "runware:504@1", "--hires-fix-strength", "1.5"], "hiresFix.strength = 1.5: must be between 0 and 1"),
        (["--hires-fix-model", "runware:504@1", "--hires-fix-steps", "0"], "hiresFix.steps = 0: must be at least 1"),
        (["--layer-diffuse"], "transparency needs outputFormat PNG or WEBP"),
        (["--pulid-image", "a.png", "--pulid-image", "b.png"], "pulid.images = 2 items: must hold exactly 1 image"),
        (["--pulid-image", "f.png", "--pulid-id-weight", "3.5"], "pulid.idWeight = 3.5: must be between 0 and 3"),
        (["--pulid-image", "f.png", "--pulid-true-cfg-scale", "10.5"], "pulid.trueCFGScale = 10.5: must be between 0 and 10"),
        (["--pulid-image", "f.png", "--pulid-cfg-start-step=-1"], "pulid.CFGstartStep = -1: must be at least 0"),
        (["--pulid-image", "f.png", "--pulid-cfg-start-percent", "100"], "pulid.CFGstartStepPercentage = 100"),
        (["--pulid-image", "f.png", "--pulid-cfg-start-step", "30", "--steps", "30"], "pulid.CFGstartStep, steps = 30 >= 30"),
        (["--pulid-image", "f.png", "--pulid-cfg-start-step", "2", "--pulid-cfg-start-percent", "5"], "use either CFGstartStep or CFGstartStepPercentage"),
        (["--ultralytics-cfg-scale", "51"], "ultralytics.CFGScale = 51: must be between 0 and 50"),
        (["--ultralytics-confidence", "1.5"], "ultralytics.confidence = 1.5: must be between 0 and 1"),
        (["--ultralytics-mask-blur", "101"], "ultralytics.maskBlur = 101: must be between 0 and 100"),
        (["--ultralytics-mask-padding", "21"], "ultralytics.maskPadding = 21: must be between 0 and 20"),
        (["--ultralytics-steps", "0"], "ultralytics.steps = 0: must be between 1 and 100"),
        (["--ultralytics-strength=-0.1"], "ultralytics.strength = -0.1: must be between 0 and 1"),
        (["--task-uuid", "1234"], "taskUUID = \"1234\": must be a UUID v4"),
    ]

    /// Each row in-process: the command parsed as the binary parses it, its request built and
    /// refused with the message the binary prints (`Console.issues` words each issue with
    /// `commandLineDescription`). Nothing can be sent: no client exists.
    @Test(arguments: 0..<cases.count)
    func eachLimitIsRefusedBeforeAnythingIsSent(_ index: Int) throws {
        let (args, message) = Self.cases[index]
        let said: String
        do {
            let command = try GenerateCommand.parse(["a quiet harbour"] + args)
            _ = try command.buildRequest(config: Configuration())
            Issue.record("\(args) was not refused")
            return
        } catch let failure as ValidationFailure {
            said = failure.issues.map(\.commandLineDescription).joined(separator: "\n")
        } catch {
            said = GenerateCommand.message(for: error)
        }
        #expect(said.contains(message), "\(args): \(said)")
    }

    /// Two rows through the real binary: exit code 64, the message on stderr, and not one request
    /// at the sandbox, nor an images folder made.
    @Test(arguments: [0, 40])
    func theBinaryExits64AndSendsNothing(_ index: Int) async throws {
        let (args, message) = Self.cases[index]
        let folder = TempFolder()
        defer { folder.remove() }
        try await SandboxHarness.with { sandbox in
            let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": SandboxHarness.key])
            let r = try await Binary.run(GenerateCLITests.darkroom,
                                         ["generate", "--endpoint", sandbox.endpoint, "--out", folder.path + "/out", "a quiet harbour"] + args,
                                         environment: env)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(sandbox.engine.requestCount == 0, "\(args)")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
        }
    }

    @Test func everyProblemIsListedAtOnce() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let r = try await Binary.run(GenerateCLITests.darkroom,
                                     ["generate", "x", "--width", "1000", "--height", "1000", "--steps", "99", "--lora", "a:b@c:9"],
                                     environment: Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": "k"]))
        #expect(r.status == 64)
        #expect(r.stderr.contains("the request has 5 problems; nothing was sent"))
        for field in ["positivePrompt", "width", "height", "steps", "lora[0].weight"] { #expect(r.stderr.contains("  - \(field)")) }
    }
}
