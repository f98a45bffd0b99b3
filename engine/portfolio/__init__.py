"""The governance team's portfolio: many systems checked in one run (`check PATH...`,
`check --discover DIR`), the summary formats of such a run, and the department view read
from the results store (`ai-assure portfolio`)."""
