import RunwareAPI

/// The sandbox's small model catalogue: the checkpoints it serves and LoRA / ControlNet entries
/// for the pickers, shaped like the API's modelSearch results.
package enum ModelCatalogue {
    package static let checkpoints: [ModelEntry] = [
        entry("runware:111@1", "FLUX.1 [dev] SRPO", "checkpoint", "flux1d", type: "base", tags: ["flux", "realism"]),
        entry("runware:101@1", "FLUX.1 [dev]", "checkpoint", "flux1d", type: "base", tags: ["flux"]),
        entry("runware:100@1", "FLUX.1 [schnell]", "checkpoint", "flux1s", type: "base", tags: ["flux", "fast"]),
        entry("runware:102@1", "FLUX.1 Fill [dev]", "checkpoint", "flux1d", type: "inpainting", tags: ["flux", "fill", "ace++"]),
    ]

    package static let loras: [ModelEntry] = [
        entry("runware:120@2", "LayerDiffuse transparency", "lora", "flux1d", tags: ["transparent", "alpha"]),
        entry("civitai:631986@706528", "Film Grain Photography", "lora", "flux1d", tags: ["photo", "film", "grain"],
              trigger: "film grain"),
        entry("civitai:667004@746484", "Watercolor Illustration", "lora", "flux1d", tags: ["watercolor", "painting"],
              trigger: "watercolor"),
        entry("civitai:652699@993999", "Isometric Miniatures", "lora", "flux1d", tags: ["isometric", "3d"],
              trigger: "isometric"),
        entry("civitai:721039@806265", "Vintage Anime Cels", "lora", "flux1d", tags: ["anime", "retro"],
              trigger: "anime cel"),
        entry("civitai:128568@140535", "Detail Tweaker", "lora", "sd1x", tags: ["detail"]),
    ]

    package static let controlNets: [ModelEntry] = [
        controlNet("runware:25@1", "FLUX Dev ControlNet Canny", "canny"),
        controlNet("runware:26@1", "FLUX Dev ControlNet Tile", "tile"),
        controlNet("runware:27@1", "FLUX Dev ControlNet Depth", "depth"),
        controlNet("runware:28@1", "FLUX Dev ControlNet Blur", "blur"),
        controlNet("runware:29@1", "FLUX Dev ControlNet OpenPose", "openpose"),
        controlNet("runware:30@1", "FLUX Dev ControlNet Gray", "gray"),
        controlNet("runware:31@1", "FLUX Dev ControlNet Low Quality", "lowquality"),
    ]

    package static var all: [ModelEntry] { checkpoints + loras + controlNets }

    package static func serves(_ model: String) -> Bool { checkpoints.contains { $0.air == model } }

    /// The filters of Runware's current schemas; anything else (the 2025 `tags`, `type`,
    /// `conditioning`) is refused as Runware's validation would.
    static let filters: Set<String> = ["taskType", "taskUUID", "search", "category", "architecture", "capabilities", "source",
                                       "visibility", "sort", "limit", "offset"]

    /// Text over name, AIR, version, tags and capabilities (case-insensitive, every word), then
    /// the structured filters; sorted by `sort`. A refused filter gives its error instead.
    package static func search(_ fields: [String: JSONValue]) -> Result<(total: Int, results: [ModelEntry]), APIErrorObject> {
        if let unknown = fields.keys.sorted().first(where: { !filters.contains($0) }) {
            return .failure(APIErrorObject(code: "unknownParameter", message: "Unknown parameter \"\(unknown)\" for modelSearch.",
                                           parameters: [unknown], taskType: ModelSearchRequest.taskType))
        }
        let request = ModelSearchRequest(search: fields["search"]?.stringValue, category: fields["category"]?.stringValue)
        var checked = request
        checked.visibility = fields["visibility"]?.stringValue
        checked.source = fields["source"]?.stringValue
        checked.sort = fields["sort"]?.stringValue
        if let issue = checked.validate().first {
            return .failure(APIErrorObject(code: issue.code, message: "Invalid value for parameter \(issue.description)",
                                           parameters: issue.parameters, taskType: ModelSearchRequest.taskType))
        }
        let text = request.search?.lowercased() ?? ""
        let capabilities = fields["capabilities"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var matches = all.filter { e in
            let hay = ([e.name, e.air, e.version ?? ""] + (e.tags ?? []) + (e.capabilities ?? [])).joined(separator: " ").lowercased()
            return text.isEmpty || text.split(separator: " ").allSatisfy { hay.contains($0) }
        }
        if !capabilities.isEmpty { matches = matches.filter { Set(capabilities).isSubset(of: Set($0.capabilities ?? [])) } }
        for (key, value) in [("category", \ModelEntry.category), ("architecture", \ModelEntry.architecture), ("source", \ModelEntry.source)] {
            guard let wanted = fields[key]?.stringValue else { continue }
            matches = matches.filter { $0[keyPath: value]?.caseInsensitiveCompare(wanted) == .orderedSame }
        }
        // The sandbox has no private models or favourites: those views are empty.
        if let visibility = checked.visibility, visibility != "public" { matches = [] }
        switch checked.sort {
        case "name": matches.sort { $0.name < $1.name }
        case "-name": matches.sort { $0.name > $1.name }
        default: break
        }
        let offset = max(0, fields["offset"]?.intValue ?? 0)
        let limit = max(1, min(100, fields["limit"]?.intValue ?? 20))
        return .success((matches.count, Array(matches.dropFirst(offset).prefix(limit))))
    }

    private static func entry(_ air: String, _ name: String, _ category: String, _ architecture: String,
                              type: String? = nil, tags: [String], trigger: String? = nil) -> ModelEntry {
        var e = ModelEntry(air: air, name: name)
        e.version = String(air.split(separator: "@").last ?? "1")
        e.category = category
        e.architecture = architecture
        e.type = type
        e.tags = tags
        e.positiveTriggerWords = trigger
        e.source = air.hasPrefix("runware:") ? "official" : "community"
        e.capabilities = category == "checkpoint" ? ["io:text-to-image", "io:image-to-image"] : [category]
        e.shortDescription = category == "lora" ? "LoRA: \(tags.joined(separator: ", "))" : nil
        if category == "checkpoint" {
            e.defaultWidth = 1024; e.defaultHeight = 1024; e.defaultSteps = 28; e.defaultCFG = 3.5
        }
        if category == "lora" { e.defaultWeight = 1 }
        return e
    }

    /// ControlNet models have no `category` of their own in the current schemas: no category,
    /// their kind in their capabilities and their name.
    private static func controlNet(_ air: String, _ name: String, _ conditioning: String) -> ModelEntry {
        var e = entry(air, name, "controlnet", "flux1d", tags: ["controlnet", conditioning])
        e.category = nil
        e.capabilities = ["controlnet", conditioning]
        e.shortDescription = "ControlNet for FLUX.1 [dev], guided by a \(conditioning) image"
        return e
    }
}
