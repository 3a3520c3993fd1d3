from spokes.cli import main

main()
