"""``python -m stopline`` runs the CLI."""

from stopline.cli import main

main()
