//! Files the kiosk writes that are nobody else's business: the settings (with the staff PIN's
//! hash), the visit statistics and the handouts. On Unix each is created readable by the
//! kiosk's user only (0600), in a folder only that user can open (0700). No egui here.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Makes `folder` and any missing parents; the folder itself is made (or made again) private.
pub fn create_private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
        builder.mode(0o700);
        builder.create(folder)?;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    builder.create(folder)
}

/// Options that create a file readable and writable by its owner only.
pub fn private_options() -> OpenOptions {
    #[allow(unused_mut, reason = "the mode is set on Unix only")]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options
}

/// Makes an open file private, whatever it was before (a file made by hand or by an older
/// version may be 0644).
pub fn make_private(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn folders_and_files_are_the_owners_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("a/b");
        std::fs::create_dir_all(&folder).expect("made open");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        create_private_folder(&folder).expect("made private");
        assert_eq!(mode(&folder), 0o700);
        let path = folder.join("x");
        let file = private_options()
            .write(true)
            .create_new(true)
            .open(&path)
            .expect("create");
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        make_private(&file).expect("private again");
        assert_eq!(mode(&path), 0o600);
    }
}
