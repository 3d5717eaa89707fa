"""Tags: rename, merge and delete them (staff put them on cases from the case pages).

Notes are not in the admin: a private note is its author's alone, superusers included.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

from cases import services
from cases.models import Tag
from tracker.admin_tools import ServiceAdmin


class TagAdminForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name"]
        help_texts = {"name": "Up to 50 characters. The address name (slug) follows the name."}

    def clean_name(self) -> str:
        try:
            name, slug = services.tag_name_and_slug(self.cleaned_data.get("name", ""))
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        taken = Tag.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if taken is not None:
            raise ValidationError(
                f"The tag {taken.name!r} has the same address name ({slug}): merge the two "
                "instead (select both in the list, then the action 'Merge the selected tags')."
            )
        return name


def tag_create(request: HttpRequest, obj: Tag, form: TagAdminForm) -> Tag:
    return services.tag_create(name=form.cleaned_data["name"])


def tag_update(request: HttpRequest, obj: Tag, form: TagAdminForm) -> Tag:
    return services.tag_rename(tag=obj, name=form.cleaned_data["name"])


@admin.register(Tag)
class TagAdmin(ServiceAdmin):
    form = TagAdminForm
    create_with = tag_create
    update_with = tag_update
    list_display = ["name", "slug", "case_count", "created_at"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug", "created_at"]
    ordering = ["name"]
    actions = ["merge_tags"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tag]:
        return super().get_queryset(request).annotate(case_total=Count("case_tags"))

    @admin.display(description="cases", ordering="case_total")
    def case_count(self, tag: Tag) -> int:
        return tag.case_total

    @admin.action(description="Merge the selected tags", permissions=["change", "delete"])
    def merge_tags(self, request: HttpRequest, queryset: QuerySet[Tag]) -> Any:
        """Ask which of the selected tags to keep, then move the others' cases onto it and
        delete them."""
        tags = list(queryset.order_by("name"))
        if len(tags) < 2:
            self.message_user(request, "Select two tags or more to merge.", messages.WARNING)
            return None
        if "merge" in request.POST:
            into = next((tag for tag in tags if str(tag.pk) == request.POST.get("keep")), None)
            if into is not None:
                moved = services.tag_merge(into=into, tags=tags)
                merged = ", ".join(tag.name for tag in tags if tag.pk != into.pk)
                self.message_user(
                    request, f"Merged {merged} into {into.name}: {moved} case(s) gained it."
                )
                return None
            self.message_user(request, "Choose the tag to keep.", messages.ERROR)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Merge tags",
            "tags": tags,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/cases/tag/merge.html", context)
