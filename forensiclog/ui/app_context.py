"""The one object every window is built with: who is signed in, the services, the task runner
and the settings (git-cola's context object, instead of globals)."""

from __future__ import annotations

from dataclasses import dataclass

from forensiclog.domain.roles import Action
from forensiclog.services.build import Services
from forensiclog.ui.app_settings import AppSettings
from forensiclog.ui.tasks import TaskRunner
from forensiclog.ui.translators import LanguageSwitch


@dataclass
class AppContext:
    services: Services
    runner: TaskRunner
    settings: AppSettings
    languages: LanguageSwitch

    def may(self, action: Action) -> bool:
        """Whether the signed-in user may do ``action`` here (role and read-only workspace)."""
        return self.services.ctx.may(action)

    @property
    def user_name(self) -> str:
        return self.services.ctx.user_name

    @property
    def role(self) -> str:
        actor = self.services.ctx.actor
        return actor.role.value if actor else ""

    @property
    def read_only(self) -> bool:
        return self.services.workspace.read_only
