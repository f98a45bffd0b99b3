"""ai-assure: policy-as-code assurance engine for AI systems."""

__version__ = "0.1.0"

#: where people find out about ai-assure (SARIF's `tool.driver.informationUri`); the same
#: address as `[project.urls] Homepage` in pyproject.toml. An organisation that publishes
#: ai-assure elsewhere changes both.
__url__ = "https://gitlab.example.gov.uk/ai-governance/ai-assure"
