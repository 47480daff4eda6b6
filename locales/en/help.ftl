# banfa --help (src/cli/help.rs).
# English help is clap's doc comments and each subcommand's EXAMPLES; the `help-` ids are in zh-CN only.
