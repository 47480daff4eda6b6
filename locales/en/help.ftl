# banfa --help (src/cli/help.rs).
