"""The knowledge base: load, rules, compose, publish (see hooks/README.md). No MkDocs import here."""
