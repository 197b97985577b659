import Foundation
import Imaging
import Testing
import TestSupport

/// `darkroom generate` against a server of the tests' own that answers badly on purpose: what the
/// sandbox would never send. Nothing from it may choose a path, reach the terminal raw, drop a
/// good image, or outlast `--timeout`.
@Suite struct HostileServerCLITests {
    static let darkroom = Binary.product("darkroom")
    static let key = "hostile-test-key"

    /// A small real PNG, base64.
    static let pngBase64: String = {
        let png = (try? ImageEncoder.encode(RGBAImage(width: 32, height: 32, fill: (10, 120, 200, 255)), as: .png)) ?? Data()
        return png.base64EncodedString()
    }()

    /// One finished image item of task `taskUUID`, with extra fields merged in.
    static func item(_ task: String, uuid: String, extra: [String: Any] = [:]) -> [String: Any] {
        var o: [String: Any] = ["taskType": "imageInference", "taskUUID": task, "imageUUID": uuid, "imageBase64Data": pngBase64,
                                "seed": 7]
        for (k, v) in extra { o[k] = v }
        return o
    }

    static func taskUUID(_ request: HostileServer.Request) -> String {
        request.tasks.first?["taskUUID"] as? String ?? ""
    }

    func generate(_ server: HostileServer, _ folder: TempFolder, _ args: [String], timeout: Duration = .seconds(60)) async throws
        -> Binary.Result
    {
        let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": Self.key])
        return try await Binary.run(Self.darkroom, ["generate", "a hostile test", "--endpoint", server.endpoint, "--out",
                                                    folder.path + "/out/images", "--output-type", "base64Data",
                                                    "--output-format", "png", "--retries", "0"] + args,
                                    environment: env, timeout: timeout)
    }

