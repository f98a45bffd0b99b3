"""The department view read from the results store (`ai-assure portfolio`): `build` computes
it, `formats` renders it."""
