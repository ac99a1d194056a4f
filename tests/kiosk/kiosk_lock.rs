//! A locked kiosk refuses to close (the window manager's close button, Alt+F4) and to quit
//! (Ctrl-Q); an ordinary window closes when asked.

use crate::common;

use egui::{Key, Modifiers, ViewportCommand};
use egui_kittest::Harness;
use patient_kiosk::{KioskApp, Theme};

fn kiosk(locked: bool) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(locked);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Asks the window to close, as the window manager does, and returns whether the app refused.
fn refuses_to_close(harness: &mut Harness<'_, KioskApp>) -> bool {
    common::request_close(harness);
    common::viewport_commands(harness).contains(&ViewportCommand::CancelClose)
}

#[test]
fn a_locked_kiosk_refuses_to_close_and_a_window_does_not() {
    assert!(
        refuses_to_close(&mut kiosk(true)),
        "locked: close is cancelled"
    );
    assert!(
        !refuses_to_close(&mut kiosk(false)),
        "window mode: close is honoured"
    );
}

#[test]
fn ctrl_q_quits_nothing() {
    let mut harness = kiosk(true);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    let commands = common::viewport_commands(&harness);
    assert!(
        !commands.contains(&ViewportCommand::Close),
        "Ctrl-Q sent {commands:?}"
    );
    assert!(
        harness
            .ctx
            .options(|options| options.quit_shortcuts.is_empty()),
        "no quit shortcut is left for eframe to act on"
    );
}

/// Sets what the window manager did to the window, as egui hears it, and runs a frame.
fn window_is(harness: &mut Harness<'_, KioskApp>, focused: bool, fullscreen: bool) {
    let info = harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default();
    info.focused = Some(focused);
    info.fullscreen = Some(fullscreen);
    harness.step();
}

#[test]
fn a_locked_window_that_loses_focus_or_full_screen_asks_for_both_back() {
    let bring_back = [
        ViewportCommand::Minimized(false),
        ViewportCommand::Fullscreen(true),
        ViewportCommand::Focus,
    ];
    let mut harness = kiosk(true);
    window_is(&mut harness, false, true);
    let commands = common::viewport_commands(&harness);
    assert!(
        bring_back.iter().all(|command| commands.contains(command)),
        "{commands:?}"
    );
    let mut harness = kiosk(true);
    window_is(&mut harness, true, false);
    assert!(common::viewport_commands(&harness).contains(&ViewportCommand::Fullscreen(true)));

    let mut window = kiosk(false);
    window_is(&mut window, false, false);
    let commands = common::viewport_commands(&window);
    assert!(
        !commands.contains(&ViewportCommand::Focus),
        "a window is left alone: {commands:?}"
    );
}

/// The real thing: the kiosk's binary, locked, under a window manager (openbox) that
/// minimises it (as its Alt+Space menu's "Iconify" does). Before, the screen stayed black
/// for good; now the kiosk is back within about a second, and a SIGTERM that comes as it is
/// minimised still ends it cleanly.
#[test]
fn a_locked_kiosk_minimised_by_a_window_manager_comes_back_and_still_stops_on_sigterm() {
    use crate::x_display::{Display, run_tool, spawn_locked_kiosk, start_tool, wait_for_exit};
    use std::io::{BufRead as _, BufReader};
    use std::process::Command;
    use std::time::{Duration, Instant};

    let Some(display) = Display::start() else {
        return;
    };
    let Some(mut openbox) = start_tool("openbox", &[], &display) else {
        return;
    };
    let data = tempfile::tempdir().expect("temp dir");
    let mut kiosk = spawn_locked_kiosk(&display, data.path());
    // The log, line by line, from a thread of its own: waits for a line have a deadline.
    let (lines, log_lines) = std::sync::mpsc::channel();
    let stderr = BufReader::new(kiosk.stderr.take().expect("piped"));
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut log = String::new();
    let mut wait_for_line = |needle: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !log.lines().any(|line| line.contains(needle)) {
            let left = deadline.saturating_duration_since(Instant::now());
            match log_lines.recv_timeout(left) {
                Ok(line) => {
                    log.push_str(&line);
                    log.push('\n');
                }
                Err(_) => panic!("no \"{needle}\" within 20 s:\n{log}"),
            }
        }
        let found = log.clone();
        log.clear();
        found
    };
    wait_for_line("window ready");
    let pid = kiosk.id().to_string();
    let deadline = Instant::now() + Duration::from_secs(20);
    let window = loop {
        let found = run_tool("xdotool", &["search", "--pid", &pid], &display);
        if let Some(window) = found.as_deref().and_then(|ids| ids.lines().last()) {
            break window.trim().to_owned();
        }
        assert!(Instant::now() < deadline, "the kiosk's window never showed");
        std::thread::sleep(Duration::from_millis(100));
    };
    let state = || run_tool("xprop", &["-id", &window, "WM_STATE"], &display).unwrap_or_default();
    // Settled first: no frame is due but the kiosk's once-a-second look at its window.
    std::thread::sleep(Duration::from_millis(1500));
    let minimised_at = Instant::now();
    run_tool("xdotool", &["windowminimize", &window], &display).expect("minimised");
    let seen = wait_for_line("minimized: true");
    assert!(seen.contains("bringing it back"), "{seen}");
    wait_for_line("up and full screen again");
    eprintln!(
        "back up {} ms after the minimise",
        minimised_at.elapsed().as_millis()
    );
    assert!(state().contains("window state: Normal"), "{}", state());

    // Minimised again and told to stop at once: it ends with 0 (a hidden window's stop is
    // seen without a frame drawn).
    run_tool("xdotool", &["windowminimize", &window], &display).expect("minimised");
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs")
            .success()
    );
    let stopped = wait_for_line("stopping on SIGTERM");
    let status = wait_for_exit(&mut kiosk, &format!("SIGTERM after:\n{stopped}"));
    let _ = openbox.kill();
    let _ = openbox.wait();
    assert_eq!(status.code(), Some(0), "{stopped}");
}
