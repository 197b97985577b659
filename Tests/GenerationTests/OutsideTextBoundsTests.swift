import Foundation
@testable import Generation
import History
import HostileFiles
import Imaging
import RunwareAPI
import Testing
import TestSupport

/// Texts read from image files (the 2026-12-07 report's F2, F6 and F14): parsed in one pass,
/// held to the parameter table's sizes with a note, and never a number JSON cannot hold.
@Suite struct OutsideTextBoundsTests {
    /// The regex this replaced took hours on this text (80,000 spaces took 291 s).
    @Test func aRunOfSpacesInParametersIsReadInOnePass() throws {
        let r = try #require(ImageMetadata.request(fromParameters: HostileFiles.spacesParameters(200_000)))
        #expect(r.positivePrompt.hasPrefix("p ") && r.positivePrompt.hasSuffix(" q") && r.steps == 20 && r.seed == 1)
        let tags = String(repeating: "<lora:a:1 ", count: 20_000) + String(repeating: " ", count: 100_000) + "x"
        #expect(ImageMetadata.request(fromParameters: tags + "\nSteps: 20")?.lora == nil)
    }

    @Test func loraTagsAreTakenOutOfThePromptAsBefore() throws {
        let text = "a cat <lora:civitai:1@2:0.8>  <lora:runware-5@1:1> dog <lora:x:abc> <lora:<lora:civitai:9@9:-1.5>\nSteps: 20"
        let r = try #require(ImageMetadata.request(fromParameters: text))
        #expect(r.positivePrompt == "a cat dog <lora:x:abc> <lora:")
        #expect(r.lora?.map(\.model) == ["civitai:1@2", "runware:5@1", "civitai:9@9"])
        #expect(r.lora?.map(\.weight) == [0.8, 1, -1.5])
    }

    /// An A1111 image made with a local checkpoint and a local LoRA file: the record keeps the
    /// model's name and the tag as written (they were recorded as runware:111@1 with the tag
    /// dropped), the import says neither is a Runware model, and nothing runs it as it is.
    @Test func aLocalModelAndLoRAAreKeptAsWrittenAndSaidNotRunware() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let text = "a heron <lora:add_detail:0.6> <lora:civitai:1@2:0.8>\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 5, Model: sd_xl_base_1.0"
        let r = try #require(ImageMetadata.request(fromParameters: text))
        #expect(r.model == "sd_xl_base_1.0")
        #expect(r.positivePrompt == "a heron <lora:add_detail:0.6>")
        #expect(r.lora?.map(\.model) == ["civitai:1@2"])
        #expect(r.validate().contains { $0.parameters == ["model"] }, "not sent as it is")

        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let png = try ImageText.embed(parameters: text, task: "", into: HostileFiles.png())
        let imported = try #require(try ImageImport.record(png, at: folder.path + "/local.png", into: store))
        let note = try #require(imported.note)
        #expect(note.contains("its model \"sd_xl_base_1.0\" is not a Runware model"), "\(note)")
        #expect(note.contains("<lora:…> tags that name no Runware model stay in the prompt as text"), "\(note)")
        #expect(try store.job(imported.jobID).model == "sd_xl_base_1.0")
        // An AIR written A1111's way is read as the AIR, with no note.
        let air = try #require(ImageMetadata.request(fromParameters: "a heron\nSteps: 20, Model: runware-101@1"))
        #expect(air.model == "runware:101@1" && ImageMetadata.outsideModelNote(air) == nil)
    }

    @Test func aNumberJSONCannotHoldIsDroppedLikeAnUnreadableField() throws {
        for cfg in ["nan", "inf", "-inf", String(repeating: "9", count: 400)] {
            let r = try #require(ImageMetadata.request(fromParameters: "p\nSteps: 20, CFG scale: \(cfg), Seed: 1"))
            #expect(r.cfgScale == nil && r.steps == 20, "CFG scale: \(cfg.prefix(10))")
        }
        let huge = "p <lora:civitai:1@1:\(String(repeating: "9", count: 400))>\nSteps: 20"
        let r = try #require(ImageMetadata.request(fromParameters: huge))
        #expect(r.lora?.first?.model == "civitai:1@1" && r.lora?.first?.weight == nil)
    }

    @Test func anImageWithCFGScaleNaNIsImported() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let png = try ImageText.embed(parameters: "a heron\nSteps: 99999999999, Sampler: x, CFG scale: nan, Seed: -1, Size: 9x9",
                                      task: "", into: HostileFiles.png())
        let imported = try #require(try ImageImport.record(png, at: folder.path + "/nan.png", into: store))
        #expect(try store.job(imported.jobID).positivePrompt == "a heron")
    }

    /// A `parameters` text past the 1 MiB read is cut in silence no more: the import says so,
    /// next to what the table's sizes cut of the prompt.
    @Test func anImportOfATextPastTheReadCapSaysItWasCut() throws {
        let folder = TempFolder()
        defer { folder.remove() }
        let store = try HistoryStore(path: folder.path + "/history.sqlite")
        let text = "a heron " + String(repeating: "x", count: 2 << 20) + "\nSteps: 20"
        let png = HostileFiles.png(extra: [HostileFiles.chunk("tEXt", Array("parameters\0".utf8) + Array(text.utf8))])
        let imported = try #require(try ImageImport.record(png, at: folder.path + "/long.png", into: store))
        let note = try #require(imported.note)
        #expect(note.contains("the image's parameters text was read to its first 1 MiB (the file holds more)"), "\(note)")
        #expect(note.contains("positivePrompt after its first 3000 characters"), "\(note)")
        #expect(try store.job(imported.jobID).positivePrompt.count == 3000)
        let short = try ImageText.embed(parameters: "a heron\nSteps: 20", task: "", into: HostileFiles.png())
        #expect(try ImageImport.record(short, at: folder.path + "/short.png", into: store)?.note == nil)
    }

    @Test func anImportedRequestIsHeldToTheTablesSizesWithANote() throws {
        var r = ImageInferenceRequest(taskUUID: TaskID.make(), model: "runware:111@1", positivePrompt: String(repeating: "ab", count: 20_000))
        r.negativePrompt = String(repeating: "n", count: 5000)
        r.lora = (0..<1500).map { ImageInferenceRequest.LoRA(model: "civitai:\($0)@1", weight: 5) }
        r.steps = 28
        let (safe, dropped) = OutsideRequest.defused(r)
        #expect(safe.positivePrompt == String(repeating: "ab", count: 1500))
        #expect(safe.negativePrompt?.count == 3000 && safe.steps == 28 && safe.taskUUID == r.taskUUID)
        #expect(safe.lora?.count == SizeCaps.undocumentedItemLimit && safe.lora?.last?.model == "civitai:31@1")
        let note = try #require(OutsideRequest.note(dropped))
        #expect(note.contains("positivePrompt after its first 3000 characters (it had 40000; the limit is 3000)"))
        #expect(note.contains("negativePrompt after its first 3000 characters (it had 5000"))
        #expect(note.contains("lora after its first 32 items (it had 1500; Darkroom keeps 32 where the API documents no limit)"))
        let small = ImageInferenceRequest(taskUUID: TaskID.make(), model: "runware:111@1", positivePrompt: "a fox")
        #expect(OutsideRequest.defused(small).dropped.isEmpty)
    }
}
