from factiongraph.cli import main

main()
