//! Signed content bundles (issue 20), made with the `bundle` command and checked with the
//! standard `minisign` tool, as a hospital's IT staff would: a key made by `minisign -G`, the
//! bundle verified by `minisign -V`, a tampered one refused by both.
//!
//! `minisign` must be installed on CI (`scripts/test.sh` installs it); elsewhere a test
//! without it prints a note and passes.

use crate::common;

use std::path::Path;
use std::process::Command;

use patient_kiosk::bundle::{signature_path, unpack, verify};
use patient_kiosk::content::{ContentPaths, load_deck};

/// Whether `minisign` can be run (on CI it must be).
fn minisign() -> bool {
    if Command::new("minisign").arg("-v").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "minisign is missing: install it (scripts/test.sh does)"
    );
    eprintln!("note: minisign is not installed; skipping this check");
    false
}

/// A key pair made by `minisign -G` without a password, in `dir`: (secret, public).
fn keys(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (secret, public) = (dir.join("kiosk.key"), dir.join("kiosk.pub"));
    let status = Command::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(&public)
        .arg("-s")
        .arg(&secret)
        .output()
        .expect("minisign -G runs");
    assert!(status.status.success(), "{status:?}");
    (secret, public)
}

fn minisign_verifies(bundle: &Path, public: &Path) -> bool {
    Command::new("minisign")
        .arg("-Vm")
        .arg(bundle)
        .arg("-p")
        .arg(public)
        .output()
        .expect("minisign -V runs")
        .status
        .success()
}

#[test]
fn a_bundle_of_the_bundled_content_is_verified_by_minisign_and_unpacks_to_the_same_deck() {
    if !minisign() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (secret, public) = keys(dir.path());
    let out = dir.path().join("out/content.tar.zst");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let output = common::run_bin(&[
        "bundle",
        "--content",
        content.to_str().expect("path"),
        "--key",
        secret.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
        "--version",
        "42",
    ]);
    assert!(output.status.success(), "{output:?}");
    assert!(common::stdout(&output).contains("version 42"));
    assert!(minisign_verifies(&out, &public), "minisign -V accepts it");

    // The kiosk's own check agrees, and the bundle unpacks to the deck it was made of.
    let bytes = std::fs::read(&out).expect("the bundle");
    let signature = std::fs::read_to_string(signature_path(&out)).expect("its signature");
    let public_text = std::fs::read_to_string(&public).expect("the public key");
    verify(&bytes, &signature, &public_text).expect("verified");
    let public_line = public_text.lines().nth(1).expect("the key's line");
    verify(&bytes, &signature, public_line).expect("verified by the key's line alone");
    let unpacked = tempfile::tempdir().expect("temp dir");
    let manifest = unpack(&bytes, unpacked.path()).expect("unpacked");
    assert_eq!(manifest.version, 42);
    let deck = load_deck(&ContentPaths::beside(unpacked.path().join("content")))
        .unwrap_or_else(|errors| panic!("the unpacked content: {errors:?}"));
    assert_eq!(deck.page_count(), common::bundled_deck().page_count());

    // One byte changed: minisign and the kiosk both refuse it.
    let mut tampered = bytes.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x40;
    let tampered_path = dir.path().join("out/tampered.tar.zst");
    std::fs::write(&tampered_path, &tampered).expect("write");
    std::fs::copy(signature_path(&out), signature_path(&tampered_path)).expect("copy");
    assert!(!minisign_verifies(&tampered_path, &public));
    let error = verify(&tampered, &signature, &public_text).expect_err("refused");
    assert!(error.to_string().contains("signature"), "{error}");
}

#[test]
fn content_with_a_problem_is_not_bundled() {
    if !minisign() {
        return;
    }
    let fixture = common::Fixture::new();
    fixture.edit("content/en/clinic.ron", "name:", "nome:");
    let dir = tempfile::tempdir().expect("temp dir");
    let (secret, _) = keys(dir.path());
    let out = dir.path().join("content.tar.zst");
    let output = common::run_bin(&[
        "bundle",
        "--content",
        fixture.path("content").to_str().expect("path"),
        "--key",
        secret.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{output:?}: as `check` exits"
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("clinic.ron"), "{said}");
    assert!(
        !out.exists() && !signature_path(&out).exists(),
        "nothing written"
    );
}
