#!/usr/bin/python3
# test-a11y.py — the window as a screen reader reads it, through AT-SPI
#
#   test-a11y.py NIANBAO-WINDOW LOCALEDIR REPORT...
#
# Opens each report in the window (a published report, a PDF, is imported
# and shown beside its source), once in Chinese (LANGUAGE=zh_CN) and
# once in English, reads the window's whole accessible tree over the
# accessibility bus and fails on:
#   - an interactive node (focusable, or one a user operates: a button, an
#     entry, a list row, a table cell…) with no name, a name that is its
#     GTK type ("GtkMenuButton"), a name with a mnemonic underscore or said
#     twice ("_Save Save"), or, in Chinese, an English name;
#   - a list, table or split pane without a name;
#   - a table cell without "row · column" as its name, whose value (the
#     first line of its description) is not what it shows, whose place
#     (the second line, "row 3 of 28, column 2 of 7") is not said, or that
#     is invalid without the finding in its description (a third line);
#   - a table that does not say its size in its description;
#   - a row of the findings list not named by its severity and message.
# Then, by the keyboard as a screen reader user goes (Tab to the
# sections, Down to 三, Return into it), it types 999 over the first cell
# and checks that the focus moved to an editor named as the cell, that
# Return moves it to the next cell, which says its value, that the
# problems button changed its name once, describing the new error, and
# that F8 there shows the problems, their rows named as above.
#
# Last, it opens the main menu, checks the names of its items, opens the
# print preview from it and checks the names in its window as in the
# main one.
#
# Prints TAP.  Needs an X display (xvfb-run); runs itself in a session
# bus of its own (dbus-run-session), on which it starts the accessibility
# bus (at-spi-bus-launcher, at-spi2-registryd) as a desktop does.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import tempfile

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from atspi_window import Listener, Run, frames_of, read_tree, start_session, walk  # noqa: E402

LANGUAGES = [('zh_CN', '中文'), ('C', 'English')]

# Roles a user operates directly, focusable or not at the moment.
INTERACTIVE_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.COMBO_BOX, Atspi.Role.ENTRY,
    Atspi.Role.TEXT, Atspi.Role.PASSWORD_TEXT, Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER, Atspi.Role.LIST_ITEM, Atspi.Role.TABLE_CELL,
    Atspi.Role.PAGE_TAB, Atspi.Role.LINK, Atspi.Role.TREE_ITEM,
}
# Containers a screen reader announces on entering them.
CONTAINER_ROLES = {Atspi.Role.LIST, Atspi.Role.LIST_BOX, Atspi.Role.TABLE,
                   Atspi.Role.SPLIT_PANE, Atspi.Role.TREE, Atspi.Role.TREE_TABLE}

TYPE_NAME = re.compile(r'^(Gtk|Adw|Nb|Gdk)[A-Z]\w*$')
MNEMONIC = re.compile(r'_\w')
CJK = re.compile(r'[\u3400-\u9fff]')
ENGLISH_WORD = re.compile(r'[A-Za-z]*[a-z]{2}')   # not "JSON…", "100%"

# What an empty cell says, as the window translates it.
NOT_FILLED = {'zh_CN': '未填', 'C': 'Not filled in'}
NEW_ERROR = {'zh_CN': '新错误：', 'C': 'New error: '}
# A cell's place and a table's size, as GTK 4.8 cannot pass on their counts
POSITION = {'zh_CN': re.compile(r'^第 \d+ 行（共 \d+ 行），第 \d+ 列（共 \d+ 列）$'),
            'C': re.compile(r'^row \d+ of \d+, column \d+ of \d+$')}
