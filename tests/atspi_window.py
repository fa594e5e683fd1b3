# atspi_window.py — Nianbao's window driven and read through AT-SPI, for
# the tests that do what a user does with the keyboard (test-a11y.py,
# test-keys.py): the window started in a home of its own, its accessible
# tree read, keys typed on the X display by the accessibility registry.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


class Node:
    """What one accessible says, read once."""

    def __init__(self, obj, parent):
        self.obj = obj
        self.parent = parent
        self.role = obj.get_role()
        self.role_name = obj.get_role_name()
        self.name = obj.get_name() or ''
        self.description = obj.get_description() or ''
        states = obj.get_state_set()
        self.focusable = states.contains(Atspi.StateType.FOCUSABLE)
        self.focused = states.contains(Atspi.StateType.FOCUSED)
        self.invalid = states.contains(Atspi.StateType.INVALID)
        self.interfaces = obj.get_interfaces()
        self.children = []

    def text(self):
        """The text a node shows, from its Text interface, or None."""
        if 'Text' not in self.interfaces:
            return None
        return Atspi.Text.get_text(self.obj, 0, Atspi.Text.get_character_count(self.obj))

    def where(self):
        path, node = [], self
        while node is not None:
            path.append(f'{node.role_name} {node.name!r}' if node.name else node.role_name)
            node = node.parent
        return ' < '.join(path[:6])


def read_tree(obj, parent=None):
    node = Node(obj, parent)
    for i in range(obj.get_child_count()):
        child = obj.get_child_at_index(i)
        if child is not None:
            node.children.append(read_tree(child, node))
    return node


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


class Run:
    """One report open in one language."""

    def __init__(self, window_path, localedir, report, language, home):
        env = dict(os.environ)
        # tools/run-tests turns the accessibility bridges off for the rest
        # of the suite; this test is about them.
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env.update(G_DEBUG='fatal-warnings',
                   LANGUAGE=language, LANG='C.UTF-8', LC_ALL='C.UTF-8',
                   NB_LOCALEDIR=localedir, HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_STATE_HOME=os.path.join(home, 'state'),
                   XDG_CACHE_HOME=os.path.join(home, 'cache'))
        self.language = language
        self.process = subprocess.Popen([window_path, report], env=env)
        self.frame = None

    def find_window(self, timeout=30):
        """The window, once its tables are in the tree."""
        desktop = Atspi.get_desktop(0)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'the window exited with status {self.process.returncode}')
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                try:
                    if app is None or app.get_process_id() != self.process.pid:
                        continue
                    for j in range(app.get_child_count()):
                        frame = app.get_child_at_index(j)
                        if frame is not None and frame.get_role() == Atspi.Role.FRAME:
                            tree = read_tree(frame)
                            if any(n.role == Atspi.Role.TABLE_CELL for n in walk(tree)):
                                self.frame = frame
                                return tree
                except gi.repository.GLib.Error:
                    pass
            time.sleep(0.2)
        raise RuntimeError('the window did not appear on the accessibility bus')

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Listener:
    """What the window tells a screen reader while keys are typed."""

    def __init__(self, pid):
        self.pid = pid
        self.focused = None
        self.focus_changes = 0
        self.renamed = []
        self._listener = Atspi.EventListener.new(self._event)
        self._listener.register('object:state-changed:focused')
        self._listener.register('object:property-change:accessible-name')

    def _event(self, event):
        try:
            if event.source.get_process_id() != self.pid:
                return
            if event.type.startswith('object:state-changed:focused'):
                if event.detail1:
                    self.focused = Node(event.source, None)
                    self.focus_changes += 1
            else:
                self.renamed.append(event.any_data)
        except gi.repository.GLib.Error as e:
            print(f'# cannot read an event: {e.message}')

    def pump(self, seconds):
        context = gi.repository.GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.iteration(False):
                pass
            time.sleep(0.02)

    def press(self, keyval, seconds=0.3):
        Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
        self.pump(seconds)

    def press_and_follow(self, keyval, timeout=10):
        """Presses a key that moves the focus and waits until it has moved
        (a slow window, under sanitizers, must not get the next key first)."""
        changes = self.focus_changes
        Atspi.generate_keyboard_event(keyval, None, Atspi.KeySynthType.SYM)
        deadline = time.monotonic() + timeout
        while self.focus_changes == changes and time.monotonic() < deadline:
            self.pump(0.05)
        self.pump(0.2)

    def press_until(self, keyval, found, limit):
        for _ in range(limit):
            self.press_and_follow(keyval)
            if self.focused is not None and found(self.focused):
                return self.focused
        return None

    def close(self):
        self._listener.deregister('object:state-changed:focused')
        self._listener.deregister('object:property-change:accessible-name')


def accessibility_bus():
    """The accessibility bus's address, its launcher started on the
    session bus as a desktop session starts it: the session bus owns the
    launcher (at-spi-bus-launcher), which starts the bus and, on it, the
    registry (at-spi2-registryd), which types keys on the X display."""
    from gi.repository import Gio
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    session.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                      'StartServiceByName', gi.repository.GLib.Variant('(su)', ('org.a11y.Bus', 0)),
                      None, Gio.DBusCallFlags.NONE, -1, None)
    reply = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress', None,
                              gi.repository.GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


def frames_of(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid:
            return [app.get_child_at_index(j) for j in range(app.get_child_count())]
    return []


def start_session():
    """Runs the test in a session bus of its own with the accessibility
    bus on it; False (said as TAP's Bail out!) when that cannot be."""
    if 'DISPLAY' not in os.environ:
        print('Bail out! needs an X display (xvfb-run)')
        return False
    if os.environ.get('NB_A11Y_SESSION') != str(os.getppid()):
        # A session bus of the test's own, started under the display: its
        # launcher and registry know the display, and the windows, unique
        # applications, do not meet those the rest of the suite opens.
        # The bus and the registry it starts write to their standard
        # output, which is not for TAP: they get the standard error, the
        # test its standard output as descriptor 3.
        os.environ['NB_A11Y_SESSION'] = str(os.getpid())
        os.dup2(1, 3, inheritable=True)
        os.dup2(2, 1)
        os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv)
    sys.stdout = os.fdopen(3, 'w', buffering=1)

    try:
        bus_address = accessibility_bus()
    except gi.repository.GLib.Error as e:
        print(f'Bail out! no accessibility bus: {e.message}')
        return False
    os.environ['AT_SPI_BUS_ADDRESS'] = bus_address
    # The registry answers once the bus is up; a window started before
    # would find no bus and show nothing to read.
    Atspi.get_desktop(0).get_child_count()
    return True
