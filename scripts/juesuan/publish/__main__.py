from juesuan.publish.cli import main

raise SystemExit(main())
