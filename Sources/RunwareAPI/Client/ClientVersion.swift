/// Darkroom's version, one fact: `darkroom --version` says it and every request's User-Agent
/// carries it (`darkroom/0.4.0 libcurl`).
package enum ClientVersion {
    package static let number = "0.4.0"
}
