import Testing
@testable import TerminalUI

@Suite struct ChoiceListTests {
    let names = ["DDIM", "DPM++ 2M", "DPM++ 2M Karras", "DPM++ SDE Karras", "Euler", "Euler a", "UniPC"]

    @Test func typingFiltersByEveryWordAndKeepsTheSelection() {
        var list = ChoiceList(names, selecting: "Euler")
        #expect(list.selection == "Euler")
        list.setFilter("dpm karras")
        #expect(list.visible == ["DPM++ 2M Karras", "DPM++ SDE Karras"])
        #expect(list.selection == "DPM++ 2M Karras")
        list.moveSelection(by: 5, height: 3)
        #expect(list.selection == "DPM++ SDE Karras")
        list.setFilter("")
        #expect(list.selection == "DPM++ SDE Karras" && list.visible.count == 7)
        list.setFilter("nothing like this")
        #expect(list.selection == nil)
    }

    @Test func theSelectionScrollsIntoView() {
        var list = ChoiceList(names)
        list.moveSelection(by: 5, height: 3)
        #expect(list.scroll == 3)
        var frame = Frame(width: 12, height: 3)
        list.draw(into: &frame, x: 0, y: 0, width: 12, height: 3, style: .plain, selectedStyle: Style(attributes: .reverse))
        #expect(frame.text == [" DPM++ SDE K", " Euler      ", " Euler a    "])
        #expect(frame[0, 2].style.attributes.contains(.reverse))
    }
}

@Suite struct NumberFieldTests {
    @Test func steppingStaysInsideTheLimits() {
        var steps = NumberField(value: 49, step: 1, range: 1...50, integer: true)
        steps.increment()
        steps.increment()
        #expect(steps.value == 50)
        var cfg = NumberField(value: nil, step: 0.5, range: 0...20, integer: false)
        cfg.increment(3)
        #expect(cfg.text == "1.5")
    }

    @Test func typedValuesAreKeptEvenOutOfRange() {
        var steps = NumberField(value: 28, step: 1, range: 1...50, integer: true)
        let accepted = steps.set("99")
        #expect(accepted && !steps.isInRange && steps.text == "99")
        let fraction = steps.set("12.5"), letters = steps.set("abc")
        #expect(!fraction && !letters && steps.value == 99)
        let cleared = steps.set("")
        #expect(cleared && steps.value == nil && steps.isInRange)
    }
}
