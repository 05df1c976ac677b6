from heraldo.cli import main

raise SystemExit(main())
