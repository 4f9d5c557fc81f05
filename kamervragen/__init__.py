"""kamervragen: Dutch parliamentary written questions and answers, from PDF back to structure.

    PDF --reader--> layout (lines) --text--> paragraphs --structure--> Document --writers--> HTML, PDF, AKN

The readers (:mod:`kamervragen.readers`) are the only modules that open PDFs; the semantic XML
(:mod:`kamervragen.semantic_xml`) is the serialised document model and the only input of every writer.
"""

__version__ = "0.1.0"
