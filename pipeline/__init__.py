"""claimdocs: read California workers' compensation claim files, stage by stage."""

__version__ = "0.1.0"
