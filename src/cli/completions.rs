//! `banfa completions`: shell completion scripts.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Exit;

const EXAMPLES: &str = "\
Examples:
  banfa completions bash > /etc/bash_completion.d/banfa
  banfa completions zsh > \"${fpath[1]}/_banfa\"
  banfa completions fish > ~/.config/fish/completions/banfa.fish";

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Runs `banfa completions` for the command line `C`.
pub fn run<C: CommandFactory>(args: &Args) -> Exit {
    let mut command = C::command();
    let name = command.get_name().to_owned();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut out);
    super::print(&String::from_utf8_lossy(&out))
}
