import Foundation
@testable import RunwareAPI
import Testing

/// What other servers answer, read in bounded time and kept where it can be (the 2026-12-07
/// report's F7, F16 and F18): a published price in one pass, a model search without its bad entries.
@Suite struct OutsideAnswerTests {
    func pricing(_ prices: [String]) throws -> ModelPricing {
        let examples = prices.map { ["configuration": "1024x1024", "price": $0] }
        return try JSONDecoder().decode(ModelPricing.self, from: JSONSerialization.data(withJSONObject: ["pricingExamples": examples]))
    }

    /// The regex this replaced took 57 s on 20,000 spaces, and hours on this.
    @Test func aRunOfSpacesInAPriceIsReadInOnePass() throws {
        #expect(try pricing([String(repeating: " ", count: 200_000) + "x", "$0.0038"]).pricePerImage == 0.0038)
        #expect(try pricing(["$" + String(repeating: " ", count: 200_000) + "5"]).pricePerImage == nil)
    }

    @Test func aPriceIsANumberThatCanBeOne() throws {
        #expect(try pricing(["$0.0038 per image"]).pricePerImage == 0.0038)
        #expect(try pricing(["from 0.004 a picture"]).pricePerImage == 0.004)
        #expect(try pricing(["$ 2"]).pricePerImage == 2)
        #expect(try pricing(["-$5"]).pricePerImage == nil, "a negative price is no price")
        #expect(try pricing(["$-5", "− $1"]).pricePerImage == nil)
        #expect(try pricing([String(repeating: "9", count: 400)]).pricePerImage == nil, "400 digits read as infinity")
        #expect(try pricing(["free", "$0.01"]).pricePerImage == 0.01)
    }

    @Test func aMalformedModelSearchEntryIsLeftOutAndCounted() throws {
        let body = """
            {"data": [{"taskType": "modelSearch", "taskUUID": "u", "totalResults": "many", "results": [
                {"air": 5, "name": "number for an AIR"}, "a string for an entry", {"name": "no AIR"},
                {"air": "civitai:1@1", "name": "good", "tags": [1, "kept"]}]}]}
            """
        let envelope = try ResponseEnvelope<ModelSearchResult>.decode(Data(body.utf8))
        let found = try #require(envelope.data.first)
        #expect(envelope.unreadable.isEmpty)
        #expect(found.results.map(\.air) == ["civitai:1@1"] && found.results.first?.tags == ["kept"])
        #expect(found.skipped == 3 && found.totalResults == 1)
        let good = try ResponseEnvelope<ModelSearchResult>.decode(Data(#"{"data": [{"taskUUID": "u", "totalResults": 7, "results": []}]}"#.utf8))
        #expect(good.data.first?.totalResults == 7 && good.data.first?.skipped == 0)
    }
}
