import Foundation
import RunwareAPI
import RunwareSandbox
import Testing
import TestSupport

/// The balance (`accountManagement` `getDetails`) goes down by what each image costs, and the
/// content service's pricing path gives the default model's price before any job.
@Suite struct AccountTests {
    @Test func theBalanceGoesDownByEachImagesCost() async throws {
        try await SandboxHarness.with(.init(apiKey: SandboxHarness.key, startingBalance: 5)) { sandbox in
            let client = sandbox.client()
            let before = try await client.accountDetails()
            #expect(before.balance == 5 && before.organizationName == "Darkroom sandbox")
            var r = request(width: 1024, height: 1024)
            r.steps = 28
            r.numberResults = 2
            r.includeCost = true
            let results = try await client.imageInference(r)
            let cost = results.compactMap(\.cost).reduce(0, +)
            #expect(cost > 0)
            let after = try await client.accountDetails()
            #expect(abs((after.balance ?? 0) - (5 - cost)) < 1e-6, "\(String(describing: after.balance)) after \(cost)")
            // The 2025 shape (a number) reads the same as the 2026 object.
            let number = try ResponseEnvelope<AccountDetails>.decode(Data(#"{"data":[{"balance":12.5}]}"#.utf8))
            #expect(number.data.first?.balance == 12.5)
        }
    }

    @Test func thePublishedPriceIsServedWhereTheContentServiceIs() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client()
            let pricing = try #require(try await client.pricing(model: "runware:111@1"))
            #expect(pricing.air == "runware:111@1" && pricing.pricePerImage == 0.0038, "\(pricing)")
            #expect(try await client.pricing(model: "civitai:1@1") == nil)
            #expect(ModelPricing.contentBase(forEndpoint: "https://api.runware.ai/v1") == "https://content.runware.ai")
            #expect(ModelPricing.contentBase(forEndpoint: "http://127.0.0.1:8089/v1") == "http://127.0.0.1:8089")
        }
    }
}
