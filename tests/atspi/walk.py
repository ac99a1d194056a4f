#!/usr/bin/python3
"""Walks the accessibility tree of the application named by argv[1] over AT-SPI, as Orca
would, and prints one line per node: depth, role, name, and its extents on screen (or NONE).
Each later argument is the name of a control to activate first, as a screen reader's user
would (its first action), one second apart; each is waited for (up to 20 seconds), as is the
application. Used by tests/kiosk/atspi.rs; run by the
system's python3 with python3-pyatspi."""
import sys
import time

import pyatspi


def find(node, name):
    if (node.name or "") == name:
        try:
            if node.queryAction().nActions > 0:
                return node
        except NotImplementedError:
            pass
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        found = find(child, name) if child is not None else None
        if found is not None:
            return found
    return None


def walk(node, depth, out):
    try:
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        place = "%d,%d,%d,%d" % (extents.x, extents.y, extents.width, extents.height)
    except Exception:  # no Component interface: Orca cannot place it either
        place = "NONE"
    out.append("%d\t%s\t%s\t%s" % (depth, node.getRoleName(), node.name or "", place))
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, depth + 1, out)


def application(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == name:
            return app
    return None


def waiting_for(what, look):
    """What `look` finds, asked again every half second for up to 20 seconds: on a loaded
    machine the tree may come some seconds after the window."""
    deadline = time.monotonic() + 20.0
    while True:
        found = look()
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def main():
    app = waiting_for("the application", lambda: application(sys.argv[1]))
    if app is None:
        sys.exit("no application %r on the AT-SPI bus" % sys.argv[1])
    for name in sys.argv[2:]:
        control = waiting_for(name, lambda: find(app, name))
        if control is None:
            sys.exit("no control %r to activate" % name)
        control.queryAction().doAction(0)
        time.sleep(1.0)
    out = []
    for child in range(app.childCount):
        walk(app.getChildAtIndex(child), 0, out)
    print("\n".join(out))


main()
