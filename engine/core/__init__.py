"""The engine's foundations, which every other layer may import and which import no other
layer: errors, repository-confined files, limits, parsing, plug-in lookup, output files,
interrupts, keys and the bundled assets."""
