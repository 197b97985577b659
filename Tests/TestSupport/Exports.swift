// Tests that import TestSupport can make hostile files too.
@_exported import HostileFiles
