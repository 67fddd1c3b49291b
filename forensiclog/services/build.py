"""Building the services for one signed-in user: the GUI, the command line and the tests all
go through here, so they share every rule.

Each service module is imported on first use: a command that lists users never loads Pillow,
ReportLab or the case-file code.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from forensiclog.services.context import Actor, ServiceContext
from forensiclog.services.users import UserService, authenticate
from forensiclog.services.workspace import OpenWorkspace

if TYPE_CHECKING:
    from forensiclog.services.audit import AuditService
    from forensiclog.services.backup import BackupService
    from forensiclog.services.case_list import CaseListService
    from forensiclog.services.casefiles import CaseFileService
    from forensiclog.services.cases import CaseService
    from forensiclog.services.decisions import DecisionService
    from forensiclog.services.documents import DocumentService
    from forensiclog.services.effects import EffectService
    from forensiclog.services.examination import ExaminationService
    from forensiclog.services.exchanges import ExchangeService
    from forensiclog.services.integrity import IntegrityService
    from forensiclog.services.manifest import ManifestService
    from forensiclog.services.merge import MergeService
    from forensiclog.services.photos import PhotoService
    from forensiclog.services.reports import ReportService
    from forensiclog.services.search import SearchService
    from forensiclog.services.workflow import WorkflowService


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
        from forensiclog.services.exchanges import ExchangeService

        return ExchangeService(self.ctx)

    @cached_property
    def manifest(self) -> ManifestService:
        from forensiclog.services.manifest import ManifestService

        return ManifestService(self.ctx)

    @cached_property
    def cases(self) -> CaseService:
        from forensiclog.services.cases import CaseService

        return CaseService(self.ctx)

    @cached_property
    def case_list(self) -> CaseListService:
        from forensiclog.services.case_list import CaseListService

        return CaseListService(self.ctx)

    @cached_property
    def workflow(self) -> WorkflowService:
        from forensiclog.services.workflow import WorkflowService

        return WorkflowService(self.ctx)

    @cached_property
    def decisions(self) -> DecisionService:
        from forensiclog.services.decisions import DecisionService

        return DecisionService(self.ctx)

    @cached_property
    def examination(self) -> ExaminationService:
        from forensiclog.services.examination import ExaminationService

        return ExaminationService(self.ctx)

    @cached_property
    def documents(self) -> DocumentService:
        from forensiclog.services.documents import DocumentService

        return DocumentService(self.ctx)

    @cached_property
    def effects(self) -> EffectService:
        from forensiclog.services.effects import EffectService

        return EffectService(self.ctx)

    @cached_property
    def photos(self) -> PhotoService:
        from forensiclog.services.photos import PhotoService

        return PhotoService(self.ctx)

    @cached_property
    def reports(self) -> ReportService:
        from forensiclog.services.reports import ReportService

        return ReportService(self.ctx)

    @cached_property
    def search(self) -> SearchService:
        from forensiclog.services.search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def audit(self) -> AuditService:
        from forensiclog.services.audit import AuditService

        return AuditService(self.ctx)

    @cached_property
    def integrity(self) -> IntegrityService:
        from forensiclog.services.integrity import IntegrityService

        return IntegrityService(self.ctx)

    @cached_property
    def backup(self) -> BackupService:
        from forensiclog.services.backup import BackupService

        return BackupService(self.ctx)

    @cached_property
    def casefiles(self) -> CaseFileService:
        from forensiclog.services.casefiles import CaseFileService

        return CaseFileService(self.ctx)

    @cached_property
    def merge(self) -> MergeService:
        from forensiclog.services.merge import MergeService

        return MergeService(self.ctx)


def build(workspace: OpenWorkspace, actor: Actor | None) -> Services:
    return Services(ServiceContext(workspace, actor))


def sign_in(workspace: OpenWorkspace, user: str, password: str) -> Services:
    return build(workspace, authenticate(workspace, user, password))
