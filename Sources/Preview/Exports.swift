/// Preview's pictures are TerminalUI cell grids in TerminalUI colour modes, so whoever imports
/// Preview sees those types too.
@_exported import TerminalUI
