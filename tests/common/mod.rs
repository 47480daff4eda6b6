//! What the tests that run `banfa` in a chosen language share.

use std::process::Command;

/// `banfa` in a locale that chooses no language (`LANG=C`, no `LC_ALL`, `LC_MESSAGES` or
/// `BANFA_LANG`), so Chinese, the default; no colour, no pack search path.
pub fn neutral() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banfa"));
    command
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("BANFA_LANG")
        .env_remove("BANFA_PACK_PATH");
    command
}