TABLE_SIZE = {'zh_CN': re.compile(r'^行数：\d+，列数：\d+$'), 'C': re.compile(r'^rows: \d+, columns: \d+$')}
PROBLEMS_BUTTON = {'zh_CN': '问题：', 'C': 'Problems: '}
SECTIONS = {'zh_CN': '目录', 'C': 'Sections'}
SECTION_3 = '三、'
MAIN_MENU = {'zh_CN': '主菜单', 'C': 'Main Menu'}
PRINT_PREVIEW = {'zh_CN': ('打印预览(V)', '打印预览'), 'C': ('Print Preview', 'Print Preview')}
# The answer of the question a report with errors asks before it prints
DRAFT = {'zh_CN': '按草稿继续', 'C': 'Continue as Draft'}

KEY_TAB, KEY_DOWN, KEY_RETURN, KEY_F8 = 0xff09, 0xff54, 0xff0d, 0xffc5
SEVERITIES = {'zh_CN': ('错误', '警告', '提示'), 'C': ('Error', 'Warning', 'Information')}
FINDINGS_LIST = {'zh_CN': '发现的问题', 'C': 'Problems found'}


def name_problem(name, language):
    if name.strip() == '':
        return 'no name'
    if TYPE_NAME.match(name):
        return 'named by its GTK type'
    if MNEMONIC.search(name):
        return 'a mnemonic underscore in the name'
    words = name.split(' ')
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return 'the name said twice'
    if language == 'zh_CN' and not CJK.search(name) and ENGLISH_WORD.search(name):
        return 'not translated'
    return None


def check_tree(tree, language):
    """Returns (problems, counts) for one window's tree."""
    problems, counts = [], dict(nodes=0, interactive=0, badly_named=0, tables=0, cells=0, unreadable_cells=0,
                                empty_cells=0, invalid_cells=0, findings_rows=0)
    findings_list = None
    for node in walk(tree):
        counts['nodes'] += 1
        if node.role in INTERACTIVE_ROLES or node.focusable:
            counts['interactive'] += 1
            problem = name_problem(node.name, language)
            if problem is not None and not (node.role == Atspi.Role.TABLE_CELL and node.name):
                counts['badly_named'] += 1
                problems.append(f'{problem}: {node.where()}')
        if node.role in CONTAINER_ROLES and node.name.strip() == '':
            problems.append(f'container without a name: {node.where()}')
        if node.role == Atspi.Role.TABLE and any(c.role == Atspi.Role.TABLE_CELL for c in node.children):
            counts['tables'] += 1
            if not TABLE_SIZE[language].match(node.description):
                problems.append(f'table without its size: {node.where()} {node.description!r}')
        if node.role == Atspi.Role.TABLE_CELL:
            cell_problems = check_cell(node, language, counts)
            counts['unreadable_cells'] += 1 if cell_problems else 0
            problems.extend(cell_problems)
        if node.role == Atspi.Role.LIST and node.name == FINDINGS_LIST[language]:
            findings_list = node
    if findings_list is not None:
        problems.extend(check_findings(findings_list, language, counts))
    return problems, counts


def check_cell(cell, language, counts):
    problems = []
    counts['cells'] += 1
    rows_named = any(n.role == Atspi.Role.ROW_HEADER for n in cell.parent.children)
    if rows_named and ' · ' not in cell.name:
        problems.append(f'cell not named “row · column”: {cell.where()}')
    elif cell.name.strip() == '':
        problems.append(f'cell without a name: {cell.where()}')
    shown = [c.text() for c in walk(cell) if c is not cell and c.role == Atspi.Role.LABEL]
    shown = [t for t in shown if t]
    lines = cell.description.split('\n')
    value = lines[0]
    if len(lines) < 2 or not POSITION[language].match(lines[1]):
        problems.append(f'cell does not say its place: {cell.where()} {cell.description!r}')
    if not shown:
        problems.append(f'cell shows nothing: {cell.where()}')
    elif shown[0] == '–':
        counts['empty_cells'] += 1
        if value != NOT_FILLED[language]:
            problems.append(f'empty cell reads {value!r}: {cell.where()}')
    elif value != shown[0]:
        problems.append(f'cell shows {shown[0]!r} but reads {value!r}: {cell.where()}')
    if cell.invalid:
        counts['invalid_cells'] += 1
        if len(lines) < 3:
            problems.append(f'invalid cell without its finding: {cell.where()}')
    return problems