    static func noControls(_ text: String) -> Bool {
        !text.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x0A && $0.value != 0x09) || (0x7F..<0xA0).contains($0.value)
            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    @Test func serverImageUUIDsNeverChooseAPath() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            let task = Self.taskUUID(request)
            return .json(["data": [Self.item(task, uuid: "/../../a"), Self.item(task, uuid: "/tmp/zz0")]])
        }
        defer { server.stop() }
        // A file one level above the output folder that the traversal would replace.
        let victim = folder.path + "/out/" + "a"
        try FileManager.default.createDirectory(atPath: folder.path + "/out/images", withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        let r = try await generate(server, folder, ["-n", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        let saved = folder.files(in: "out/images")
        #expect(saved.count == 2, "\(saved)")
        let entries = (FileManager.default.enumerator(atPath: folder.path + "/out")?.allObjects as? [String]) ?? []
        #expect(entries.sorted() == (["a", "images"] + saved.map { "images/" + $0 }).sorted(), "\(entries)")
        for line in r.stdout.split(separator: "\n") { #expect(line.hasPrefix(folder.path + "/out/images/")) }
    }

    @Test func escapesFromTheServerNeverReachTheTerminal() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            let task = Self.taskUUID(request)
            return .json(["data": [Self.item(task, uuid: "x\u{1B}]2;PWNED\u{07}\u{9B}31m\u{202E}"),
                                   ["taskUUID": task, "status": "error",
                                    "error": ["code": "blocked\u{1B}[2J", "message": "no \u{1B}]52;c;ZWNobyBQV05FRAo=\u{07} \u{9B}1;1H"]]]])
        }
        defer { server.stop() }
        for json in [false, true] {
            let r = try await generate(server, folder, ["-n", "2"] + (json ? ["--json"] : []))
            #expect(r.status == 1, "one of two images saved: \(r.stderr)")
            #expect(Self.noControls(r.stdout), "\(Array(r.stdout.unicodeScalars.map(\.value)))")
            #expect(Self.noControls(r.stderr), "\(r.stderr)")
            #expect(r.stderr.contains("an image failed"))
        }
    }

    @Test func timeoutBoundsTheWholeJobEvenWhenTheBodyTrickles() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            var reply = HostileServer.Reply.json(["data": [Self.item(Self.taskUUID(request), uuid: "slow")]])
            reply.trickle = (chunk: 16, pause: .milliseconds(200))
            return reply
        }
        defer { server.stop() }
        // The body never ends in time: the job gives up (75) rather than waiting it out, and says so.
        let r = try await generate(server, folder, ["--timeout", "3", "--retries", "2"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("gave up after"), "\(r.stderr)")
    }

    @Test func wrongTypedOptionalFieldsAreNotedAndTheImageKept() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            let task = Self.taskUUID(request)
            return .json(["data": [Self.item(task, uuid: "aaaa1111", extra: ["cost": "free", "NSFWContent": "maybe", "seed": "abc",
                                                                             "progress": "ten"])],
                          "errors": [["code": "minorIssue", "message": "a warning next to good data", "taskUUID": "other"]]])
        }
        defer { server.stop() }
        let r = try await generate(server, folder, [])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(folder.files(in: "out/images").count == 1)
        #expect(r.stderr.contains("cost") && r.stderr.contains("not a number"), "\(r.stderr)")
    }

    @Test func imagesThatArrivedAreKeptWhenTheTaskFailsLater() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            let task = Self.taskUUID(request)
            if request.tasks.first?["taskType"] as? String == "imageInference" {
                return .json(["data": [["taskType": "imageInference", "taskUUID": task]]])
            }
            return .json(["data": [Self.item(task, uuid: "img00001"), Self.item(task, uuid: "img00002")],
                          "errors": [["code": "providerTimeout", "message": "the rest timed out", "taskUUID": task]]])
        }
        defer { server.stop() }
        let r = try await generate(server, folder, ["-n", "4", "--delivery", "async"])
        #expect(r.status == 1, "two of four images saved: \(r.stderr)")
        #expect(folder.files(in: "out/images").count == 2)
        let list = try await Binary.run(Self.darkroom, ["history", "list", "--json"], environment: Binary.isolatedEnvironment(folder))
        #expect(list.stdout.contains("2 of 4 images") && list.stdout.contains("the rest timed out"), "\(list.stdout)")
    }

    /// A PNG header saying 20000x20000 (no pixel data is needed to be refused).
    static func hugePNGHeader() -> Data {
        var ihdr = Data("IHDR".utf8)
        for v in [UInt32(20000), UInt32(20000)] { withUnsafeBytes(of: v.bigEndian) { ihdr.append(contentsOf: $0) } }
        ihdr.append(contentsOf: [8, 6, 0, 0, 0])
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        withUnsafeBytes(of: UInt32(13).bigEndian) { png.append(contentsOf: $0) }
        png.append(ihdr)
        withUnsafeBytes(of: crc32(ihdr).bigEndian) { png.append(contentsOf: $0) }
        png.append(contentsOf: [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
        return png
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    @Test func hugeImagesAndHugeMessagesAreBounded() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let huge = Self.hugePNGHeader().base64EncodedString()
        let message = String(repeating: "x", count: 100 << 20)
        let server = try HostileServer { request in
            let task = Self.taskUUID(request)
            if request.headers["x-test"] == nil, (request.tasks.first?["positivePrompt"] as? String) == "big message" {
                return .json(#"{"errors":[{"code":"boom","message":"\#(message)"}]}"#, status: 400)
            }
            return .json(["data": [Self.item(task, uuid: "huge0001", extra: ["imageBase64Data": huge])]])
        }
        defer { server.stop() }
        let r = try await generate(server, folder, [])
        #expect(r.status == 69, "\(r.stderr)")
        #expect(r.stderr.contains("20000x20000") && r.stderr.contains("2048x2048"), "\(r.stderr)")
        #expect(folder.files(in: "out/images").isEmpty)
        let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": Self.key])
        let big = try await Binary.run(Self.darkroom, ["generate", "big message", "--endpoint", server.endpoint, "--retries", "0",
                                                       "--out", folder.path + "/out/images"], environment: env, timeout: .seconds(120))
        #expect(big.status == 69)
        #expect(big.stderr.utf8.count < 20_000)
        let db = folder.path + "/data/darkroom/history.sqlite"
        let size = ((try? FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.intValue) ?? 0
        #expect(size < 1 << 20, "History grew to \(size) bytes")
        let list = try await Binary.run(Self.darkroom, ["history", "list", "--json"], environment: env)
        #expect(list.stdout.contains("cut: the"), "\(list.stdout.prefix(500))")
    }

    @Test func documentedStatusesWithoutABodyAndBadLinksSayWhatTheyMean() async throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let server = try HostileServer { request in
            switch request.tasks.first?["positivePrompt"] as? String {
            case "p402": return HostileServer.Reply(status: 402, headers: [], body: Data())
            case "p504": return HostileServer.Reply(status: 504, headers: [], body: Data())
            case "utf8":
                var body = Data(#"{"errors":[{"code":"bad","message":"caf"#.utf8)
                body.append(contentsOf: [0xE9, 0xFF])
                body.append(Data(#" au lait"}]}"#.utf8))
                return HostileServer.Reply(status: 400, body: body)
            default:
                return .json(["data": [["taskType": "imageInference", "taskUUID": Self.taskUUID(request), "imageUUID": "f1",
                                        "imageURL": "file:///etc/passwd"]]])
            }
        }
        defer { server.stop() }
        let env = Binary.isolatedEnvironment(folder, extra: ["RUNWARE_API_KEY": Self.key])
        func run(_ prompt: String) async throws -> Binary.Result {
            try await Binary.run(Self.darkroom, ["generate", prompt, "--endpoint", server.endpoint, "--retries", "2",
                                                 "--out", folder.path + "/out"], environment: env)
        }
        let r402 = try await run("p402")
        #expect(r402.stderr.contains("insufficient balance"), "\(r402.stderr)")
        let r504 = try await run("p504")
        #expect(r504.stderr.contains("maximum queue wait exceeded"), "\(r504.stderr)")
        let utf8 = try await run("utf8")
        #expect(utf8.stderr.contains("au lait"), "\(utf8.stderr)")
        let before = server.requests.count
        let file = try await run("file link")
        #expect(file.status == 69, "\(file.stderr)")
        #expect(file.stderr.contains("only http and https"), "\(file.stderr)")
        #expect(!file.stderr.contains("retry"), "\(file.stderr)")
        #expect(server.requests.count == before + 1)
    }
}
