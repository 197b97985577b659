import ArgumentParser
import DarkroomCLI

/// The entry point. Everything else is in DarkroomCLI; this target links it with the Swift
/// runtime inside (Package.swift). An async function, so the async `main` runs the subcommands'
/// async `run` (top-level code took the synchronous one, which prints help).
@main
enum Entry {
    static func main() async {
        await Darkroom.main()
    }
}
