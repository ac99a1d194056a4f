//! Signed content bundles (issue 20), made with the `bundle` command and checked with the
//! standard `minisign` tool, as a hospital's IT staff would: a key made by `minisign -G`, the
//! bundle verified by `minisign -V`, a tampered one refused by both.
//!
//! `minisign` must be installed on CI (`scripts/test.sh` installs it); elsewhere a test
//! without it prints a note and passes.

use crate::common;

use std::path::Path;
use std::process::Command;

use patient_kiosk::bundle::{BundleInbox, signature_path, unpack, verify};
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
    make_bundle(&bundled_content(), &secret, &out, 42);
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

/// Makes a bundle of `content` at `version` with the `bundle` command, signed by `secret`,
/// as `out`.
fn make_bundle(content: &Path, secret: &Path, out: &Path, version: u64) {
    let version = version.to_string();
    let output = common::run_bin(&[
        "bundle",
        "--content",
        content.to_str().expect("path"),
        "--key",
        secret.to_str().expect("path"),
        "--out",
        out.to_str().expect("path"),
        "--version",
        &version,
    ]);
    assert!(output.status.success(), "{output:?}");
}

fn bundled_content() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// An inbox in `dir` taking bundles signed by the key whose public half is at `public`.
fn inbox(dir: &Path, public: &Path) -> BundleInbox {
    let key = std::fs::read_to_string(public).expect("the public key");
    BundleInbox {
        inbox: dir.join("inbox"),
        store: dir.join("store"),
        public_key: key.lines().nth(1).expect("its key line").to_owned(),
    }
}

/// The kiosk takes a newer signed bundle whose content passes every check, and refuses,
/// with the reason, one tampered with, one cut short, an older one and one whose content has
/// a problem, keeping the last good content each time.
#[test]
fn the_inbox_takes_a_newer_bundle_and_refuses_bad_ones_keeping_the_last_good() {
    if !minisign() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (secret, public) = keys(dir.path());
    let inbox = inbox(dir.path(), &public);
    std::fs::create_dir_all(&inbox.inbox).expect("inbox");
    let arrived = |name: &str| inbox.inbox.join(name);
    make_bundle(&bundled_content(), &secret, &arrived("v10.tar.zst"), 10);
    let (deck, current) = inbox
        .take(&arrived("v10.tar.zst"))
        .expect("accepted")
        .expect("a new version");
    assert_eq!(current.version, 10);
    assert_eq!(deck.page_count(), common::bundled_deck().page_count());
    assert_eq!(inbox.current().map(|bundle| bundle.version), Some(10));
    assert!(
        inbox.take(&arrived("v10.tar.zst")).expect("fine").is_none(),
        "the version showing is not taken twice"
    );

    let refused = |name: &str, expected: &str| {
        let reason = inbox.take(&arrived(name)).expect_err("refused");
        assert!(reason.contains(expected), "{name}: {reason}");
        assert_eq!(inbox.current().map(|bundle| bundle.version), Some(10));
    };
    make_bundle(&bundled_content(), &secret, &arrived("v5.tar.zst"), 5);
    refused("v5.tar.zst", "older than the content showing (version 10)");
    // Cut short, as a download stopped halfway would leave it.
    make_bundle(&bundled_content(), &secret, &arrived("half.tar.zst"), 11);
    let whole = std::fs::read(arrived("half.tar.zst")).expect("bundle");
    std::fs::write(arrived("half.tar.zst"), &whole[..whole.len() / 2]).expect("cut");
    refused("half.tar.zst", "signature");
    // Signed by another key.
    let other = tempfile::tempdir().expect("temp dir");
    let (other_secret, _) = keys(other.path());
    make_bundle(
        &bundled_content(),
        &other_secret,
        &arrived("other.tar.zst"),
        12,
    );
    refused("other.tar.zst", "signature");
    // Signed, but its content has a problem: packed without the command's check.
    let fixture = common::Fixture::new();
    fixture.edit("content/en/clinic.ron", "name:", "nome:");
    let bytes =
        patient_kiosk::bundle::pack(&fixture.paths(), 13, "2026-12-07T00:00:00Z").expect("packed");
    let secret_text = std::fs::read_to_string(&secret).expect("key");
    let signature =
        patient_kiosk::bundle::sign(&bytes, &secret_text, "", "broken").expect("signed");
    std::fs::write(arrived("broken.tar.zst"), &bytes).expect("write");
    std::fs::write(signature_path(&arrived("broken.tar.zst")), signature).expect("write");
    refused("broken.tar.zst", "1 problem(s), the first: ");
    // Without its signature.
    make_bundle(
        &bundled_content(),
        &secret,
        &arrived("unsigned.tar.zst"),
        14,
    );
    std::fs::remove_file(signature_path(&arrived("unsigned.tar.zst"))).expect("remove");
    refused("unsigned.tar.zst", "its signature cannot be read");
    // A newer good one is taken.
    make_bundle(&bundled_content(), &secret, &arrived("v15.tar.zst"), 15);
    inbox
        .take(&arrived("v15.tar.zst"))
        .expect("accepted")
        .expect("new");
    assert_eq!(inbox.current().map(|bundle| bundle.version), Some(15));
    assert!(
        inbox
            .paths(&inbox.current().expect("current"))
            .content_dir
            .is_dir()
    );
}

/// A bundle that arrives while a patient is reading waits for the next patient (the staff
/// menu says an update waits), and then shows; the staff menu names its version and date.
#[test]
fn a_bundle_that_arrives_during_a_visit_shows_for_the_next_patient() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use patient_kiosk::app::{Command, StaffCommand};
    use patient_kiosk::{KioskApp, Theme};
    if !minisign() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (secret, public) = keys(dir.path());
    let inbox = inbox(dir.path(), &public);
    std::fs::create_dir_all(&inbox.inbox).expect("inbox");
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_content_paths(ContentPaths::beside(bundled_content()));
    app.set_bundle_inbox(inbox.clone(), None);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().watch_content(&ctx);
    // A patient is reading.
    harness.state_mut().apply(Command::ChooseLanguage(0));
    harness.run();
    make_bundle(
        &bundled_content(),
        &secret,
        &inbox.inbox.join("c.tar.zst"),
        77,
    );
    for _ in 0..300 {
        if harness.state().pending_deck().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(
        harness.state().pending_deck().is_some(),
        "accepted, waiting"
    );
    assert!(harness.state().content_bundle().is_none(), "not shown yet");
    harness.state_mut().apply(Command::StartOver);
    harness.run();
    let showing = harness.state().content_bundle().expect("the bundle shows");
    assert_eq!(showing.version, 77);
    let date = showing.date.clone();
    let date = format!("{} {} UTC", &date[..10], &date[11..16]);
    harness
        .state_mut()
        .apply(Command::Staff(StaffCommand::OpenPinPad));
    harness.run();
    let line = format!("Content version 77, made {date}.");
    let found: Vec<String> = harness
        .query_all_by_label_contains("Content version")
        .filter_map(|node| node.accesskit_node().label().map(|label| label.to_string()))
        .collect();
    assert!(
        harness.query_by_label(&line).is_some(),
        "the staff menu says {line}, not {found:?}"
    );
}
