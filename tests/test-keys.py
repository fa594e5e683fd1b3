#!/usr/bin/python3
# test-keys.py — a report filled in with the keyboard alone, keys typed on
# the X display as a user types them
#
#   test-keys.py NIANBAO-WINDOW LOCALEDIR REPORT
#
# Opens a copy of REPORT (a 2021-edition report) in the window in Chinese
# and, with keys the accessibility registry types on the display (XTest),
# so that they go through GTK's whole key handling and its input method:
#   - Shift+F6 to the sections, Home to the first, → into it: the
#     focus lands in the organ's field;
#   - the organ gets 中 typed through the input method (GTK's own,
#     Ctrl+Shift+U 4e2d and Space: a preedit, then a commit);
#   - Ctrl+Page Down to section 一, Ctrl+End, 中 again, then Tab: the
#     focus leaves the text and no tab character is in it;
#   - Ctrl+Page Down to section 三: the focus is in a cell; 9 starts the
#     editor, BackSpace empties it, a full-width ７ comes through the
#     input method, Return takes it;
#   - Ctrl+S saves.
# Then it reads the saved file: the organ and section 一 end with 中 (no
# preedit left in them), section 一 holds no tab, the cell holds 7.
#
# Prints TAP.  Needs an X display (xvfb-run); runs in a session bus of its
# own with the accessibility bus on it, as test-a11y.py does.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from atspi_window import Listener, Run, read_tree, start_session, walk  # noqa: E402

KEY_TAB, KEY_RETURN, KEY_HOME, KEY_END = 0xff09, 0xff0d, 0xff50, 0xff57
KEY_PAGE_DOWN, KEY_F6, KEY_BACKSPACE, KEY_SPACE = 0xff56, 0xffc3, 0xff08, 0x20
KEY_RIGHT = 0xff53
SHIFT, CONTROL = 1 << 0, 1 << 2      # X modifier masks

def with_modifiers(listen, mask, keyval, follow=False):
    """Presses @keyval with the modifiers of @mask held."""
    Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        if follow:
            listen.press_and_follow(keyval)
        else:
            listen.press(keyval)
    finally:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    listen.pump(0.2)