def check_findings(findings_list, language, counts):
    problems = []
    for row in findings_list.children:
        if row.role != Atspi.Role.LIST_ITEM:
            continue
        counts['findings_rows'] += 1
        labels = [n.text() for n in walk(row) if n.role == Atspi.Role.LABEL]
        message = labels[0] if labels else ''
        if not message or message not in row.name:
            problems.append(f'finding row not named by its message {message!r}: {row.where()}')
        if not row.name.startswith(SEVERITIES[language]):
            problems.append(f'finding row not named by its severity: {row.where()}')
    return problems


def check_typing(run, language, counts):
    """Goes to the first cell of section 三 by the keyboard, as a screen
    reader user does (Tab to the sections, Down to 三, Return to go into
    it), types a number over the cell and moves on with Return."""
    problems = []
    listen = Listener(run.process.pid)
    try:
        listen.pump(0.5)
        row = listen.press_until(KEY_TAB, lambda n: n.role == Atspi.Role.LIST_ITEM, 30)
        row = row and listen.press_until(KEY_DOWN, lambda n: n.name.startswith(SECTION_3), 8)
        cell = row and listen.press_until(KEY_RETURN, lambda n: n.role == Atspi.Role.TABLE_CELL, 1)
        if cell is None:
            return [f'the keyboard does not reach a cell of section 三 (focus: '
                    f'{listen.focused.where() if listen.focused else None})']
        listen.renamed.clear()
        listen.press_and_follow(ord('9'))
        for key in '99':
            listen.press(ord(key))
        editor = listen.focused
        if editor is None or editor.role != Atspi.Role.TEXT or editor.name != cell.name:
            problems.append(f'typing into {cell.name!r} focuses {editor.where() if editor else None}, '
                            'not an editor named as the cell')
        elif 'EditableText' not in editor.interfaces:
            problems.append(f'the editor of {cell.name!r} cannot be edited through AT-SPI')
        listen.press_and_follow(KEY_RETURN)
        listen.pump(1.0)
        below = listen.focused
        if below is None or below.role != Atspi.Role.TABLE_CELL or below.name == cell.name:
            problems.append(f'Return does not move the focus to the next cell: '
                            f'{below.where() if below else None}')
        elif below.description.split('\n')[0] == '':
            problems.append(f'the next cell {below.name!r} does not say its value')
        announced = [n for n in listen.renamed if n.startswith(PROBLEMS_BUTTON[language])]
        counts['announcements'] = len(announced)
        if len(announced) != 1:
            problems.append(f'the problems button was renamed {len(announced)} times '
                            f'for one new error: {announced}')
        button = [n for n in walk(read_tree(run.frame))
                  if n.name.startswith(PROBLEMS_BUTTON[language]) and n.role in INTERACTIVE_ROLES]
        if not button or not button[0].description.startswith(NEW_ERROR[language]):
            problems.append('the problems button does not describe the new error: '
                            f'{button[0].description if button else None!r}')
        problems += check_f8(run, listen, language, counts)
    finally:
        listen.close()
    return problems


def findings_lists(run, language):
    return [n for n in walk(read_tree(run.frame))
            if n.role == Atspi.Role.LIST and n.name == FINDINGS_LIST[language]]


def check_f8(run, listen, language, counts):
    """F8 in a cell (inside the window's panes, which bind F8 themselves)
    shows the problems, hidden until then, whose rows are named; the
    focus stays put.  (GTK 4.8 says no SHOWING state: a hidden panel is
    not in the tree.)"""
    problems = []
    if findings_lists(run, language):
        problems.append('the problems are in the tree before F8 shows them')
    listen.press(KEY_F8, 1.0)
    focused = listen.focused
    if focused is None or focused.role != Atspi.Role.TABLE_CELL:
        problems.append(f'F8 in a cell moves the focus to {focused.where() if focused else None}')
    shown = findings_lists(run, language)
    if not shown:
        return problems + ['F8 in a cell does not show the problems']
    rows = counts['findings_rows']
    problems += check_findings(shown[0], language, counts)
    if counts['findings_rows'] == rows:
        problems.append('the problems shown by F8 have no rows')
    return problems


