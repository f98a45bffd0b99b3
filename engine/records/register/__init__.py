"""The department's AI risk register (`ai-assure register`): built from manifests by
`build`, written in the formats of `formats/`."""
