/// A count with its noun, singular or plural as English wants it: `counted(1, "job")` is "1 job",
/// `counted(3, "image file")` is "3 image files". The one place messages make a plural.
package func counted(_ n: Int, _ singular: String) -> String {
    "\(n) \(singular)\(n == 1 ? "" : "s")"
}