def check_print_preview(run, language, counts):
    """Opens the main menu and from it the print preview, as a user does,
    and checks the names of the menu's items and in the preview's window."""
    listen = Listener(run.process.pid)
    try:
        tree = read_tree(run.frame)
        menu = [n for n in walk(tree) if n.name == MAIN_MENU[language] and n.focusable]
        if not menu:
            return ['no main menu button']
        Atspi.Action.do_action(menu[0].obj, 0)
        listen.pump(1.0)
        item_name, title = PRINT_PREVIEW[language]
        items = [n for n in walk(read_tree(run.frame)) if n.role == Atspi.Role.MENU_ITEM]
        counts['menu_items'] = len(items)
        problems = [f'{name_problem(n.name, language)}: {n.where()}' for n in items
                    if name_problem(n.name, language) is not None]
        items = [n for n in items if n.name == item_name]
        if not items:
            return problems + [f'no menu item {item_name!r}']
        Atspi.Action.do_action(items[0].obj, 0)
        asked = False
        for _ in range(100):
            listen.pump(0.2)
            frames = frames_of(run.process.pid)
            # With errors, the report asks first; its question is read too.
            for frame in frames if not asked else []:
                if frame.get_name() == run.frame.get_name():
                    continue
                tree = read_tree(frame)
                draft = [n for n in walk(tree) if n.name.startswith(DRAFT[language])
                         and n.role in INTERACTIVE_ROLES]
                if draft:
                    asked = True
                    problems += check_tree(tree, language)[0]
                    Atspi.Action.do_action(draft[0].obj, 0)
            preview = [f for f in frames if f.get_name() == title]
            if preview:
                preview_problems, preview_counts = check_tree(read_tree(preview[0]), language)
                counts['preview_interactive'] = preview_counts['interactive']
                counts['preview_badly_named'] = preview_counts['badly_named']
                return problems + preview_problems
        return problems + ['the print preview did not open']
    finally:
        listen.close()


def check_window(window_path, localedir, report, language):
    """Opens @report in @language; returns (problems, counts)."""
    with tempfile.TemporaryDirectory(prefix='nb-a11y-') as home:
        run = Run(window_path, localedir, report, language, home)
        try:
            tree = run.find_window()
            problems, counts = check_tree(tree, language)
            problems += check_typing(run, language, counts)
            problems += check_print_preview(run, language, counts)
            if run.process.poll() is not None:
                problems.append(f'the window exited with status {run.process.returncode}')
        except (RuntimeError, gi.repository.GLib.Error) as e:
            problems, counts = [str(e)], {}
        finally:
            run.close()
    return problems, counts


def main():
    if len(sys.argv) < 4:
        print('usage: test-a11y.py NIANBAO-WINDOW LOCALEDIR REPORT...', file=sys.stderr)
        return 2
    window_path, localedir, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not start_session():
        return 1
    failed = 0
    print(f'1..{len(reports) * len(LANGUAGES)}')
    number = 0
    for report in reports:
        for language, language_name in LANGUAGES:
            number += 1
            title = f'{os.path.basename(report)} in {language_name}'
            problems, counts = check_window(window_path, localedir, report, language)
            figures = ', '.join(f'{k} {v}' for k, v in counts.items())
            if problems:
                failed += 1
                print(f'not ok {number} - {title}: {len(problems)} problems')
                for p in problems:
                    print(f'# {p}')
            else:
                print(f'ok {number} - {title}')
            print(f'# {figures}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
