"""``python -m celint``: the same command line as the ``celint`` script."""

from celint.cli import main

if __name__ == "__main__":
    main()
