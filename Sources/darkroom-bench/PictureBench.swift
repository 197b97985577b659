import Foundation
import Imaging
import RunwareSandbox

/// How long the sandbox takes to make a 1024x1024 picture and encode it (target: well under 100 ms).
enum PictureBench {
    static func run() {
        print("Sandbox pictures, 1024x1024, median of 20")
        print("  step                     ms")
        var make: [Double] = []
        var picture = RGBAImage(width: 1, height: 1)
        for i in 0..<20 {
            let t = ContinuousClock.now
            picture = PictureMaker.make(PictureRecipe(width: 1024, height: 1024, seed: UInt64(i), prompt: "a lighthouse"))
            make.append(Measure.milliseconds(ContinuousClock.now - t))
        }
        print("  make pixels        \(Measure.format(Measure.median(make)))")
        for format in ImageFormat.allCases {
            var times: [Double] = []
            for _ in 0..<20 {
                let t = ContinuousClock.now
                _ = try? ImageEncoder.encode(picture, as: format, quality: 95)
                times.append(Measure.milliseconds(ContinuousClock.now - t))
            }
            print("  encode \(format.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0))        \(Measure.format(Measure.median(times)))")
        }
        print("")
    }
}
