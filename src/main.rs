//! Boots the kiosk; everything else lives in the library.

fn main() -> std::process::ExitCode {
    patient_kiosk::cli::main()
}
