"""The runtime beside the generated module, as in a generated package (here the installed one)."""

from execution_contracts._runtime import *  # noqa: F401,F403
from execution_contracts._runtime import __all__  # noqa: F401
