/// What a model field holds, and how its picker finds candidates with the filters `modelSearch`
/// has today (Runware's 2026 schemas: `category` is only checkpoint, lora, lycoris, vae or
/// embeddings; there is no `tags`, `type` or `conditioning`).
package enum ModelKind: String, Sendable, CaseIterable, Hashable {
    case checkpoint, lora
    case controlNet = "controlnet"
    case ipAdapter = "ipadapter"

    /// What the picker's title calls them.
    package var title: String {
        switch self {
        case .checkpoint: "models"
        case .lora: "LoRAs"
        case .controlNet: "ControlNet models"
        case .ipAdapter: "IP-Adapter models"
        }
    }

    /// The search for `text` among models of this kind made for `architecture` (the form's
    /// model's, so a FLUX user is not offered SD 1.5 LoRAs). ControlNet has no category of its
    /// own any more: its models are found by name. Nil for IP-Adapters: the `runware:111@1` page
    /// lists the ones it takes (`ipAdapterModels`).
    package func search(_ text: String, architecture: String?) -> ModelSearchRequest? {
        let words = text.trimmingCharacters(in: .whitespaces)
        var request: ModelSearchRequest
        switch self {
        case .checkpoint, .lora:
            request = ModelSearchRequest(search: words.isEmpty ? nil : words, category: rawValue)
        case .controlNet:
            request = ModelSearchRequest(search: words.isEmpty ? "controlnet" : "controlnet " + words)
        case .ipAdapter:
            return nil
        }
        if self != .checkpoint { request.architecture = architecture }
        request.limit = 50
        return request
    }

    /// The IP-Adapter models the `runware:111@1` page lists ("Supported models list").
    package static let ipAdapterModels: [ModelEntry] = [
        ("runware:55@1", "IP Adapter SDXL", "sdxl"), ("runware:55@2", "IP Adapter SDXL Plus", "sdxl"),
        ("runware:55@3", "IP Adapter SDXL Plus Face", "sdxl"), ("runware:55@4", "IP Adapter SDXL Vit-H", "sdxl"),
        ("runware:55@5", "IP Adapter SD 1.5", "sd1x"), ("runware:55@6", "IP Adapter SD 1.5 Plus", "sd1x"),
        ("runware:55@7", "IP Adapter SD 1.5 Light", "sd1x"), ("runware:55@8", "IP Adapter SD 1.5 Plus Face", "sd1x"),
        ("runware:55@10", "IP Adapter SD 1.5 Vit-G", "sd1x"),
    ].map { air, name, architecture in
        var e = ModelEntry(air: air, name: name)
        e.architecture = architecture
        e.source = "official"
        e.shortDescription = "listed by the runware:111@1 page"
        return e
    }

    /// The listed IP-Adapters whose name or AIR holds every word of `text`.
    package static func ipAdapters(matching text: String) -> [ModelEntry] {
        let words = text.lowercased().split(separator: " ")
        return ipAdapterModels.filter { e in words.allSatisfy { (e.name + " " + e.air).lowercased().contains($0) } }
    }
}

/// The architecture (`modelSearch`'s `architecture` value) of the models Darkroom knows by AIR.
package enum ModelArchitecture {
    package static let known: [String: String] = [
        "runware:111@1": "flux1d", "runware:101@1": "flux1d", "runware:102@1": "flux1d", "runware:100@1": "flux1s",
    ]

    package static func of(_ air: String) -> String? { known[air] }
}
