"""Building the services for one signed-in user: the GUI, the command line and the tests all
go through here, so they share every rule."""

from __future__ import annotations

from functools import cached_property

from forensiclog.services.audit import AuditService
from forensiclog.services.backup import BackupService
from forensiclog.services.case_list import CaseListService
from forensiclog.services.cases import CaseService
from forensiclog.services.context import Actor, ServiceContext
from forensiclog.services.decisions import DecisionService
from forensiclog.services.examination import ExaminationService
from forensiclog.services.exchanges import ExchangeService
from forensiclog.services.integrity import IntegrityService
from forensiclog.services.manifest import ManifestService
from forensiclog.services.users import UserService, authenticate
from forensiclog.services.workflow import WorkflowService
from forensiclog.services.workspace import OpenWorkspace


class Services:
    """Every service of one workspace, for one actor; each is made on first use."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def workspace(self) -> OpenWorkspace:
        return self.ctx.workspace

    @cached_property
    def users(self) -> UserService:
        return UserService(self.ctx)

    @cached_property
    def exchanges(self) -> ExchangeService:
        return ExchangeService(self.ctx)

    @cached_property
    def manifest(self) -> ManifestService:
        return ManifestService(self.ctx)

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self.ctx)

    @cached_property
    def case_list(self) -> CaseListService:
        return CaseListService(self.ctx)

    @cached_property
    def workflow(self) -> WorkflowService:
        return WorkflowService(self.ctx)

    @cached_property
    def decisions(self) -> DecisionService:
        return DecisionService(self.ctx)

    @cached_property
    def examination(self) -> ExaminationService:
        return ExaminationService(self.ctx)

    @cached_property
    def audit(self) -> AuditService:
        return AuditService(self.ctx)

    @cached_property
    def integrity(self) -> IntegrityService:
        return IntegrityService(self.ctx)

    @cached_property
    def backup(self) -> BackupService:
        return BackupService(self.ctx)


def build(workspace: OpenWorkspace, actor: Actor | None) -> Services:
    return Services(ServiceContext(workspace, actor))


def sign_in(workspace: OpenWorkspace, user: str, password: str) -> Services:
    return build(workspace, authenticate(workspace, user, password))
