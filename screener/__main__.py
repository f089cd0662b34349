from screener.cli import main

raise SystemExit(main())
