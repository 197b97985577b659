import Foundation
import Generation
@testable import Studio
import TerminalUI
import Testing

/// A click on a thumbnail of the Generate strip shows that result in the preview.
@Suite struct StripClickTests {
    @Test func clickingAThumbnailSelectsIt() {
        var s = StudioFixture(columns: 160, rows: 45)
        for (n, path) in ["/r/1.png", "/r/2.png"].enumerated() {
            s.key(.ctrl("g"))
            s.send(.job(id: n + 1, JobEvent(jobID: Int64(n + 1), taskUUID: "t", step: .saved(SavedImage(
                       path: path, taskUUID: "t", imageUUID: "i", seed: UInt64(n), cost: nil, format: "PNG", bytes: 1, imageURL: nil,
                       index: 0)))),
                   .jobEnded(id: n + 1, failure: nil, cancelled: false))
        }
        #expect(s.state.generate.selected?.path == "/r/2.png")
        let strip = s.state.generate.layout(columns: 160, rows: 45).strip!
        s.send(.terminal(.mouse(button: .left, x: strip.x + GenerateLayout.stripThumbWidth + 3, y: strip.y + 2, pressed: true)),
               .terminal(.mouse(button: .left, x: strip.x + GenerateLayout.stripThumbWidth + 3, y: strip.y + 2, pressed: false)))
        #expect(s.state.generate.selected?.path == "/r/1.png")
    }
}
