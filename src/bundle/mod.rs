//! Signed content bundles, for keeping many kiosks on one content source: a checked content
//! folder and its pictures, packed as a tar archive compressed with zstd, with a manifest
//! (version, date, each file's SHA-256) inside and a minisign signature beside it, so the
//! standard `minisign -V` verifies it too. No egui here.

mod error;
mod inbox;
mod manifest;
mod pack;
mod signature;
mod unpack;

pub use error::BundleError;
pub use inbox::{BundleInbox, CurrentBundle, InboxNews};
pub use manifest::{MANIFEST_FILE, Manifest};
pub use pack::pack;
pub use signature::{parse_public_key, sign, signature_path, verify};
pub use unpack::unpack;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ContentPaths;

    /// A content folder of two files and one picture.
    fn folder() -> (tempfile::TempDir, ContentPaths) {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("en")).expect("content");
        std::fs::create_dir_all(dir.path().join("assets/images")).expect("images");
        std::fs::write(content.join("deck.ron"), "Deck()").expect("deck");
        std::fs::write(content.join("en/clinic.ron"), "Clinic(ñ)").expect("clinic");
        std::fs::write(dir.path().join("assets/images/logo.png"), [137, 80, 78, 71]).expect("logo");
        let paths = ContentPaths::beside(content);
        (dir, paths)
    }

    /// A new key pair: the secret key, and the public key file's text. (The signing key's
    /// file, as `minisign -G` writes it, is tested with minisign itself in the kiosk tests.)
    fn keys() -> (minisign::SecretKey, String) {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keys");
        let public = pair.pk.to_box().expect("public").into_string();
        (pair.sk, public)
    }

    #[test]
    fn a_bundle_unpacks_to_the_same_files_and_its_signature_checks() {
        let (_dir, paths) = folder();
        let bundle = pack(&paths, 7, "2026-12-07T10:00:00Z").expect("packed");
        assert_eq!(&bundle[..4], &[0x28, 0xB5, 0x2F, 0xFD], "a zstd frame");
        let (secret, public) = keys();
        let signature = signature::sign_with(&bundle, &secret, "version 7").expect("signed");
        verify(&bundle, &signature, &public).expect("its own key checks it");
        let (_, other) = keys();
        assert!(matches!(
            verify(&bundle, &signature, &other),
            Err(BundleError::Signature(_))
        ));
        let mut tampered = bundle.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(verify(&tampered, &signature, &public).is_err());

        let out = tempfile::tempdir().expect("out");
        let manifest = unpack(&bundle, out.path()).expect("unpacked");
        assert_eq!(manifest.version, 7);
        assert_eq!(manifest.files.len(), 3);
        let read = |path: &str| std::fs::read(out.path().join(path)).expect(path);
        assert_eq!(read("content/en/clinic.ron"), "Clinic(ñ)".as_bytes());
        assert_eq!(read("assets/images/logo.png"), [137, 80, 78, 71]);
        // Cut short: refused, whatever part is missing.
        assert!(unpack(&bundle[..bundle.len() / 2], out.path()).is_err());
    }

    #[test]
    fn a_file_changed_or_added_after_packing_is_refused() {
        let (_dir, paths) = folder();
        let bundle = pack(&paths, 1, "2026-12-07T10:00:00Z").expect("packed");
        // Rebuild the archive with one file's bytes changed but the manifest kept.
        let mut tar = Vec::new();
        std::io::Read::read_to_end(
            &mut ruzstd::decoding::StreamingDecoder::new(bundle.as_slice()).expect("zstd"),
            &mut tar,
        )
        .expect("tar");
        let mut archive = tar::Archive::new(tar.as_slice());
        let mut rebuilt = tar::Builder::new(Vec::new());
        for entry in archive.entries().expect("entries") {
            let mut entry = entry.expect("entry");
            let name = entry.path().expect("path").to_string_lossy().into_owned();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).expect("bytes");
            if name == "content/deck.ron" {
                bytes = b"Deck(changed)".to_vec();
            }
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_cksum();
            rebuilt
                .append_data(&mut header, &name, bytes.as_slice())
                .expect("append");
        }
        let tar = rebuilt.into_inner().expect("tar");
        let changed = ruzstd::encoding::compress_to_vec(
            tar.as_slice(),
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        let out = tempfile::tempdir().expect("out");
        let error = unpack(&changed, out.path()).expect_err("refused");
        assert!(
            error.to_string().contains("content/deck.ron: its SHA-256"),
            "{error}"
        );
    }

    #[test]
    fn a_link_in_the_archive_is_refused() {
        let mut archive = tar::Builder::new(Vec::new());
        let manifest = Manifest {
            version: 1,
            date: "2026-12-07T00:00:00Z".to_owned(),
            files: std::collections::BTreeMap::from([(
                "content/deck.ron".to_owned(),
                "0".repeat(64),
            )]),
        };
        let text = manifest.to_ron().expect("ron");
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_cksum();
        archive
            .append_data(&mut header, MANIFEST_FILE, text.as_bytes())
            .expect("manifest");
        let mut link = tar::Header::new_gnu();
        link.set_entry_type(tar::EntryType::Symlink);
        link.set_size(0);
        archive
            .append_link(&mut link, "content/deck.ron", "/etc/passwd")
            .expect("link");
        let tar = archive.into_inner().expect("tar");
        let bundle = ruzstd::encoding::compress_to_vec(
            tar.as_slice(),
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        let out = tempfile::tempdir().expect("out");
        let error = unpack(&bundle, out.path()).expect_err("refused");
        assert!(error.to_string().contains("not a plain file"), "{error}");
        assert!(!out.path().join("content/deck.ron").exists());
    }

    #[test]
    fn a_damaged_record_of_the_bundle_showing_stops_every_bundle() {
        let dir = tempfile::tempdir().expect("temp dir");
        let inbox = BundleInbox {
            inbox: dir.path().join("inbox"),
            store: dir.path().join("store"),
            public_key: String::new(),
        };
        std::fs::create_dir_all(&inbox.store).expect("store");
        std::fs::write(inbox.store.join("current.ron"), "").expect("empty");
        std::fs::write(dir.path().join("x.tar.zst"), b"bundle").expect("bundle");
        let reason = inbox
            .take(&dir.path().join("x.tar.zst"))
            .expect_err("refused");
        assert!(
            reason.contains("the bundle showing is not known"),
            "{reason}"
        );
        assert!(inbox.current().is_none());
    }
}
