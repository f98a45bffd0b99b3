"""OSCAL 1.1.3 export of assessments (`ai-assure report oscal`): catalog, component
definition, assessment results and POA&M, written with compliance-trestle's OSCAL models.
Import this package only in the command that needs it: trestle is heavy."""

from engine.records.oscal.build import (
    OSCAL_VERSION,
    Framework,
    OscalError,
    bundled_frameworks,
    write_oscal,
)

__all__ = ["OSCAL_VERSION", "Framework", "OscalError", "bundled_frameworks", "write_oscal"]
