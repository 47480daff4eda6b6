//! Files that are not what they claim: links out of a pack, pipes, devices. Each is refused
//! with a diagnostic, never read, hung on or quoted.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn banfa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banfa"));
    command.env("BANFA_LANG", "en");
    command
}

/// A fresh directory under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("banfa-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A pack of the city's files, copied, plus whatever the test adds.
fn city_copy(dir: &Path) -> PathBuf {
    let pack = dir.join("pack");
    std::fs::create_dir_all(&pack).expect("pack dir");
    for entry in std::fs::read_dir("rules/jingzhou-city").expect("city") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "banfa") {
            std::fs::copy(&path, pack.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    pack
}

#[test]
fn a_pack_file_linking_out_of_the_pack_is_refused_and_not_quoted() {
    let dir = scratch("link");
    let pack = city_copy(&dir);
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-CONTENT\n").expect("write");
    std::os::unix::fs::symlink(&secret, pack.join("zz-outside.banfa")).expect("symlink");
    let out = banfa().arg("check").arg(&pack).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("outside"), "{stderr}");
    assert!(!stderr.contains("TOP-SECRET-CONTENT"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_pipe_named_like_a_rule_file_is_refused_without_blocking() {
    let dir = scratch("fifo");
    let pack = city_copy(&dir);
    let status = Command::new("mkfifo")
        .arg(pack.join("zz-pipe.banfa"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let out = banfa().arg("check").arg(&pack).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_device_as_a_record_is_refused() {
    let out = banfa()
        .args(["evaluate", "/dev/zero", "--as-of", "2021-06-30"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

#[test]
fn a_pack_test_naming_a_record_outside_is_refused_and_not_quoted() {
    let dir = scratch("outside-record");
    let pack = city_copy(&dir);
    std::fs::create_dir_all(pack.join("tests")).expect("tests dir");
    let secret = dir.join("secret.yaml");
    std::fs::write(&secret, "TOP-SECRET-CONTENT: 1\n").expect("write");
    std::fs::write(
        pack.join("tests/cases.yaml"),
        "- name: 读包外文件\n  record: ../../secret.yaml\n  as_of: 2021-06-30\n  status: compliant\n",
    )
    .expect("write");
    // Run from the scratch pack, so the current directory does not contain the secret.
    let out = banfa()
        .current_dir(&pack)
        .args(["test", "."])
        .output()
        .expect("runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(0), "{all}");
    assert!(all.contains("outside"), "{all}");
    assert!(!all.contains("TOP-SECRET-CONTENT"), "{all}");

    // Named explicitly, it is read.
    let out = banfa()
        .current_dir(&pack)
        .args(["test", ".", "--allow-outside"])
        .arg(&dir)
        .output()
        .expect("runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("outside"), "{all}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fmt_of_a_path_that_does_not_exist_is_a_diagnostic_not_silence() {
    let out = banfa()
        .args(["fmt", "--check", "no/such/rules.banfa"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no/such/rules.banfa"), "{stderr}");
}