def type_through_input_method(listen, codepoint):
    """Types one character as GTK's own input method takes it: Ctrl+Shift+U
    opens a preedit, the hex digits fill it, Space commits the character
    (Ctrl and Shift held throughout: while they are locked no key is
    released, which the input method would take as the end)."""
    Atspi.generate_keyboard_event(CONTROL | SHIFT, None, Atspi.KeySynthType.LOCKMODIFIERS)
    try:
        for key in 'u' + f'{codepoint:x}':
            listen.press(ord(key), 0.1)
        listen.press(KEY_SPACE)
    finally:
        Atspi.generate_keyboard_event(CONTROL | SHIFT, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    listen.pump(0.2)


def focused(listen):
    node = listen.focused
    return node.where() if node is not None else None


def wait_for_focus(run, listen, timeout=15):
    """Waits until the window has the keyboard's focus (a node of it is
    focused): keys typed before would go nowhere."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(n.focused for n in walk(read_tree(run.frame))):
            return True
        listen.pump(0.2)
    return False


def fill_in(run, problems):
    listen = Listener(run.process.pid)
    try:
        if not wait_for_focus(run, listen):
            problems.append('the window never took the keyboard focus')
            return
        # to the sections, the first of them, and into it
        for _ in range(4):
            if listen.focused is not None and listen.focused.role == Atspi.Role.LIST_ITEM:
                break
            with_modifiers(listen, SHIFT, KEY_F6, follow=True)
        listen.press(KEY_HOME, 0.5)
        # libadwaita 1.2's entry rows say nothing when their text takes the
        # focus: the saved organ shows where the keys went.
        listen.press(KEY_RIGHT, 0.5)
        listen.press(KEY_END)
        type_through_input_method(listen, 0x4e2d)

        with_modifiers(listen, CONTROL, KEY_PAGE_DOWN, follow=True)
        text = listen.focused
        if text is None or text.role not in (Atspi.Role.TEXT, Atspi.Role.ENTRY):
            problems.append(f'Ctrl+Page Down does not go into section 一\'s text: {focused(listen)}')
            return
        with_modifiers(listen, CONTROL, KEY_END)
        type_through_input_method(listen, 0x4e2d)
        listen.press_and_follow(KEY_TAB)
        if listen.focused is not None and listen.focused.obj == text.obj:
            problems.append('Tab does not leave the text of section 一')

        with_modifiers(listen, CONTROL, KEY_PAGE_DOWN, follow=True)
        with_modifiers(listen, CONTROL, KEY_PAGE_DOWN, follow=True)
        cell = listen.focused
        if cell is None or cell.role != Atspi.Role.TABLE_CELL:
            problems.append(f'Ctrl+Page Down to section 三 does not reach a cell: {focused(listen)}')
            return
        listen.press_and_follow(ord('9'))
        listen.press(KEY_BACKSPACE)
        type_through_input_method(listen, 0xff17)      # ７, FULLWIDTH DIGIT SEVEN
        listen.press_and_follow(KEY_RETURN)
        listen.pump(0.5)

        with_modifiers(listen, CONTROL, ord('s'))
    finally:
        listen.close()


def wait_for_save(path, before, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.stat(path).st_mtime_ns != before:
            time.sleep(0.3)
            return True
        time.sleep(0.1)
    return False


def check_saved(path, original, problems):
    with open(path, encoding='utf-8') as f:
        saved = json.load(f)
    if saved['organ'] != original['organ'] + '中':
        problems.append(f'the organ is {saved["organ"]!r}, not the original with 中 after it')
    overview = saved['texts']['overview']
    if not overview.endswith('中'):
        problems.append(f'section 一 ends with {overview[-12:]!r}, not with the 中 typed')
    if '\t' in overview:
        problems.append('section 一 holds a tab character')
    # the cell typed into, and the row's 总计, which follows it
    changed = [(row, column, value)
               for row, cells in saved['tables']['s3_requests'].items()
               for column, value in cells.items()
               if original['tables']['s3_requests'].get(row, {}).get(column) != value
               and column != 'total']
    if changed != [('new', 'natural', 7)]:
        problems.append(f'section 三 changed in {changed}, not 一、本年新收 · 自然人 to 7')


def main():
    if len(sys.argv) != 4:
        print('usage: test-keys.py NIANBAO-WINDOW LOCALEDIR REPORT', file=sys.stderr)
        return 2
    window_path, localedir, report = sys.argv[1:]
    if not start_session():
        return 1
    # GTK's own input method, whatever the machine has installed (IBus…)
    os.environ['GTK_IM_MODULE'] = 'gtk-im-context-simple'
    print('1..1')
    problems = []
    with tempfile.TemporaryDirectory(prefix='nb-keys-') as home:
        path = os.path.join(home, 'report.nianbao')
        shutil.copyfile(report, path)
        with open(path, encoding='utf-8') as f:
            original = json.load(f)
        before = os.stat(path).st_mtime_ns
        run = Run(window_path, localedir, path, 'zh_CN', home)
        try:
            run.find_window()
            fill_in(run, problems)
            if not problems and not wait_for_save(path, before):
                problems.append('Ctrl+S did not save the report')
            if not problems:
                check_saved(path, original, problems)
            if run.process.poll() is not None:
                problems.append(f'the window exited with status {run.process.returncode}')
        except (RuntimeError, gi.repository.GLib.Error) as e:
            problems.append(str(e))
        finally:
            run.close()
    if problems:
        print('not ok 1 - a report filled in with the keyboard alone')
        for p in problems:
            print(f'# {p}')
        return 1
    print('ok 1 - a report filled in with the keyboard alone')
    return 0


if __name__ == '__main__':
    sys.exit(main())
