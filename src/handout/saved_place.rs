//! Where a handout was saved, in words a clinician knows: the folder as the file manager shows
//! it from their home ("Documents › patient-kiosk-handouts"), not a path from the root of the
//! disk, and the file's own name. No egui here.

use std::path::Path;

/// The folder `path` is in, from `home` if it is inside it ("Documents › patient-kiosk-
/// handouts"), and the file's name.
pub fn saved_place(path: &Path, home: Option<&Path>) -> (String, String) {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let folder = path.parent().unwrap_or(path);
    let inside_home = home.and_then(|home| folder.strip_prefix(home).ok());
    let words = match inside_home {
        Some(relative) if relative.as_os_str().is_empty() => "your home folder".to_owned(),
        Some(relative) => (relative.components())
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" › "),
        None => folder.display().to_string(),
    };
    (words, file)
}

/// [`saved_place`] from the user's own home folder.
pub fn saved_place_from_home(path: &Path) -> (String, String) {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    saved_place(path, home.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handout_in_the_documents_folder_is_named_from_home() {
        let home = Path::new("/home/clinic");
        let (folder, file) = saved_place(
            Path::new("/home/clinic/Documents/patient-kiosk-handouts/handout-2026-12-07-1012.pdf"),
            Some(home),
        );
        assert_eq!(folder, "Documents › patient-kiosk-handouts");
        assert_eq!(file, "handout-2026-12-07-1012.pdf");
        let (folder, _) = saved_place(Path::new("/srv/handouts/h.pdf"), Some(home));
        assert_eq!(folder, "/srv/handouts", "outside home: the whole folder");
    }
}
