//! Signing a bundle and checking its signature, in minisign's format.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use minisign::{PublicKeyBox, SecretKeyBox, SignatureBox};

use super::BundleError;

/// Where a bundle's signature is kept: beside it, with `.minisig` added (as `minisign -V`
/// looks for it).
pub fn signature_path(bundle: &Path) -> PathBuf {
    let mut name = bundle.as_os_str().to_owned();
    name.push(".minisig");
    PathBuf::from(name)
}

/// The signature of `bundle` by the minisign secret key `secret_key` (the key file's text),
/// decrypted with `password` (empty for a key made without one, `minisign -G -W`), with
/// `trusted` as its trusted comment. Never asks for a password.
pub fn sign(
    bundle: &[u8],
    secret_key: &str,
    password: &str,
    trusted: &str,
) -> Result<String, BundleError> {
    let key = SecretKeyBox::from_string(&with_checksum(secret_key))
        .and_then(|key| key.into_secret_key(Some(password.to_owned())))
        .map_err(|error| BundleError::Key(error.to_string()))?;
    sign_with(bundle, &key, trusted)
}

/// `secret_key` as the minisign crate reads it. minisign 0.11 writes a key made without a
/// password (`minisign -G -W`) with its checksum left empty, which the crate takes for a
/// wrong password; such a key gets its checksum (BLAKE2b-256 of the algorithm, key number and
/// key, as minisign computes it). Any other key is returned as it is.
fn with_checksum(secret_key: &str) -> String {
    use base64ct::{Base64, Encoding as _};
    use blake2::digest::{Update as _, VariableOutput as _};
    // sig_alg 2, kdf_alg 2, chk_alg 2, salt 32, opslimit 8, memlimit 8, keynum 8, key 64,
    // checksum 32.
    const KEYNUM: usize = 54;
    const CHECKSUM: usize = 126;
    const LENGTH: usize = 158;
    let mut lines = secret_key.lines();
    let (Some(comment), Some(encoded)) = (lines.next(), lines.next()) else {
        return secret_key.to_owned();
    };
    let Ok(mut bytes) = Base64::decode_vec(encoded.trim()) else {
        return secret_key.to_owned();
    };
    let unencrypted = bytes.len() == LENGTH && bytes[2..4] == [0, 0];
    if !unencrypted || bytes[CHECKSUM..].iter().any(|&byte| byte != 0) {
        return secret_key.to_owned();
    }
    let Ok(mut hasher) = blake2::Blake2bVar::new(LENGTH - CHECKSUM) else {
        return secret_key.to_owned();
    };
    hasher.update(&bytes[..2]);
    hasher.update(&bytes[KEYNUM..CHECKSUM]);
    if hasher.finalize_variable(&mut bytes[CHECKSUM..]).is_err() {
        return secret_key.to_owned();
    }
    format!("{comment}\n{}\n", Base64::encode_string(&bytes))
}

/// The signature of `bundle` by `key`, with `trusted` as its trusted comment.
pub(super) fn sign_with(
    bundle: &[u8],
    key: &minisign::SecretKey,
    trusted: &str,
) -> Result<String, BundleError> {
    let signature = minisign::sign(
        None,
        key,
        Cursor::new(bundle),
        Some(trusted),
        Some("patient-kiosk content bundle"),
    )
    .map_err(|error| BundleError::Key(error.to_string()))?;
    Ok(signature.into_string())
}

/// A minisign public key: a key file's text, or its base64 line alone (as the settings hold
/// it).
pub fn parse_public_key(text: &str) -> Result<minisign::PublicKey, BundleError> {
    if text.trim().lines().count() == 1 {
        minisign::PublicKey::from_base64(text.trim())
    } else {
        PublicKeyBox::from_string(text).and_then(PublicKeyBox::into_public_key)
    }
    .map_err(|error| BundleError::Key(error.to_string()))
}

/// Checks that `signature` (a `.minisig` file's text) is `public_key`'s (a minisign public key
/// file's text, or its base64 line alone) over `bundle`.
pub fn verify(bundle: &[u8], signature: &str, public_key: &str) -> Result<(), BundleError> {
    let key = parse_public_key(public_key)?;
    let signature = SignatureBox::from_string(signature)
        .map_err(|error| BundleError::Signature(error.to_string()))?;
    minisign::verify(&key, &signature, Cursor::new(bundle), true, false, false)
        .map_err(|error| BundleError::Signature(error.to_string()))
}
