"""ai-assure: policy-as-code assurance engine for AI systems."""

__version__ = "0.1.0"
