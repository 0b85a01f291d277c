"""The Contacts page's keyboard actions (find, new, delete, mark strong/weak/suggested)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from wombat_desktop.core.model import Tie

if TYPE_CHECKING:
    from wombat_desktop.ui.pages.contacts_page import ContactsPage

ContactActions = tuple[QAction, QAction, QAction, QAction, QAction, QAction]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactsPage", text)


def build_contact_actions(page: ContactsPage) -> ContactActions:
    """(find, new, delete, strong, weak, auto): added to the page; the last four to its table."""

    def action(
        text: str,
        keys: QKeySequence | str,
        slot: Callable[[], None],
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        act = QAction(text, page)
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(context)
        act.triggered.connect(slot)
        page.addAction(act)
        return act

    find = action(_tr("&Find"), QKeySequence.StandardKey.Find, page.focus_search)
    new = action(_tr("&New contact"), QKeySequence.StandardKey.New, page.new_contact)
    delete = action(_tr("&Delete"), QKeySequence.StandardKey.Delete, page.delete_selected)
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    page.table.addAction(delete)
    table = Qt.ShortcutContext.WidgetShortcut
    strong = action(_tr("Mark &strong"), "S", lambda: page.classify(Tie.STRONG), table)
    weak = action(_tr("Mark &weak"), "W", lambda: page.classify(Tie.WEAK), table)
    auto = action(_tr("Use s&uggestion"), "A", lambda: page.classify(None), table)
    for act in (strong, weak, auto):
        page.table.addAction(act)
    return find, new, delete, strong, weak, auto
