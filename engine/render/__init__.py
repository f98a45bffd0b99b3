"""Writing documents: the renderer interface every output format implements, the one way to
look a format up, and the HTML, Markdown and spreadsheet helpers the formats share."""
