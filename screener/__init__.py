"""screener: score résumés against a job posting's requirements, with evidence for every number."""

__version__ = "0.1.0"
