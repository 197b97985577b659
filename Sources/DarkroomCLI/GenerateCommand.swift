import ArgumentParser
import History
import RunwareAPI
import Workspace

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make images from a prompt and save them.",
        discussion: """
            Every imageInference parameter of runware:111@1 has an option; limits are checked before \
            anything is sent and every violation is listed. Image inputs may be local files: they are \
            uploaded first (imageUpload). Images are saved in --out, or in \
            $XDG_DATA_HOME/darkroom/images/YYYY/MM; their paths are printed on stdout; a name another \
            image holds gets -2, -3. Ctrl-C cancels the job (History records it cancelled; a task already \
            sent goes on at Runware and is billed). Jobs an earlier, stopped Darkroom left unfinished are \
            named, not waited for: `darkroom history collect` or the studio collects them.

            Examples:
              darkroom generate "a lighthouse at dusk, film photo" --size 1344x768 --seed 42
              darkroom generate "a fox" -n 4 --lora civitai:667004@746484:0.8 --output-format PNG --json
              darkroom generate --request task.json --steps 20 --out ./renders
            """)

    @OptionGroup(title: "Prompt") var promptOptions: PromptOptions
    @OptionGroup(title: "Image") var image: ImageOptions
    @OptionGroup(title: "Inputs (img2img, inpainting, outpainting)") var inputs: InputOptions
    @OptionGroup(title: "Stacks") var stacks: StackOptions
    @OptionGroup(title: "Features") var features: FeatureOptions
    @OptionGroup(title: "Accelerator") var accelerator: AcceleratorCLIOptions
    @OptionGroup(title: "Output and delivery") var delivery: DeliveryOptions

    @Option(help: "A JSON file holding a whole imageInference task; other options override its fields.", completion: Completions.taskFile)
    var request: String?
    @Option(help: "Record this job in History as a fork of job ID (after `darkroom history fork ID`).", completion: Completions.jobIDs)
    var forkOf: Int64?
    @Flag(help: "Print the scheduler names runware:111@1 takes, one a line (quote one with spaces: --scheduler \"DPM++ 2M Karras\"), and exit.")
    var listSchedulers = false
    @OptionGroup(title: "Running") var runOptions: RunOptions

    func run() async throws {
        if listSchedulers {
            print(Scheduler.allowed.joined(separator: "\n"))
            return
        }
        let env = DarkroomEnvironment()
        let config = try Configuration.loadOrExit(env)
        let draft: ImageInferenceRequest
        do { draft = try buildRequest(config: config) } catch let e as ValidationFailure {
            Console.issues(e)
            throw Exit.invalidInput
        } catch {
            Console.error("\(error)")
            throw Exit.invalidInput
        }
        try await runOptions.execute(draft, env: env, config: config, parent: forkOf.map { JobParent(id: $0, lineage: .fork) },
                                     taskUUID: delivery.taskUUID)
    }
}
