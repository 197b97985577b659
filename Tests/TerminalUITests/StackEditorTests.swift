import Testing
@testable import TerminalUI

@Suite struct StackEditorTests {
    @Test func addRemoveReorderAndEdit() {
        var stack = StackEditor<String>()
        #expect(stack.selected == nil)
        stack.add("lora-a")
        stack.add("lora-b")
        stack.select(0)
        stack.add("lora-c")  // after the selected one
        #expect(stack.items == ["lora-a", "lora-c", "lora-b"] && stack.current == "lora-c")
        stack.moveSelected(by: 1)
        #expect(stack.items == ["lora-a", "lora-b", "lora-c"] && stack.selected == 2)
        stack.moveSelected(by: 5)
        #expect(stack.selected == 2)
        stack.editSelected { $0 += ":0.8" }
        #expect(stack.items.last == "lora-c:0.8")
        stack.removeSelected()
        #expect(stack.items == ["lora-a", "lora-b"] && stack.selected == 1)
        stack.removeSelected()
        stack.removeSelected()
        #expect(stack.items.isEmpty && stack.selected == nil)
    }
}
