"""One assessment of one system: gather the evidence, evaluate the policies, turn the result
into findings with governance exceptions applied, and hold it all in the report model."""
