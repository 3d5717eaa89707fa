"""The deadlines a motion's filing proposes: its page, and the way there from the motion."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html

from cases import services
from cases.models import Motion, ServiceMethod
from tracker.admin_tools import row_id


class MotionDeadlinesPage(admin.ModelAdmin):
    """The motion admin's page of proposed deadlines (``cases_motion_deadlines``)."""

    @admin.display(description="Deadlines")
    def proposed_deadlines(self, obj: Motion) -> str:
        if obj.pk is None:
            return "Save the motion first."
        count = obj.deadlines.count()
        return format_html(
            '<a href="{}">Propose deadlines from the court\'s default periods</a> · '
            '<a href="{}?motion={}">{} deadline(s) entered</a>',
            reverse("admin:cases_motion_deadlines", args=[obj.pk]),
            reverse("admin:cases_deadline_changelist"),
            obj.pk,
            count,
        )

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<path:object_id>/deadlines/",
                self.admin_site.admin_view(self.deadlines_view),
                name="cases_motion_deadlines",
            ),
            *super().get_urls(),
        ]

    def response_add(self, request: HttpRequest, obj: Motion, *args: Any) -> HttpResponse:
        stays = "_continue" in request.POST or "_addanother" in request.POST
        if not stays and services.default_periods(obj):
            self.message_user(
                request,
                "The motion was saved. These are the deadlines its filing proposes under "
                "the court's rules: choose the ones to enter.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:cases_motion_deadlines", args=[obj.pk]))
        return super().response_add(request, obj, *args)

    def deadlines_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Show the deadlines a motion's filing proposes: computed, explained, entered on demand."""
        pk = row_id(object_id)
        motion = Motion.objects.select_related("case__court").filter(pk=pk).first() if pk else None
        if motion is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (
            self.has_change_permission(request, motion)
            and request.user.has_perm("cases.add_deadline")
        ):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        service, problem = services.proposal_service_method(data.get("service"))
        errors = [problem] if problem else []
        if request.method == "POST":
            entered = self._enter_proposals(request, motion, service, errors)
            if entered is not None:
                return entered
        rule_set = services.court_rule_set(motion.case.court)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Deadlines proposed by {motion.title}",
            "opts": self.opts,
            "original": motion,
            "motion": motion,
            "rule_set": rule_set.label if rule_set else "",
            "service": service,
            "service_choices": ServiceMethod.choices,
            "errors": errors,
            "rows": services.proposal_rows(motion, service),
        }
        status = 400 if errors and request.method == "POST" else 200
        return render(request, "admin/cases/motion/deadlines.html", context, status=status)

    def _enter_proposals(
        self, request: HttpRequest, motion: Motion, service: str, errors: list[str]
    ) -> HttpResponse | None:
        """Enter the chosen proposals and go back to the motion; or add why not to ``errors``."""
        chosen = set(request.POST.getlist("period"))
        if not chosen:
            errors.append("Choose at least one deadline to enter.")
            return None
        try:
            created = services.deadlines_from_proposals(
                motion=motion, service_method=service, chosen=chosen, actor=request.user
            )
        except ValidationError as exc:
            errors.append("Nothing was saved: " + " ".join(exc.messages))
            return None
        self.message_user(
            request,
            f"Entered {len(created)} deadline(s): "
            + "; ".join(f"{d.title}, due {d.due_date:%Y-%m-%d}" for d in created),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:cases_motion_change", args=[motion.pk]))
