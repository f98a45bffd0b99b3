"""The governance policies as data: Rego sources and their METADATA, repository-local rules
layered on, signed bundles, the controls catalogue, and the Rego unit-test runner."""
