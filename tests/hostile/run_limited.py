"""Run the CLI in a child process with a memory cap; used by the hostile suite."""

import resource
import sys

from generator.cli import main

if __name__ == "__main__":
    limit = 1024 * 1024 * 1024  # 1 GB of address space beyond what start-up maps
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit * 3, hard))  # numpy/openblas map generously at import
    sys.argv = ["budgetgen", *sys.argv[1:]]
    main()
