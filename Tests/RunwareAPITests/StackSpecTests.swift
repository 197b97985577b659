import Testing
import RunwareAPI

/// `StackSpec`: the `key=value` and short forms of `--lora`, `--controlnet`, `--ip-adapter`,
/// `--outpaint` and `--size`, and the errors that name the option, the text and the reason.
@Suite struct StackSpecTests {
    @Test func aLoRAInTheShortFormKeepsTheAIRWhole() throws {
        let l = try StackSpec.lora("civitai:631986@706528:0.8")
        #expect(l.model == "civitai:631986@706528")
        #expect(l.weight == 0.8)
        #expect(try StackSpec.lora("model=civitai:1@2,weight=0.5").weight == 0.5)
    }

    @Test func aLoRAWithoutVersionOrWithTooManyPartsIsRefused() {
        #expect(throws: StackSpec.ParseError.self) { try StackSpec.lora("civitai:631986") }
        let error = #expect(throws: StackSpec.ParseError.self) { try StackSpec.lora("a:1@2:0.5:x:y") }
        #expect(error?.description == "--lora \"a:1@2:0.5:x:y\": too many ':' parts")
    }

    @Test func aDataURIWithCommasStaysOneValue() throws {
        let c = try StackSpec.controlNet("model=runware:25@1,guide=data:image/png;base64,AAAA,start=2,end-percent=80")
        #expect(c.guideImage == "data:image/png;base64,AAAA")
        #expect(c.startStep == 2 && c.endStepPercentage == 80)
    }

    @Test func aNumberThatIsNotOneIsNamedWithItsKey() {
        let error = #expect(throws: StackSpec.ParseError.self) { try StackSpec.controlNet("model=m,weight=heavy") }
        #expect(error?.description == "--controlnet \"model=m,weight=heavy\": weight \"heavy\" is not a number")
        let unknown = #expect(throws: StackSpec.ParseError.self) { try StackSpec.ipAdapter("colour=red") }
        #expect(unknown?.reason.hasPrefix("expected key=value pairs; keys: ") == true)
    }

    @Test func ipAdapterImagesRepeat() throws {
        let a = try StackSpec.ipAdapter("model=runware:55@1,image=a.png,image=b.png,weight=0.7")
        #expect(a.guideImages == ["a.png", "b.png"] && a.weight == 0.7)
    }

    @Test func outpaintTakesFourNumbersOrNamedSides() throws {
        let o = try StackSpec.outpaint("0,128,0,64")
        #expect(o.top == 0 && o.right == 128 && o.bottom == 0 && o.left == 64)
        #expect(try StackSpec.outpaint("top=64").top == 64)
        #expect(throws: StackSpec.ParseError.self) { try StackSpec.outpaint("1,2,3") }
        #expect(throws: StackSpec.ParseError.self) { try StackSpec.outpaint("top=wide") }
    }

    @Test func sizeIsWidthByHeight() throws {
        let size = try StackSpec.size("1344X768")
        #expect(size.0 == 1344 && size.1 == 768)
        let error = #expect(throws: StackSpec.ParseError.self) { try StackSpec.size("big") }
        #expect(error?.description == "--size \"big\": expected WIDTHxHEIGHT, e.g. 1024x768")
    }

    @Test func compoundHelpListsEveryKeyOfItsOption() {
        let help = StackSpec.help(compound: "outpaint", forms: "TOP,RIGHT,BOTTOM,LEFT or")
        for key in ["top=N", "right=N", "bottom=N", "left=N"] { #expect(help.contains(key)) }
        #expect(StackSpec.keys("controlnet").contains("start-percent"))
    }
}
