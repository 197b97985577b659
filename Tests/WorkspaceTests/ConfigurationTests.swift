import Foundation
import Studio
import Testing
import TestSupport
import Workspace

@Suite struct ConfigurationTests {
    @Test func configurationReadsEveryKey() throws {
        let c = try Configuration.parse("""
            endpoint = "http://127.0.0.1:8089/v1"
            model = "runware:101@1"
            width = 768
            height = 512
            steps = 20
            [output]
            folder = "~/pics"
            format = "PNG"
            quality = 90
            type = "base64Data"
            """, file: "config.toml")
        #expect(c.endpoint == "http://127.0.0.1:8089/v1" && c.model == "runware:101@1")
        #expect(c.width == 768 && c.height == 512 && c.steps == 20)
        #expect(c.outputFolder == "~/pics" && c.outputFormat == "PNG" && c.outputQuality == 90 && c.outputType == "base64Data")
    }

    @Test func configurationErrorsNameTheFileAndProblem() {
        #expect { try Configuration.parse("modle = \"x\"", file: "/c/config.toml") } throws: { error in
            "\(error)".contains("/c/config.toml:1: unknown setting \"modle\"")
        }
        #expect { try Configuration.parse("model = ", file: "/c/config.toml") } throws: { error in
            "\(error)".hasPrefix("/c/config.toml:1:")
        }
        #expect { try Configuration.parse("[output]\nquality = \"high\"", file: "f") } throws: { error in
            "\(error)".contains("output.quality must be an integer")
        }
    }
}
